import { describe, expect, it } from 'vitest';
import { costFor, hashPassword, needsRehash, verifyPassword } from '../../src/core/passwords.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, at the cost the app runs with', async () => {
    const stored = await hashPassword('correct horse battery staple', costFor('production'));
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  it('hashes cheaply only under NODE_ENV=test', () => {
    expect(costFor('development')).toEqual(costFor('production'));
    expect(costFor(undefined)).toEqual(costFor('production'));
    expect(costFor('test').N).toBeLessThan(costFor('production').N);
  });

  it('salts: the same password never gives the same hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats a malformed stored value as a wrong password', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$0$8$1$c2FsdA$aGFzaA', 'md5$x$y$z$salt$hash']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('asks for a rehash of hashes made with a lower cost', async () => {
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    expect(needsRehash('scrypt$512$8$1$c2FsdA$aGFzaA')).toBe(true);
  });
});
