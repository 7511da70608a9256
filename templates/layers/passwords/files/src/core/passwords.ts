import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt, a memory-hard function built into Node (no native add-on): each guess costs an
 * attacker 32 MB of memory and tens of milliseconds, which makes stolen hashes expensive to crack.
 * Stored as `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later without breaking old hashes.
 */
export type Cost = { N: number; r: number; p: number };

/**
 * The cost of a new hash. Under NODE_ENV=test it is 32 times cheaper (~5 ms instead of ~150 ms): a test suite signs
 * up and logs in hundreds of users, and the real cost made hashing half of its run time. Django advises the same
 * for test settings. Every hash records its own cost, so either kind verifies anywhere, and needsRehash() upgrades
 * a cheap one at its next log-in.
 */
export function costFor(nodeEnv: string | undefined): Cost {
  return nodeEnv === 'test' ? { N: 2 ** 10, r: 8, p: 1 } : { N: 2 ** 15, r: 8, p: 1 };
}

const cost = costFor(process.env.NODE_ENV);
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes (32 MB here).
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, { N, r, p }: Cost = cost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; false (never an exception) for a malformed stored value. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const options = { N: Number(N), r: Number(r), p: Number(p) };
  if (!Object.values(options).every((value) => Number.isInteger(value) && value > 0) || expected.length !== keyLength) {
    return false;
  }
  const key = await derive(password, Buffer.from(salt, 'base64url'), options);
  return timingSafeEqual(key, expected);
}

/** true when a hash was made with a lower cost than today's: rehash it at the next successful login. */
export function needsRehash(stored: string): boolean {
  const [, N, r, p] = stored.split('$');
  return Number(N) < cost.N || Number(r) < cost.r || Number(p) < cost.p;
}
