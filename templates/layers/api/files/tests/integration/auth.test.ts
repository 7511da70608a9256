import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();
const json = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('accounts and tokens over HTTP', () => {
  it('register → log in → who am I → refresh → log out', async () => {
    const registered = await json('/api/v1/auth/register', {
      email: 'Grace@Example.com',
      name: 'Grace',
      password: 'a long passphrase',
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toEqual({
      id: expect.any(Number) as number,
      email: 'grace@example.com',
      name: 'Grace',
      role: 'user',
      disabled: false,
      createdAt: expect.any(String) as string,
    });
    expect(registered.body).not.toContain('scrypt');

    const login = await json('/api/v1/auth/login', { email: 'grace@example.com', password: 'a long passphrase' });
    expect(login.statusCode).toBe(200);
    const pair = login.json<{ accessToken: string; refreshToken: string }>();

    const me = await t.app.inject({
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${pair.accessToken}` },
    });
    expect(me.json()).toMatchObject({ email: 'grace@example.com' });

    const refreshed = await json('/api/v1/auth/refresh', { refreshToken: pair.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    const next = refreshed.json<{ refreshToken: string }>();
    expect((await json('/api/v1/auth/logout', { refreshToken: next.refreshToken })).statusCode).toBe(204);
    expect((await json('/api/v1/auth/refresh', { refreshToken: next.refreshToken })).statusCode).toBe(401);
  });

  it('a taken e-mail is 409, a short password 400 naming the field, a wrong password 401', async () => {
    const account = { email: 'linus@example.com', name: 'Linus', password: 'a long passphrase' };
    await json('/api/v1/auth/register', account);
    expect((await json('/api/v1/auth/register', account)).json()).toMatchObject({ error: { code: 'conflict' } });
    const short = await json('/api/v1/auth/register', { ...account, email: 'x@example.com', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'password' }] } });
    const wrong = await json('/api/v1/auth/login', { email: account.email, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'unauthorized', message: 'Wrong e-mail or password.' } });
  });

  it('admin endpoints: 401 without a token, 403 for a user, 200 for an admin', async () => {
    const user = await signedIn(t);
    const admin = await signedIn(t, { role: 'admin' });
    expect((await t.app.inject({ url: '/api/v1/admin/users' })).statusCode).toBe(401);
    const forbidden = await t.app.inject({ url: '/api/v1/admin/users', headers: user.headers });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
    const listed = await t.app.inject({ url: '/api/v1/admin/users', headers: admin.headers });
    expect(listed.json()).toMatchObject({ total: 2 });

    const promoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.user.id}`,
      headers: admin.headers,
      payload: { role: 'admin' },
    });
    expect(promoted.json()).toMatchObject({ role: 'admin' });
  });
});
