import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/tokens.js';

const secret = 'a-test-secret-of-at-least-32-characters!';
const tokens = new AccessTokens(secret, 900);

describe('access tokens (JWT, HS256)', () => {
  it('carry the user and the role, and expire after their lifetime', async () => {
    const token = await tokens.sign({ userId: 7, role: 'admin' });
    expect(await tokens.verify(token)).toEqual({ userId: 7, role: 'admin' });
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('refuses an expired token', async () => {
    const old = await tokens.sign({ userId: 7, role: 'user' }, new Date(Date.now() - 901_000));
    await expect(tokens.verify(old)).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The access token has expired.',
    });
  });

  it('refuses a tampered token, another key, "alg: none" and garbage', async () => {
    const token = await tokens.sign({ userId: 7, role: 'user' });
    const [header, , signature] = token.split('.');
    const promoted = Buffer.from(JSON.stringify({ role: 'admin', sub: '7', iss: 'study-project', exp: 9e9 })).toString(
      'base64url',
    );
    const otherKey = await new AccessTokens('another-secret-of-at-least-32-characters', 900).sign({
      userId: 7,
      role: 'user',
    });
    const unsigned = new UnsecuredJWT({ role: 'admin' }).setSubject('7').setIssuer('study-project').encode();
    const wrongAlgorithm = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('7')
      .setIssuer('study-project')
      .sign(new TextEncoder().encode(secret));
    for (const bad of [`${header}.${promoted}.${signature}`, otherKey, unsigned, wrongAlgorithm, 'not.a.token', '']) {
      await expect(tokens.verify(bad)).rejects.toMatchObject({ code: 'unauthorized', statusCode: 401 });
    }
  });
});
