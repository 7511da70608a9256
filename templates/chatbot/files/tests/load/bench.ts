/**
 * `npm run bench`: the load test of the seed's 验收标准 — the non-model endpoints at 1,000 requests per second,
 * P99 under 200 ms, no errors. It starts the app as its own process (on PGlite, or on the PostgreSQL of
 * DATABASE_URL), fills it with a user and a few conversations, drives it with autocannon, prints P50/P99 and the
 * errors, and exits 1 when the bar is missed.
 *
 *   npm run bench                                   # PGlite
 *   DATABASE_URL=postgres://… npm run bench         # PostgreSQL
 *   npm run bench -- --rate 2000 --seconds 20       # another load
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const bar = { p99Ms: 200 };

const root = resolve(import.meta.dirname, '../..');
const dataDir = await mkdtemp(join(tmpdir(), 'bench-'));
const database = `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}${process.env.REDIS_URL ? ' + Redis' : ''}`;
const secret = () => randomBytes(32).toString('base64url');

/** A port nothing listens on now. */
const port = await new Promise<number>((found) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => found(port));
  });
});
const base = `http://127.0.0.1:${port}`;

// Production mode, warnings only in the log (a line per request would be measured too), limits out of the way:
// the point is the app's own speed.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JWT_SECRET: secret(),
    PGLITE_DATA_DIR: join(dataDir, 'pglite'),
    RATE_LIMIT: '1000000',
    AUTH_RATE_LIMIT: '1000',
    OFFLINE_TOKEN_DELAY_MS: '0',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let running = true;
const exited = new Promise((done) => server.on('exit', done)).finally(() => (running = false));
while (
  !(await fetch(`${base}/health`)
    .then((r) => r.ok)
    .catch(() => false))
) {
  if (!running) throw new Error('the server exited before it answered /health');
  await sleep(100);
}

try {
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const account = { email: `bench-${Date.now()}@example.com`, name: 'Bench', password: 'a bench passphrase' };
  await post('/api/v1/auth/register', account);
  const token = String((await post('/api/v1/auth/login', account)).accessToken);
  const ids: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { id } = (await post('/api/v1/conversations', { title: `Conversation ${i}` }, token)) as { id: number };
    await post(`/api/v1/conversations/${id}/messages`, { content: `Question ${i}` }, token);
    ids.push(id);
  }

  console.log(`Load: ${rate} requests/s for ${seconds} s on ${database} (${values.connections} connections)`);
  const result = await autocannon({
    url: base,
    connections: Number(values.connections),
    overallRate: rate,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    // The non-model endpoints a client calls most, in turn.
    requests: [
      { method: 'GET', path: '/api/v1/conversations' },
      { method: 'GET', path: `/api/v1/conversations/${ids[0]}` },
      { method: 'GET', path: '/api/v1/users/me' },
      { method: 'GET', path: `/api/v1/conversations/${ids[1]}` },
      { method: 'GET', path: '/api/v1/usage' },
      { method: 'GET', path: '/health' },
    ],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `${database}: ${Math.round(result.requests.average)} requests/s, ${result.requests.total} requests, ` +
      `P50 ${result.latency.p50} ms, P99 ${result.latency.p99} ms, max ${result.latency.max} ms, errors ${errors}`,
  );
  const passed = result.latency.p99 < bar.p99Ms && errors === 0 && result.requests.average >= rate * 0.95;
  console.log(passed ? `PASS: P99 < ${bar.p99Ms} ms at ${rate} requests/s, no errors` : 'FAIL: below the bar');
  process.exitCode = passed ? 0 : 1;
} finally {
  // autocannon drops its connections when time is up; let the requests they left behind finish before stopping.
  await sleep(500);
  server.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true });
}
