import { describe, expect, it } from 'vitest';
import { fingerprint, signToken, verifyToken } from '../../src/core/tokens.js';

const secret = 'x'.repeat(32);
const inAnHour = Math.floor(Date.now() / 1000) + 3600;

describe('signed tokens', () => {
  it('verifies its own token for its purpose only', () => {
    const token = signToken(secret, { sub: 7, purpose: 'confirm', exp: inAnHour, fp: fingerprint(secret, 'a') });
    expect(verifyToken(secret, 'confirm', token)?.sub).toBe(7);
    expect(verifyToken(secret, 'reset', token)).toBeUndefined();
    expect(verifyToken('y'.repeat(32), 'confirm', token)).toBeUndefined();
  });

  it('refuses an expired, altered or malformed token', () => {
    const token = signToken(secret, { sub: 7, purpose: 'reset', exp: inAnHour });
    expect(verifyToken(secret, 'reset', token, (inAnHour + 1) * 1000)).toBeUndefined();
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 1, purpose: 'reset', exp: inAnHour })).toString('base64url');
    expect(verifyToken(secret, 'reset', `${forged}.${sig}`)).toBeUndefined();
    for (const bad of ['', '.', `${body}`, `${body}.${sig}.x`, 'a'.repeat(600), `${body}.${'A'.repeat(sig!.length)}`])
      expect(verifyToken(secret, 'reset', bad)).toBeUndefined();
  });
});
