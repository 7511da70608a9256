// What every `npm run bench` shares: the app started as its own production process, a bare Fastify route
// measured in the same run (the yardstick: how fast this machine serves HTTP at all), the most requests/s each
// endpoint serves, and the latency at a fixed rate, measured without coordinated omission.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { z } from 'zod';
import { secretNames } from '../../src/core/config.js';

const root = resolve(import.meta.dirname, '../..');

export interface BenchOptions {
  /** Requests per second of the fixed-rate run. */
  rate: number;
  seconds: number;
  connections: number;
  /** Leave the app running after the set-up, for another load generator (hey, wrk). */
  keep: boolean;
}

/** `--rate`, `--seconds`, `--connections`, `--keep`, checked: a typo is an error, not a silent default. */
export function benchOptions(defaults: { rate: number; seconds?: number; connections?: number }): BenchOptions {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
  const parsed = z
    .object({
      rate: count(100_000, defaults.rate),
      seconds: count(3600, defaults.seconds ?? 10),
      connections: count(1000, defaults.connections ?? 50),
      keep: z.boolean(),
    })
    .safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
    process.exit(2);
  }
  return parsed.data;
}

export const databaseKind = () =>
  `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}${process.env.REDIS_URL ? ' + Redis' : ''}`;

async function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const probe = createServer()
      .once('error', failed)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => found(port));
      });
  });
}

export interface Served {
  url: string;
  /** Resolves when the process exits. */
  exited: Promise<unknown>;
  stop(): Promise<void>;
}

