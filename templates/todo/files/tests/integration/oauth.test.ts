import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/tokens.js';
import { signedIn, testPassword } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

// Many token requests from one address: the limit on password checks is tested on its own below.
const t = useTestApp({ AUTH_RATE_LIMIT: '1000' });

/** POST /api/v1/oauth/token, form-encoded as RFC 6749 says. */
const token = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });

interface Pair {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
}

describe('OAuth 2 token endpoint', () => {
  it('password grant: a bearer token that expires, and a refresh token, never cached', async () => {
    const { user } = await signedIn(t);
    const answer = await token({ grant_type: 'password', username: user.email.toUpperCase(), password: testPassword });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers.pragma).toBe('no-cache');
    const pair = answer.json<Pair>();
    expect(pair).toEqual({
      access_token: expect.any(String) as string,
      token_type: 'Bearer',
      expires_in: t.config.ACCESS_TOKEN_TTL,
      refresh_token: expect.any(String) as string,
    });
    const items = await t.app.inject({
      url: '/api/v1/user/items',
      headers: { authorization: `Bearer ${pair.access_token}` },
    });
    expect(items.statusCode).toBe(200);
  });

  it('a wrong password is invalid_grant (400), as RFC 6749 §5.2 says, for a known and an unknown user alike', async () => {
    const { user } = await signedIn(t);
    for (const username of [user.email, 'nobody@example.com']) {
      const answer = await token({ grant_type: 'password', username, password: 'not the password' });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toEqual({ error: 'invalid_grant', error_description: 'Wrong e-mail or password.' });
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('missing fields are invalid_request, another grant unsupported_grant_type, JSON is refused', async () => {
    expect((await token({ grant_type: 'password', username: 'a@example.com' })).json()).toMatchObject({
      error: 'invalid_request',
    });
    expect((await token({ username: 'a@example.com', password: 'x' })).json()).toMatchObject({
      error: 'invalid_request',
    });
    expect((await token({ grant_type: 'refresh_token' })).json()).toMatchObject({ error: 'invalid_request' });
    const other = await token({ grant_type: 'client_credentials' });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: { grant_type: 'password', username: 'a@example.com', password: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: 'invalid_request' });
    const huge = await token({ grant_type: 'password', username: 'a@example.com', password: 'x'.repeat(300) });
    expect(huge.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refresh_token grant: a new pair; the old refresh token then stops working, and its reuse ends the session', async () => {
    const { user } = await signedIn(t);
    const first = (await token({ grant_type: 'password', username: user.email, password: testPassword })).json<Pair>();
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.statusCode).toBe(200);
    const pair = second.json<Pair>();
    expect(pair.refresh_token).not.toBe(first.refresh_token);

    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ error: 'invalid_grant' });
    // Reuse looks like theft: the newer refresh token is revoked too.
    expect((await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token })).statusCode).toBe(400);
  });

  it('an expired access token is a 401 that says so; the refresh grant then gives one that works', async () => {
    const { user } = await signedIn(t);
    const tokens = new AccessTokens(t.config.JWT_SECRET, t.config.ACCESS_TOKEN_TTL);
    const expired = await tokens.sign({ userId: user.id, role: 'user' }, new Date(Date.now() - 3600_000));
    const answer = await t.app.inject({ url: '/api/v1/user/items', headers: { authorization: `Bearer ${expired}` } });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toMatchObject({ error: { code: 'unauthorized', message: 'The access token has expired.' } });

    const pair = (await token({ grant_type: 'password', username: user.email, password: testPassword })).json<Pair>();
    const fresh = (await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token })).json<Pair>();
    const retried = await t.app.inject({
      url: '/api/v1/user/items',
      headers: { authorization: `Bearer ${fresh.access_token}` },
    });
    expect(retried.statusCode).toBe(200);
  });
});

describe('demo accounts', () => {
  it('POST /api/v1/demo makes an account that signs in, with four sample items in the asker’s language', async () => {
    const demo = await t.app.inject({ method: 'POST', url: '/api/v1/demo', headers: { 'accept-language': 'zh-CN' } });
    expect(demo.statusCode).toBe(201);
    const account = demo.json<{ email: string; password: string; name: string }>();
    expect(account.name).toBe('演示用户');
    const pair = (
      await token({ grant_type: 'password', username: account.email, password: account.password })
    ).json<Pair>();
    const list = await t.app.inject({
      url: '/api/v1/user/items',
      headers: { authorization: `Bearer ${pair.access_token}` },
    });
    expect(list.json()).toMatchObject({ counts: { all: 4, active: 3, completed: 1 } });
    expect(list.json<{ items: { title: string }[] }>().items[0]?.title).toBe('双击待办事项即可修改');
  });
});

describe('password checks are rate limited per address', () => {
  const limited = useTestApp({ AUTH_RATE_LIMIT: '2' });

  it('the third token request in a minute is a 429', async () => {
    const ask = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=password&username=a%40example.com&password=guess',
      });
    expect([(await ask()).statusCode, (await ask()).statusCode, (await ask()).statusCode]).toEqual([400, 400, 429]);
  });
});
