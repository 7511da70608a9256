import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { secretNames } from '../../src/core/config.js';
import { loggerOptions } from '../../src/core/logger.js';
import { testConfig } from '../helpers/app.js';
import { sharedTestDatabase } from '../helpers/database.js';

const apps: FastifyInstance[] = [];
// Production refuses to start without its secrets.
const secrets = Object.fromEntries(secretNames().map((name) => [name, 's'.repeat(32)]));
afterAll(async () => {
  for (const app of apps) await app.close();
});

/** An app in the given environment whose log lines the test can read. */
async function appLogging(NODE_ENV: string): Promise<{ app: FastifyInstance; lines: string[] }> {
  const lines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const database = { ...(await sharedTestDatabase()), close: async () => {} };
  const app = await buildApp({ config: testConfig({ ...secrets, NODE_ENV, LOG_LEVEL: 'info' }), database, logStream });
  apps.push(app);
  return { app, lines };
}

describe('the request log', () => {
  it('while developing: one readable line per request, with its status and time', async () => {
    const { app, lines } = await appLogging('development');
    await app.inject({ url: '/health?probe=1' });
    const messages = lines.map((line) => (JSON.parse(line) as { msg?: string }).msg);
    expect(messages).toContainEqual(expect.stringMatching(/^GET \/health\?probe=1 → 200 \(\d+ ms\)$/));
  });

  it('elsewhere: only JSON lines for a log collector, without the one-line summary', async () => {
    const { app, lines } = await appLogging('production');
    await app.inject({ url: '/health' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect((JSON.parse(line) as { msg?: string }).msg).not.toMatch(/→/);
  });

  it('prints pretty lines in a development terminal, and JSON in production', () => {
    const development = loggerOptions(testConfig({ NODE_ENV: 'development' }));
    expect(development.logger).toMatchObject({ transport: { target: 'pino-pretty' } });
    const production = loggerOptions(testConfig({ ...secrets, NODE_ENV: 'production' }));
    expect(production.logger).not.toHaveProperty('transport');
  });
});
