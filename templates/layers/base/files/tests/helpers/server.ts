import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/db/client.js';
import { testConfig } from './app.js';
import { openTestDatabase } from './database.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The app listening on a free port of 127.0.0.1, for a real browser to visit. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const database = await openTestDatabase();
  const app = await buildApp({ config: testConfig(env), database });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, app, database, close: () => app.close() };
}
