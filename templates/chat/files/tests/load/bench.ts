/**
 * `npm run bench`: how long one message takes to reach every client of a room. 1,000 Socket.IO clients (websocket
 * transport, signed in, in the room "general") are connected to the app; one more client sends a message, and the
 * time from sending to its arrival at each client is taken, over several rounds.
 *
 *   1. one app process (PGlite in memory);
 *   2. two app processes sharing the room through Redis (REDIS_URL) and one PostgreSQL (DATABASE_URL), the
 *      clients split between them; skipped, and said so, without both;
 *   3. the room page as a signed-in browser asks for it (tests/load/harness.ts): the most requests/s, as a share of
 *      a bare Fastify route measured in the same run, and P99 under 50 ms at 200 requests/s on schedule.
 *
 * The clients all run in this one process, on the same two CPUs as the servers: the figures include the time the
 * clients take to read the messages, so they are pessimistic. Options: --clients 1000 --rounds 30.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { openRedis } from '../../src/adapters/redis.js';
import { type AppProcess, signUpOver, startAppProcess } from '../helpers/processes.js';
import { report, startApp } from './harness.js';

const options = z
  .object({
    clients: z.coerce.number().int().min(1).max(5000).default(1000),
    rounds: z.coerce.number().int().min(1).max(1000).default(30),
  })
  .parse(parseArgs({ options: { clients: { type: 'string' }, rounds: { type: 'string' } } }).values);

const quiet = { LOG_LEVEL: 'info', SOCKET_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '1000', WRITE_RATE_LIMIT: '1000' };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectAll(urls: string[], cookie: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  // In batches: a thousand handshakes at once only measure the accept queue.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => {
      const socket = io(urls[(i + j) % urls.length] ?? '', {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie },
      });
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once('connect', () => {
          socket
            .timeout(30_000)
            .emitWithAck('join', { room: 'general' })
            .then(() => resolve(), reject);
        });
        socket.once('connect_error', reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

async function measure(label: string, servers: AppProcess[]): Promise<void> {
  const urls = servers.map((server) => server.url);
  const cookie = await signUpOver(urls[0] ?? '', 'Bench', `bench.${randomUUID()}@example.com`);
  const started = performance.now();
  const clients = await connectAll(urls, cookie, options.clients);
  const [sender] = await connectAll(urls, cookie, 1);
  if (!sender) throw new Error('no sender');
  console.log(
    `${label}: ${clients.length} clients connected and joined in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await sleep(1000); // let the presence updates of all those arrivals settle

  const toAll: number[] = [];
  const toFirst: number[] = [];
  const each: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const body = `round ${round} ${randomUUID()}`;
    let sentAt = 0;
    let left = clients.length;
    const allReceived = new Promise<void>((resolve) => {
      for (const client of clients) {
        const listener = (message: { html: string }) => {
          if (!message.html.includes(body)) return;
          client.off('new message', listener);
          const latency = performance.now() - sentAt;
          each.push(latency);
          if (left === clients.length) toFirst.push(latency);
          left -= 1;
          if (left === 0) {
            toAll.push(latency);
            resolve();
          }
        };
        client.on('new message', listener);
      }
    });
    sentAt = performance.now();
    const answer = (await sender.timeout(30_000).emitWithAck('new message', { room: 'general', body })) as {
      ok: boolean;
    };
    if (!answer.ok) throw new Error(`the message was refused: ${JSON.stringify(answer)}`);
    await allReceived;
    await sleep(100);
  }
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `${label}: broadcast to all ${clients.length} clients over ${options.rounds} rounds: ` +
      `P50 ${ms(percentile(toAll, 50))}, P99 ${ms(percentile(toAll, 99))}, max ${ms(Math.max(...toAll))}`,
  );
  console.log(
    `${label}: per client: P50 ${ms(percentile(each, 50))}, P99 ${ms(percentile(each, 99))}; ` +
      `first client (stored and sent): P50 ${ms(percentile(toFirst, 50))} (target: P99 to all < 100 ms)`,
  );
  for (const socket of [...clients, sender]) socket.disconnect();
}

async function roomPage(): Promise<void> {
  const app = await startApp({ env: { ...quiet, LOG_LEVEL: 'warn' } });
  try {
    const cookie = await signUpOver(app.url, 'Reader', `reader.${randomUUID()}@example.com`);
    const room = { name: 'room page', path: '/', headers: { cookie, accept: 'text/html' } };
    await report(app, [room], { rate: 200, seconds: 10, connections: 20, keep: false }, { p99Ms: 50 });
  } finally {
    await app.stop();
  }
}

async function main() {
  // A busy machine makes every figure worse: say how busy it was.
  console.log(
    `${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const one = await startAppProcess({ ...quiet, PGLITE_DATA_DIR: 'memory://', DATABASE_URL: '', REDIS_URL: '' });
  try {
    await measure('one process', [one]);
  } finally {
    await one.stop();
  }

  await roomPage();
  const { REDIS_URL, DATABASE_URL } = process.env;
  if (!REDIS_URL || !DATABASE_URL) {
    console.log('two processes on Redis: skipped (set REDIS_URL and DATABASE_URL: the processes share both)');
    return;
  }
  const env = {
    ...quiet,
    REDIS_URL,
    DATABASE_URL,
    REDIS_PREFIX: `bench-${randomUUID()}:`,
    SESSION_SECRET: randomUUID().repeat(2),
  };
  const first = await startAppProcess(env);
  const second = await startAppProcess(env).catch(async (error: unknown) => {
    await first.stop();
    throw error;
  });
  try {
    await measure('two processes on Redis', [first, second]);
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    // The adapter's stream and sessions stay in Redis after the processes stop: the benchmark removes its own.
    const redis = await openRedis(REDIS_URL);
    const keys = await redis.keys(`${env.REDIS_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
