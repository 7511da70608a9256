import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestDatabaseTo } from '../helpers/database.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';

const root = resolve(import.meta.dirname, '../..');
let workDir = '';
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await FakeOpenAi.start();
});
afterAll(async () => {
  await fake.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('the logs of a real server', () => {
  it('are JSON lines with request ids, and carry no password, token or key', async () => {
    workDir = await mkdtemp(join(tmpdir(), 'logs-'));
    const dataDir = join(workDir, 'pglite');
    if (!process.env.DATABASE_URL) await writeTestDatabaseTo(dataDir);
    const providerKey = 'sk-provider-secret-never-logged';
    // A provider that fails once: its error is logged, and must not show the key sent to it.
    fake.behaviour = { failTimes: 1, failStatus: 401 };
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'trace',
        PGLITE_DATA_DIR: dataDir,
        AI_BASE_URL: fake.url,
        AI_API_KEY: providerKey,
        AI_FALLBACK: 'false',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => server.on('exit', done));
    const lines: string[] = [];
    const base = await new Promise<string>((found, failed) => {
      createInterface({ input: server.stdout }).on('line', (line) => {
        lines.push(line);
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match?.[1]) found(match[1]);
      });
      void exited.then(() => failed(new Error(`server exited:\n${lines.join('\n')}`)));
    });

    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await response.json()) as Record<string, string>;
    };
    const password = 'my very secret passphrase';
    await call('POST', '/api/v1/auth/register', { email: 'logs@example.com', name: 'Logs', password });
    await call('POST', '/api/v1/auth/login', { email: 'logs@example.com', password: 'a wrong passphrase' });
    const tokens = await call('POST', '/api/v1/auth/login', { email: 'logs@example.com', password });
    const refreshed = await call('POST', '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    const { key } = await call('POST', '/api/v1/api-keys', { name: 'k' }, refreshed.accessToken);
    const failedAnswer = await call('POST', '/v1/chat/completions', { model: 'x', messages: [{ role: 'user', content: 'hi' }] }, key);
    expect(failedAnswer).toMatchObject({ error: { code: 'upstream_failed' } });
    expect(fake.requests[0]?.authorization).toBe(`Bearer ${providerKey}`);

    server.kill('SIGTERM');
    await exited;
    const log = lines.join('\n');
    for (const secret of [password, tokens.accessToken, tokens.refreshToken, refreshed.accessToken, refreshed.refreshToken, key, providerKey]) {
      expect(secret && log.includes(secret), `a secret is in the log: ${secret?.slice(0, 12)}…`).toBe(false);
    }
    const requests = lines.map((line) => JSON.parse(line) as { reqId?: string; req?: { url: string } }).filter((entry) => entry.req);
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests.every((entry) => typeof entry.reqId === 'string')).toBe(true);
  }, 30_000);
});
