import { randomUUID } from 'node:crypto';
import { openRedis, type Redis } from '../../src/adapters/redis.js';

/**
 * The Redis of REDIS_URL for tests that need one, or undefined when it is unset (those tests then run on the
 * in-process implementations only). Set but unreachable is an error, never a silent skip.
 */
export const redisUrl = process.env.REDIS_URL || undefined;

export async function testRedis(): Promise<Redis> {
  if (!redisUrl) throw new Error('REDIS_URL is not set');
  return openRedis(redisUrl);
}

/** A key prefix of its own for each test, so that parallel runs on one Redis never meet. */
export function testPrefix(): string {
  return `test-${randomUUID()}:`;
}
