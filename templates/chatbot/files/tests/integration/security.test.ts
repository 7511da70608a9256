import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/tokens.js';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

// The security list of the chat-bot API, each one through the whole app.
describe('who may call what', () => {
  const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });
  const conversations = (headers: Record<string, string> = {}) =>
    t.app.inject({ url: '/api/v1/conversations', headers });

  it('no token: 401 with WWW-Authenticate and the standard error body', async () => {
    const response = await conversations();
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: expect.any(String) as string,
        requestId: response.headers['x-request-id'],
      },
    });
  });

  it('an expired, tampered or foreign token: 401', async () => {
    const { user, token } = await signedIn(t);
    const expired = await new AccessTokens(t.config.JWT_SECRET, 60).sign(
      { userId: user.id, role: 'user' },
      new Date(Date.now() - 120_000),
    );
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    const foreign = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(user.id))
      .setIssuer('study-project')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('somebody-elses-secret-of-32-characters'));
    for (const bad of [expired, tampered, foreign, 'garbage']) {
      const response = await conversations({ authorization: `Bearer ${bad}` });
      expect(response.statusCode, bad).toBe(401);
    }
    expect((await conversations({ authorization: `Bearer ${expired}` })).json()).toMatchObject({
      error: { message: 'The access token has expired.' },
    });
  });

  it("another user's conversation: 404 for reading, renaming, deleting and chatting", async () => {
    const owner = await signedIn(t);
    const other = await signedIn(t);
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/conversations',
        headers: owner.headers,
        payload: { title: 'Mine' },
      })
    ).json<{ id: number }>();
    const attempts = [
      { method: 'GET' as const, url: `/api/v1/conversations/${id}` },
      { method: 'PATCH' as const, url: `/api/v1/conversations/${id}`, payload: { title: 'Stolen' } },
      { method: 'POST' as const, url: `/api/v1/conversations/${id}/messages`, payload: { content: 'hi' } },
      { method: 'DELETE' as const, url: `/api/v1/conversations/${id}` },
    ];
    for (const attempt of attempts)
      expect((await t.app.inject({ ...attempt, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/conversations/${id}`, headers: owner.headers })).json()).toMatchObject({
      title: 'Mine',
      messages: [],
    });
  });

  it('admin routes: 403 for a user', async () => {
    const { headers } = await signedIn(t);
    for (const url of ['/api/v1/admin/users', '/api/v1/admin/jobs']) {
      const response = await t.app.inject({ url, headers });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('malformed JSON, a message over its limit: 400; a body over 64 KB: 413; each with the standard body', async () => {
    const { headers } = await signedIn(t);
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/conversations',
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      });
    const malformed = await post('{"title": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      error: { code: 'bad_request', message: 'The request body is not valid JSON.' },
    });

    const { id } = (await post('{}')).json<{ id: number }>();
    const long = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers,
      payload: { content: 'x'.repeat(8001) },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'content' }] } });

    const huge = await post(JSON.stringify({ title: 'x'.repeat(70 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});

describe('rate limits', () => {
  const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0', RATE_LIMIT: '3', AUTH_RATE_LIMIT: '2' });

  it('429 with Retry-After once a user is over the limit', async () => {
    const { headers } = await signedIn(t);
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await t.app.inject({ url: '/api/v1/conversations', headers }));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 429]);
    const refused = responses[3]!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('a stricter limit on log-in attempts from one address', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@example.com', password: 'guess' },
      });
    expect([(await attempt()).statusCode, (await attempt()).statusCode, (await attempt()).statusCode]).toEqual([
      401, 401, 429,
    ]);
  });
});
