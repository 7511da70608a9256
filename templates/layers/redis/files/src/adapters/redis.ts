import { Redis, type RedisOptions } from 'ioredis';
import type { DepsPart } from '../services/deps.js';

export type { Redis };

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Set when REDIS_URL is: what several processes of the app must share lives there (queues, caches, limits). */
    redis: Redis | undefined;
  }
}

/** One connection for the whole app, opened before anything uses it and closed after everything else. */
export const serviceDeps: DepsPart = async ({ config, onClose }) => {
  const redis = config.REDIS_URL ? await openRedis(config.REDIS_URL) : undefined;
  onClose(async () => {
    await redis?.quit();
  });
  return { redis };
};

/**
 * Opens a Redis connection and waits for its first answer: a wrong REDIS_URL stops the app at start-up with a
 * sentence, instead of every request that needs Redis hanging in ioredis's offline queue.
 */
export async function openRedis(url: string, options: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 2, ...options });
  // Without a listener ioredis prints every reconnection error; the failed command reports the problem instead.
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`REDIS_URL is set, but Redis does not answer at ${withoutPassword(url)}: ${String(error)}`, {
      cause: error,
    });
  }
  return redis;
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
