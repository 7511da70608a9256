/**
 * A value many requests show and few change (a blog's settings, the categories of its sidebar): read once, then
 * served from memory until a write in this process calls `invalidate()`, or until `ttlMs` have passed, so that with
 * several processes on one PostgreSQL a change made by another one shows within that time. Flask-Caching's
 * `@cache.cached(timeout=…)` and `cache.delete()`, in a few lines. Invalidate after the write has committed: a read
 * between the two would keep the old value until the time runs out.
 */
export class Cached<T> {
  private value: Promise<T> | undefined;
  private readAt = 0;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    every.add(new WeakRef(this));
  }

  get(): Promise<T> {
    if (this.value === undefined || this.now() - this.readAt >= this.ttlMs) {
      const value = this.read();
      this.value = value;
      this.readAt = this.now();
      // A failed read is not kept: the next call reads again.
      value.catch(() => {
        if (this.value === value) this.value = undefined;
      });
    }
    return this.value;
  }

  invalidate(): void {
    this.value = undefined;
  }
}

/** The cached values kept for one database, by name. */
export interface Cache {
  /** The value called `name`: made on first use with `read`; later callers share it (and its invalidate()). */
  named<T>(name: string, read: () => Promise<T>): Cached<T>;
}

const byDatabase = new WeakMap<object, Map<string, Cached<unknown>>>();

/**
 * The cache of a database in this process. Every set of services made on the same database (the app's, a test's, a
 * command's) shares it, so a write through any of them invalidates the value for all.
 */
export function cacheOf(database: object, ttlMs: number): Cache {
  let values = byDatabase.get(database);
  if (!values) byDatabase.set(database, (values = new Map<string, Cached<unknown>>()));
  const named = values;
  return {
    named<T>(name: string, read: () => Promise<T>): Cached<T> {
      let value = named.get(name) as Cached<T> | undefined;
      if (!value) named.set(name, (value = new Cached(read, ttlMs)));
      return value;
    },
  };
}

const every = new Set<WeakRef<Cached<unknown>>>();

/**
 * Forgets every cached value of this process. For tests, which empty the tables between tests behind the
 * services' back (tests/helpers/database.ts), as Django's tests clear its cache.
 */
export function forgetCachedValues(): void {
  for (const ref of every) {
    const cached = ref.deref();
    if (cached) cached.invalidate();
    else every.delete(ref);
  }
}
