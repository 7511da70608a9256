import type { FastifyPluginAsync, FastifyPluginCallback } from 'fastify';
import type { Config } from '../core/config.js';
import type { Database } from '../db/client.js';
import type { ServiceDeps } from '../services/deps.js';
import type { Services } from '../services/index.js';

/** What buildApp (src/app.ts) registers every plugin with: made before the first plugin, in this order. */
export interface AppContext {
  config: Config;
  database: Database;
  /** What the services were made from: a plugin may use what a layer opened (a Redis connection, a registry). */
  deps: ServiceDeps;
  services: Services;
}

/** A plugin of src/plugins/index.ts. Most are wrapped in fastify-plugin, so their decorators and hooks apply to every route. */
export type AppPlugin = FastifyPluginAsync<AppContext> | FastifyPluginCallback<AppContext>;
