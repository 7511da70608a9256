import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/core/config.js';
import { testEnvironment } from '../../src/core/env.js';
import type { Database } from '../../src/db/client.js';
import { createServiceDeps, type ServiceDeps } from '../../src/services/deps.js';
import { createServices, type Services } from '../../src/services/index.js';
import { resetDatabase, sharedTestDatabase } from './database.js';

/**
 * The configuration tests run with: each variable's test value (src/core/env.ts: quiet logs, random secrets,
 * nothing that leaves the machine), then `overrides`.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...testEnvironment(), ...overrides });
}

const closeHooks: (() => Promise<void> | void)[] = [];
const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

/** What services are made from, made as src/app.ts makes it, on the test database. */
export function testDeps(database: Database, env: Record<string, string> = {}): Promise<ServiceDeps> {
  return createServiceDeps({
    config: testConfig(env),
    database,
    log: quietLog,
    onClose: (hook) => void closeHooks.push(hook),
  });
}

/** The services, for tests that arrange data through them or test them alone. */
export async function testServices(database: Database, env: Record<string, string> = {}): Promise<Services> {
  return createServices(await testDeps(database, env));
}

/** Stops what testDeps() and testServices() opened (connections, timers): `afterAll(closeTestServices)`. */
export async function closeTestServices(): Promise<void> {
  for (const hook of closeHooks.splice(0).reverse()) await hook();
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The app's configuration (its secrets, e.g. to sign a token the app accepts). */
  config: Config;
}

/**
 * An app on the shared test database, whose tables are emptied after each test. Call it at the top of a file or
 * of a describe block (with its own settings): `const t = useTestApp();`, then `t.app.inject(...)` in tests.
 * `env` may be a function, read when the app is built (e.g. the address of a server a beforeAll started).
 * `prepare` may add routes before the app starts (e.g. a route that fails on purpose).
 */
export function useTestApp(
  env: Record<string, string> | (() => Record<string, string>) = {},
  prepare?: (app: FastifyInstance) => void,
): TestApp {
  const context = {} as TestApp;
  beforeAll(async () => {
    context.database = await sharedTestDatabase();
    // The app closes its database when it closes; this one is shared with other test files, so it stays open.
    const database = { ...context.database, close: async () => {} };
    context.config = testConfig(typeof env === 'function' ? env() : env);
    context.app = await buildApp({ config: context.config, database });
    prepare?.(context.app);
    await context.app.ready();
  });
  afterEach(async () => {
    await resetDatabase(context.database);
  });
  afterAll(async () => {
    await context.app?.close();
    await closeTestServices();
  });
  return context;
}
