import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/core/config.js';
import type { Database } from '../../src/db/client.js';
import { resetDatabase, sharedTestDatabase } from './database.js';

/** The configuration tests run with: quiet logs, random secrets; anything can be overridden. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
}

/**
 * An app on the shared test database, whose tables are emptied after each test. Call it at the top of a file or
 * of a describe block (with its own settings): `const t = useTestApp();`, then `t.app.inject(...)` in tests.
 * `prepare` may add routes before the app starts (e.g. a route that fails on purpose).
 */
export function useTestApp(env: Record<string, string> = {}, prepare?: (app: FastifyInstance) => void): TestApp {
  const context = {} as TestApp;
  beforeAll(async () => {
    context.database = await sharedTestDatabase();
    // The app closes its database when it closes; this one is shared with other test files, so it stays open.
    const database = { ...context.database, close: async () => {} };
    context.app = await buildApp({ config: testConfig(env), database });
    prepare?.(context.app);
    await context.app.ready();
  });
  afterEach(async () => {
    await resetDatabase(context.database);
  });
  afterAll(async () => {
    await context.app?.close();
  });
  return context;
}
