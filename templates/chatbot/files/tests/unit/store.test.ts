import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '../../src/adapters/redis.js';
import { MemoryStore, RedisStore, type Store } from '../../src/adapters/store.js';
import { redisUrl, testPrefix, testRedis } from '../helpers/redis.js';

function behavesAsAStore(makeStore: () => Store) {
  it('keeps values until they expire, and counts atomically', async () => {
    const store = makeStore();
    expect(await store.get('missing')).toBeUndefined();
    await store.set('greeting', 'hello', 60);
    expect(await store.get('greeting')).toBe('hello');
    await store.set('brief', 'gone soon', 1);
    expect(await Promise.all([store.increment('n', 2, 60), store.increment('n', 3, 60)])).toEqual(
      expect.arrayContaining([5]),
    );
    expect(await store.get('n')).toBe('5');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.get('brief')).toBeUndefined();
  });
}

describe('the in-process store', () => {
  behavesAsAStore(() => new MemoryStore());

  it('drops the oldest entries when it is full', async () => {
    const store = new MemoryStore(2);
    for (const key of ['a', 'b', 'c']) await store.set(key, key, 60);
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([undefined, 'b', 'c']);
  });
});

describe.runIf(redisUrl)('the Redis store (REDIS_URL)', () => {
  let redis: Redis;
  const prefix = testPrefix();
  beforeAll(async () => {
    redis = await testRedis();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  behavesAsAStore(() => new RedisStore(redis, prefix));
});