async function serve(argv: string[], env: NodeJS.ProcessEnv, port: number, cleanUp = async () => {}): Promise<Served> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, argv, {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let running = true;
  const exited = new Promise((done) => child.once('exit', done)).finally(() => (running = false));
  const stop = async () => {
    // The load generator drops its connections when time is up; let the requests they left finish first.
    await sleep(300);
    if (running) child.kill('SIGTERM');
    await exited;
    await cleanUp();
  };
  for (const deadline = Date.now() + 60_000; ; await sleep(100)) {
    if (!running) throw new Error(`${argv.join(' ')} exited before it answered`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${argv.join(' ')} did not answer within a minute`);
    }
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) return { url, exited, stop };
  }
}

export interface AppSetUp {
  /** Variables over the bench's own (production, warnings only, a PGlite of its own). */
  env?: Record<string, string>;
  /** Arguments of `db:seed`, run before the app starts (PGlite has one process at a time). */
  seed?: string[];
}

/**
 * The app in production mode as its own process, on a PGlite of its own (or the PostgreSQL of DATABASE_URL),
 * logging warnings only, seeded first if asked. Returns `seeded`: what db:seed printed (e.g. a password).
 */
export async function startApp({ env = {}, seed }: AppSetUp = {}): Promise<Served & { seeded: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-'));
  // Production requires every secret the app declares (src/core/env.ts): a random one each, for this run.
  const secrets = Object.fromEntries(secretNames().map((name) => [name, randomBytes(32).toString('base64url')]));
  const port = await freePort();
  const appEnv = {
    ...process.env,
    ...secrets,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // Whatever the app writes goes to a folder of its own, removed afterwards (a template without uploads or mail
    // ignores these).
    PGLITE_DATA_DIR: join(dataDir, 'pglite'),
    UPLOAD_DIR: join(dataDir, 'uploads'),
    MAIL_OUTBOX_DIR: 'memory://',
    ...env,
  };
  const seeded = seed
    ? (
        await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/commands/seed.ts', ...seed], {
          cwd: root,
          env: appEnv,
        })
      ).stdout
    : '';
  const served = await serve(['--import', 'tsx', 'src/main.ts'], appEnv, port, () =>
    rm(dataDir, { recursive: true, force: true }),
  );
  return { ...served, seeded };
}

/** The yardstick: one Fastify route that answers a small JSON object, in a process of its own. */
export async function startBareFastify(): Promise<Served> {
  const port = await freePort();
  return serve(['--import', 'tsx', 'tests/load/bare-server.ts'], { ...process.env, PORT: String(port) }, port);
}

export interface Endpoint {
  name: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The most requests per second the endpoint serves: `connections` clients, each sending as soon as answered,
 * after a second of the same to warm up (the JIT, the database's caches) that is not counted.
 */
export async function throughput(url: string, endpoint: Endpoint, options: BenchOptions): Promise<number> {
  const load = (duration: number) =>
    autocannon({
      url: `${url}${endpoint.path}`,
      method: endpoint.method ?? 'GET',
      headers: endpoint.headers,
      body: endpoint.body,
      connections: options.connections,
      duration,
    });
  await load(1);
  const result = await load(Math.min(options.seconds, 5));
  return Math.round(result.requests.average);
}

export interface FixedRateResult {
  sent: number;
  errors: number;
  /** Requests answered per second, over the run. */
  served: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * `rate` requests per second, sent on schedule whatever the server does: each latency runs from the moment its
 * request was due, not from when a free connection let it leave, so a server that stalls is charged for every
 * request it held up (no coordinated omission, unlike a closed loop of clients).
 */
export async function fixedRate(url: string, endpoint: Endpoint, options: BenchOptions): Promise<FixedRateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(endpoint.path, url);
  const total = options.rate * options.seconds;
  const latencies: number[] = [];
  let errors = 0;
  const one = (due: number) =>
    new Promise<void>((done) => {
      const request = http.request(
        target,
        { method: endpoint.method ?? 'GET', headers: endpoint.headers, agent, timeout: 10_000 },
        (response) => {
          response.resume();
          response.once('end', () => {
            if (response.statusCode === undefined || response.statusCode >= 400) errors++;
            latencies.push(performance.now() - due);
            done();
          });
        },
      );
      request.once('timeout', () => request.destroy(new Error('timed out')));
      request.once('error', () => {
        errors++;
        latencies.push(performance.now() - due);
        done();
      });
      request.end(endpoint.body);
    });
  const start = performance.now();
  const dueAt = (n: number) => start + (n * 1000) / options.rate;
  const pending: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    while (sent < total && dueAt(sent) <= now) pending.push(one(dueAt(sent++)));
    await sleep(1);
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => {
    const value = latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
    return Math.round(value * 10) / 10;
  };
  return { sent: total, errors, served: Math.round(total / seconds), p50: at(0.5), p99: at(0.99), max: at(1) };
}

export interface Bar {
  /** P99 at the fixed rate must stay under this. */
  p99Ms: number;
  /** The endpoint's most requests/s, as a share of the bare route's (0.05 = 5 %). */
  minRatio?: number;
}

/**
 * Measures the bare route, then each endpoint (most requests/s, then `options.rate` requests/s on schedule),
 * prints one line each and a verdict, and sets the exit code: 1 when an endpoint misses the bar.
 */
export async function report(app: Served, endpoints: Endpoint[], options: BenchOptions, bar: Bar): Promise<void> {
  const bare = await startBareFastify();
  let bareRate: number;
  try {
    bareRate = await throughput(bare.url, { name: 'bare', path: '/' }, options);
  } finally {
    await bare.stop();
  }
  console.log(`On ${databaseKind()}, ${options.connections} connections; a bare Fastify route: ${bareRate} requests/s`);
  let passed = true;
  for (const endpoint of endpoints) {
    const most = await throughput(app.url, endpoint, options);
    const steady = await fixedRate(app.url, endpoint, options);
    const ratio = most / bareRate;
    const ok =
      steady.errors === 0 &&
      steady.p99 < bar.p99Ms &&
      steady.served >= options.rate * 0.95 &&
      ratio >= (bar.minRatio ?? 0);
    passed &&= ok;
    console.log(
      `${endpoint.name} (${endpoint.method ?? 'GET'} ${endpoint.path}): at most ${most} requests/s ` +
        `(${(ratio * 100).toFixed(1)} % of the bare route); at ${options.rate} requests/s: P50 ${steady.p50} ms, ` +
        `P99 ${steady.p99} ms, max ${steady.max} ms, ${steady.errors} errors — ${ok ? 'PASS' : 'FAIL'}`,
    );
  }
  const ratioBar = bar.minRatio ? ` and at least ${bar.minRatio * 100} % of the bare route` : '';
  console.log(
    passed
      ? `PASS: P99 < ${bar.p99Ms} ms at ${options.rate} requests/s, no errors${ratioBar}`
      : `FAIL: below the bar (P99 < ${bar.p99Ms} ms at ${options.rate} requests/s, no errors${ratioBar})`,
  );
  process.exitCode = passed ? 0 : 1;
}

/**
 * Runs a bench: starts the app (seeded if asked), lets `setUp` make what the endpoints need (accounts, data) and
 * name them, then `report`s — or, with --keep, leaves the app running for another load generator.
 */
export async function bench(
  options: BenchOptions,
  bar: Bar,
  setUp: (app: Served & { seeded: string }) => Promise<Endpoint[]>,
  app: AppSetUp = {},
): Promise<void> {
  const running = await startApp(app);
  try {
    const endpoints = await setUp(running);
    if (options.keep) {
      console.log(`The app is on ${running.url} (${databaseKind()}); Ctrl-C stops it. Endpoints:`);
      for (const endpoint of endpoints) console.log(`  ${endpoint.method ?? 'GET'} ${running.url}${endpoint.path}`);
      await running.exited;
    } else {
      console.log(`Load: ${options.rate} requests/s for ${options.seconds} s per endpoint`);
      await report(running, endpoints, options, bar);
    }
  } finally {
    await running.stop();
  }
}
