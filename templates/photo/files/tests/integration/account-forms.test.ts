import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { loggedIn, makeUser, manyPosts, password, photoServices, postFiles } from '../helpers/photo.js';
import { WebClient } from '../helpers/web-client.js';

describe('settings, sign-in and profile forms given wrong or hostile input', () => {
  const t = useTestApp(manyPosts);

  it('keeps each settings form on the page with the reason, and changes nothing', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    await client.get('/settings');
    const short = await client.submit('/settings/password', { current: password, password: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('At least 8 characters.');
    const noPassword = await client.submit('/settings/delete', {});
    expect(noPassword.statusCode).toBe(422);
    expect(noPassword.body).toContain('Give your password.');
    const notBox = await client.submit('/settings/notifications', { notifyOnFollow: 'yes please' });
    expect(notBox.statusCode).toBe(400);
    expect(notBox.body).toContain('Each switch is a checkbox.');
    const privacy = await client.submit('/settings/privacy', { publicCollections: '1' });
    expect(privacy.statusCode).toBe(400);
    expect(privacy.body).toContain('The switch is a checkbox.');
    expect(await services.accounts.byId(ada.id)).toMatchObject({
      publicCollections: true,
      passwordHash: ada.passwordHash,
    });
    const saved = await client.submit('/settings/privacy', { publicCollections: 'on' });
    expect((await client.follow(saved)).body).toContain('Your privacy settings are saved.');
  });

  it('refuses an avatar without a picture, with half a crop, or that is no image', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    await client.get('/settings');
    const none = await postFiles(t.app, client, '/settings/avatar', {}, []);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose a picture first.');
    const half = await postFiles(t.app, client, '/settings/avatar', { left: '10' }, []);
    expect(half.statusCode).toBe(422);
    expect(half.body).toContain('Give left, top and size, or none of them.');
    const html = await postFiles(t.app, client, '/settings/avatar', {}, [
      { field: 'avatar', data: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' },
    ]);
    expect(html.statusCode).toBe(422);
    expect(html.body).toContain('not an image we accept');
    expect((await services.accounts.byId(ada.id))?.avatarL).toBe(ada.avatarL);
  });

  it('sends a logged-in user away from the login and register pages, to a safe next address', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    expect((await client.get('/auth/register')).headers.location).toBe('/');
    expect((await client.get('/login?next=/upload')).headers.location).toBe('/upload');
    expect((await client.get('/login?next=//evil.example/')).headers.location).toBe('/');
  });

  it('answers a login form that is not strings, a taken e-mail address, a bad address and a short new password', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    const json = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      payload: { login: { $ne: '' }, password: ['x'] },
    });
    expect(json.statusCode).toBe(401);
    expect(json.body).toContain('Wrong username or password.');
    const client = new WebClient(t.app);
    await client.get('/auth/register');
    const taken = await client.submit('/auth/register', {
      name: 'Other Ada',
      username: 'ada2',
      email: 'ada@example.com',
      password,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('An account with this e-mail address exists already.');
    // What was typed is shown again, the password never.
    expect(taken.body).toContain('value="ada2"');
    expect(taken.body).not.toContain(password);
    const forgot = await client.submit('/auth/forgot', { email: 'not an address' });
    expect(forgot.statusCode).toBe(422);
    expect(forgot.body).toContain('Give a valid e-mail address.');
    const reset = await client.submit('/auth/reset', { token: 'whatever', password: 'short' });
    expect(reset.statusCode).toBe(422);
    expect(reset.body).toContain('At least 8 characters.');
    const noToken = await client.submit('/auth/reset', { password: 'long enough now' });
    expect(noToken.statusCode).toBe(400);
    expect(noToken.body).toContain('This reset link is invalid');
    expect((await client.get('/auth/reset?token=forged.token')).statusCode).toBe(400);
  });

  it('mails a new confirmation link to an unconfirmed user only', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'newbie', { confirmed: false });
    await makeUser(services, 'ada');
    const newbie = await loggedIn(t.app, 'newbie');
    await newbie.get('/settings');
    const resent = await newbie.submit('/auth/resend', {});
    expect(resent.headers.location).toBe('/settings');
    expect((await newbie.follow(resent)).body).toContain('A new confirmation link is on its way.');
    const ada = await loggedIn(t.app, 'ada');
    await ada.get('/settings');
    const again = await ada.submit('/auth/resend', {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Your address is confirmed already.');
  });

  it('follows for a script, and refuses following oneself, nobody, or a state that is neither on nor off', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    await makeUser(services, 'bob');
    const client = await loggedIn(t.app, 'ada');
    const post = (url: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...client.cookieHeader() },
        payload,
      });
    expect((await post('/users/bob/follow', { state: 'on' })).json()).toEqual({ following: true });
    expect((await client.get('/users/bob')).body).toContain('Following');
    expect((await post('/users/bob/follow', { state: 'off' })).json()).toEqual({ following: false });
    const self = await post('/users/ada/follow', { state: 'on' });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ error: { message: 'You cannot follow yourself.' } });
    expect((await post('/users/nobody/follow', { state: 'on' })).statusCode).toBe(404);
    expect((await post('/users/bob/follow', { state: 'twice' })).statusCode).toBe(400);
    expect((await client.get('/users/nobody')).statusCode).toBe(404);
    expect((await client.get('/users/nobody/collections')).statusCode).toBe(404);
    const visitor = await t.app.inject({
      method: 'POST',
      url: '/users/bob/follow',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      payload: { state: 'off' },
    });
    expect(visitor.statusCode).toBe(401);
  });
});
