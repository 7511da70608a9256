import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/db/client.js';
import { testConfig } from '../helpers/app.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';

const providerKey = 'sk-provider-secret-never-logged';
const lines: string[] = [];
let app: FastifyInstance;
let fake: FakeOpenAi;
let database: Database;

beforeAll(async () => {
  fake = await FakeOpenAi.start();
  database = await sharedTestDatabase();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  // The most talkative level, and a provider that fails: its error is logged, and must not show its key.
  const config = testConfig({
    LOG_LEVEL: 'trace',
    AI_BASE_URL: fake.url,
    AI_API_KEY: providerKey,
    AI_FALLBACK: 'false',
  });
  app = await buildApp({ config, database: { ...database, close: async () => {} }, logStream });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
  await resetDatabase(database);
});

describe('the log', () => {
  it('is JSON lines with request ids, and carries no password, token or key', async () => {
    const call = async (url: string, payload: object, token?: string) =>
      (
        await app.inject({ method: 'POST', url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} })
      ).json<Record<string, string>>();
    const password = 'my very secret passphrase';
    await call('/api/v1/auth/register', { email: 'logs@example.com', name: 'Logs', password });
    await call('/api/v1/auth/login', { email: 'logs@example.com', password: 'a wrong passphrase' });
    const tokens = await call('/api/v1/auth/login', { email: 'logs@example.com', password });
    const refreshed = await call('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken! });
    const { key } = await call('/api/v1/api-keys', { name: 'k' }, refreshed.accessToken);
    fake.behaviour = { failTimes: 1, failStatus: 401 };
    const failed = await call('/v1/chat/completions', { model: 'x', messages: [{ role: 'user', content: 'hi' }] }, key);
    expect(failed).toMatchObject({ error: { code: 'upstream_failed' } });
    expect(fake.requests[0]?.authorization).toBe(`Bearer ${providerKey}`);

    const log = lines.join('\n');
    const secrets = [
      password,
      tokens.accessToken,
      tokens.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
      key,
      providerKey,
    ];
    for (const secret of secrets)
      expect(secret && log.includes(secret), `in the log: ${secret?.slice(0, 10)}…`).toBe(false);
    // …while what was logged is there: every request, with its id.
    const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; req?: { url: string }; msg?: string });
    const requests = entries.filter((entry) => entry.req);
    expect(requests.map((entry) => entry.req?.url)).toContain('/v1/chat/completions');
    expect(requests.every((entry) => typeof entry.reqId === 'string')).toBe(true);
    expect(entries.some((entry) => entry.msg === 'request rejected')).toBe(true);
  });
});
