// A scratch Redis database for the steps that run a template's code against its services (test-postgres, and
// the docker step's PostgreSQL run), for templates whose env declares REDIS_URL: a database index of
// VERIFY_REDIS_URL's server that nothing uses, claimed, and flushed afterwards, even when the step fails.
import { randomBytes } from 'node:crypto';
import type { Template } from '../kit.js';
import { mergeEnv, templateParts } from '../plan.js';
import { HOW } from './how.js';
import { redact, withScratchDatabase } from './postgres.js';
import type { StepOutcome } from './run.js';

export const DEFAULT_VERIFY_REDIS_URL = 'redis://127.0.0.1:6379';
const CLAIM_KEY = 'study-verify:claimed';

/** Templates that read REDIS_URL get one wherever they get a PostgreSQL database. */
export function usesRedis(manifest: Template): boolean {
  return mergeEnv(templateParts(manifest)).some((entry) => entry.name === 'REDIS_URL');
}

/** A fresh PostgreSQL database (TEST_DATABASE_URL), and a Redis database (REDIS_URL) when the template uses Redis. */
export function withScratchServices(
  manifest: Template,
  run: (env: Record<string, string>) => Promise<StepOutcome>,
): Promise<StepOutcome> {
  return withScratchDatabase((databaseUrl) =>
    usesRedis(manifest)
      ? withScratchRedis((redisUrl) => run({ TEST_DATABASE_URL: databaseUrl, REDIS_URL: redisUrl }))
      : run({ TEST_DATABASE_URL: databaseUrl }),
  );
}

/**
 * Databases 1–15 of the server, in random order: the first that is empty is claimed with SET NX (two runs at
 * once cannot claim the same one), handed to `run` as redis://…/<index>, and flushed afterwards. Database 0, where
 * people keep their own keys, is never used.
 */
export async function withScratchRedis(
  run: (redisUrl: string) => Promise<StepOutcome>,
  serverUrl = process.env.VERIFY_REDIS_URL ?? DEFAULT_VERIFY_REDIS_URL,
): Promise<StepOutcome> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(serverUrl, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  const claim = randomBytes(6).toString('hex');
  let index: number | undefined;
  try {
    await redis.connect();
    for (const candidate of shuffled([...Array(15).keys()].map((i) => i + 1))) {
      await redis.select(candidate);
      if ((await redis.dbsize()) > 0) continue;
      if ((await redis.set(CLAIM_KEY, claim, 'EX', 6 * 3600, 'NX')) === 'OK') {
        index = candidate;
        break;
      }
    }
  } catch (error) {
    redis.disconnect();
    return {
      ok: false,
      output: '',
      message: `Redis is not reachable at ${redact(serverUrl)} (${firstLine(error)}): ${HOW.redis}`,
    };
  }
  if (index === undefined) {
    redis.disconnect();
    return {
      ok: false,
      output: '',
      message: `Redis at ${redact(serverUrl)} has no empty database among 1–15`,
    };
  }
  const url = new URL(serverUrl);
  url.pathname = `/${index}`;
  try {
    return await run(url.toString());
  } finally {
    await redis.flushdb().catch(() => undefined);
    await redis.quit().catch(() => undefined);
  }
}

function shuffled<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ item }) => item);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
