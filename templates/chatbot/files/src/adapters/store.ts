import type { DepsPart } from '../services/deps.js';
import type { Redis } from './redis.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Keys with expiry shared by every process of the app (cached answers, quota counters). */
    store: Store;
  }
}

export const serviceDeps: DepsPart = ({ config, redis }) => ({ store: createStore(redis, config.REDIS_PREFIX) });

/**
 * A small key-value store with expiry, for what must be shared by every process of the app when there are several
 * (cached answers, quota counters): Redis when REDIS_URL is set, a Map in this process otherwise.
 */
export interface Store {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Adds `amount` (creating the key with this expiry if it is new) and returns the new total. */
  increment(key: string, amount: number, ttlSeconds: number): Promise<number>;
}

export function createStore(redis: Redis | undefined, prefix: string): Store {
  return redis ? new RedisStore(redis, prefix) : new MemoryStore();
}

export class MemoryStore implements Store {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now = () => Date.now(),
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.live(key)?.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.put(key, value, ttlSeconds);
  }

  // No await between the read and the write: two increments at once cannot both read the old total.
  async increment(key: string, amount: number, ttlSeconds: number): Promise<number> {
    const entry = this.live(key);
    const total = Number(entry?.value ?? 0) + amount;
    if (entry) entry.value = String(total);
    else this.put(key, String(total), ttlSeconds);
    return total;
  }

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) this.entries.delete(key);
    return entry && entry.expiresAt > this.now() ? entry : undefined;
  }

  private put(key: string, value: string, ttlSeconds: number): void {
    this.entries.delete(key);
    // A Map keeps insertion order: the first key is the oldest, dropped when the store is full.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }
}

export class RedisStore implements Store {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
  }

  async increment(key: string, amount: number, ttlSeconds: number): Promise<number> {
    // One round trip, atomic: INCRBY, and an expiry only when the key is new (NX), so it is not pushed back.
    const results = await this.redis
      .multi()
      .incrby(this.prefix + key, amount)
      .expire(this.prefix + key, ttlSeconds, 'NX')
      .exec();
    const [error, total] = results?.[0] ?? [new Error('no reply from Redis')];
    if (error) throw error;
    return Number(total);
  }
}
