import type { FastifyBaseLogger } from 'fastify';
import { depsParts } from '../adapters/index.js';
import type { Config } from '../core/config.js';
import type { Database, Db } from '../db/client.js';

/**
 * What services are made from: the database, the configuration, a logger and a way to stop what they start.
 * A layer adds what it brings (a mailer, a Redis connection, …) in its adapter's file, by declaration merging:
 *
 *   declare module '../services/deps.js' { interface ServiceDeps { mailer: Mailer } }
 *
 * and builds it in that file's `serviceDeps` (listed in src/adapters/index.ts).
 */
export interface ServiceDeps {
  db: Db;
  config: Config;
  /** The app's logger (JSON lines), for what services do outside a request: jobs, schedules. */
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Registers work to do when the app closes: stop timers and workers, close connections (last in, first out). */
  onClose: (hook: () => Promise<void> | void) => void;
}

/** What an adapter's `serviceDeps` is given to build its part. */
export interface DepsContext {
  config: Config;
  database: Database;
  log: ServiceDeps['log'];
  onClose: ServiceDeps['onClose'];
}

/** One adapter's part of ServiceDeps. It sees what the parts before it made (the Redis connection, …). */
export type DepsPart = (
  context: DepsContext & Partial<ServiceDeps>,
) => Partial<ServiceDeps> | Promise<Partial<ServiceDeps>>;

/** The one place ServiceDeps is made: by buildApp (src/app.ts), the test helpers and every command. */
export async function createServiceDeps(context: DepsContext): Promise<ServiceDeps> {
  const { config, database, log, onClose } = context;
  const deps: Partial<ServiceDeps> = { db: database.db, config, log, onClose };
  for (const part of depsParts) Object.assign(deps, await part({ ...deps, ...context }));
  return deps as ServiceDeps;
}
