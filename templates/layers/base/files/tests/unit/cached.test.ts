import { describe, expect, it } from 'vitest';
import { Cached, cacheOf, forgetCachedValues } from '../../src/core/cached.js';

/** A read that counts its calls and returns the current `value`, on a clock the test moves. */
function fixture(ttlMs = 1000) {
  const state = { reads: 0, value: 'first', now: 0, fail: false };
  const cached = new Cached(
    async () => {
      state.reads++;
      if (state.fail) throw new Error('the database is gone');
      return state.value;
    },
    ttlMs,
    () => state.now,
  );
  return { state, cached };
}

describe('Cached', () => {
  it('reads once, then answers from memory until the time runs out', async () => {
    const { state, cached } = fixture();
    expect(await cached.get()).toBe('first');
    state.value = 'second';
    state.now = 999;
    expect(await cached.get()).toBe('first');
    expect(state.reads).toBe(1);
    state.now = 1000;
    expect(await cached.get()).toBe('second');
    expect(state.reads).toBe(2);
  });

  it('reads again after invalidate(), as a write in this process asks', async () => {
    const { state, cached } = fixture();
    await cached.get();
    state.value = 'changed';
    cached.invalidate();
    expect(await cached.get()).toBe('changed');
  });

  it('does not keep a failed read', async () => {
    const { state, cached } = fixture();
    state.fail = true;
    await expect(cached.get()).rejects.toThrow('the database is gone');
    state.fail = false;
    expect(await cached.get()).toBe('first');
    expect(state.reads).toBe(2);
  });

  it('shares one read between callers that ask at the same time', async () => {
    const { state, cached } = fixture();
    expect(await Promise.all([cached.get(), cached.get(), cached.get()])).toEqual(['first', 'first', 'first']);
    expect(state.reads).toBe(1);
  });

  it('forgets every value of the process at once (for tests that empty the tables)', async () => {
    const a = fixture();
    const b = fixture();
    await a.cached.get();
    await b.cached.get();
    forgetCachedValues();
    await a.cached.get();
    await b.cached.get();
    expect([a.state.reads, b.state.reads]).toEqual([2, 2]);
  });
});

describe('cacheOf', () => {
  it('gives every set of services on one database the same value, so any of them can invalidate it', async () => {
    const database = {};
    let reads = 0;
    const read = async () => ++reads;
    const app = cacheOf(database, 60_000).named('settings', read);
    const command = cacheOf(database, 60_000).named('settings', read);
    expect(command).toBe(app);
    expect(await app.get()).toBe(1);
    command.invalidate();
    expect(await app.get()).toBe(2);
    expect(cacheOf({}, 60_000).named('settings', read)).not.toBe(app);
  });
});
