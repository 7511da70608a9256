import { describe, expect, it } from 'vitest';
import { avatarHash } from '../../src/core/avatar.js';
import { testServices, useTestApp } from '../helpers/app.js';
import { relaxedLimits } from '../helpers/chat.js';
import { WebClient } from '../helpers/web-client.js';

const t = useTestApp(relaxedLimits);
const password = 'a long enough password';

async function registered(email = 'ada@example.com', nickname = 'Ada') {
  const web = new WebClient(t.app);
  await web.get('/register');
  const response = await web.submit('/register', { email, nickname, password });
  expect(response.statusCode).toBe(303);
  return web;
}

describe('the rooms', () => {
  it('/ goes to the general room; a visitor reads it, with a way to sign in and no composer', async () => {
    const web = new WebClient(t.app);
    expect((await web.get('/')).headers.location).toBe('/rooms/general');
    const page = await web.get('/rooms/general');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 id="room-title">General</h1>');
    expect(page.body).toContain('No more messages.');
    expect(page.body).toContain('to chat here');
    expect(page.body).not.toContain('id="composer"');
    expect(page.body).not.toContain('/static/chat.js');
  });

  it('an unknown room is a 404 page', async () => {
    const page = await new WebClient(t.app).get('/rooms/nowhere');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('There is no room here.');
  });

  it('shows the newest page of history, oldest first, and a cursor for older ones', async () => {
    const services = await testServices(t.database);
    const ada = await services.accounts.register({ email: 'ada@example.com', nickname: 'Ada', password });
    const author = { ...ada, isAdmin: false };
    for (let i = 1; i <= 35; i++) await services.messages.post(author, 'general', `message ${i}`);
    const page = await new WebClient(t.app).get('/rooms/general');
    expect(page.body.indexOf('message 6<')).toBeLessThan(page.body.indexOf('message 35<'));
    expect(page.body).not.toContain('message 5<');
    const before = /data-before="(\d+)"/.exec(page.body)?.[1];
    const older = await t.app.inject({ url: `/rooms/general/messages?before=${before}` });
    expect(older.json<{ messages: { html: string }[]; before: number | null }>()).toMatchObject({
      before: null,
      messages: [1, 2, 3, 4, 5].reverse().map((i) => ({ html: `<p>message ${i}</p>` })),
    });
  });

  // Only decimal digits are an id (decision 19): 1e3 is refused, not read as 1000.
  it.each(['0', '-1', '1.5', 'abc', '1e3', '1e3x', String(2 ** 31), String(2 ** 53)])(
    'history with before=%s is a 400',
    async (before) => {
      const response = await t.app.inject({ url: `/rooms/general/messages?before=${before}` });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    },
  );

  it('history of an unknown room is a 404', async () => {
    expect((await t.app.inject({ url: '/rooms/nowhere/messages' })).statusCode).toBe(404);
  });

  it('the anonymous room needs no account', async () => {
    const page = await new WebClient(t.app).get('/anonymous');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-namespace="/anonymous"');
    expect(page.body).toContain('id="composer"');
  });
});

describe('writing without JavaScript (the form)', () => {
  it('posts a message and shows it, rendered from Markdown', async () => {
    const web = await registered();
    await web.get('/rooms/general');
    const response = await web.submit('/rooms/general/messages', { body: 'Hello *there*' });
    expect(response.headers.location).toBe('/rooms/general');
    expect((await new WebClient(t.app).get('/rooms/general')).body).toContain('Hello <em>there</em>');
  });

  it('refuses an empty or oversized message with the reason, and stores nothing', async () => {
    const web = await registered();
    for (const body of ['   ', 'x'.repeat(2001)]) {
      await web.get('/rooms/general');
      const response = await web.submit('/rooms/general/messages', { body });
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(/Write something first\.|at most 2000 characters/);
    }
    expect((await (await testServices(t.database)).messages.history('general')).messages).toEqual([]);
  });

  it('asks a visitor to sign in first, and needs the CSRF token', async () => {
    const visitor = new WebClient(t.app);
    await visitor.get('/register');
    const response = await visitor.submit('/rooms/general/messages', { body: 'hi' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Frooms%2Fgeneral%2Fmessages');
    const web = await registered();
    const forged = await web.submit('/rooms/general/messages', { body: 'hi' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
  });
});

describe('accounts', () => {
  it('registers, signs out and in again; the e-mail is case-insensitive', async () => {
    const web = await registered('Ada@Example.com');
    expect((await web.get('/rooms/general')).body).toContain('class="signed-in-as">Ada<');
    expect((await web.submit('/logout', {})).headers.location).toBe('/login');
    await web.get('/login');
    const signIn = await web.submit('/login', { email: 'ada@example.COM', password, next: '/rooms/coders' });
    expect(signIn.headers.location).toBe('/rooms/coders');
  });

  it('tells what is wrong with a registration, and refuses a taken e-mail', async () => {
    const web = new WebClient(t.app);
    await web.get('/register');
    const bad = await web.submit('/register', { email: 'not an e-mail', nickname: '', password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an e-mail address.');
    expect(bad.body).toContain('Choose a nickname.');
    expect(bad.body).toContain('At least 8 characters.');
    await registered();
    const again = new WebClient(t.app);
    await again.get('/register');
    const taken = await again.submit('/register', { email: 'ADA@example.com', nickname: 'Ada 2', password });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('This e-mail is already registered');
  });

  it('one message for a wrong password and an unknown e-mail; next stays on this site', async () => {
    await registered();
    const web = new WebClient(t.app);
    for (const [email, secret] of [
      ['ada@example.com', 'wrong password'],
      ['nobody@example.com', password],
    ]) {
      await web.get('/login');
      const response = await web.submit('/login', { email: email ?? '', password: secret ?? '' });
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('Wrong e-mail or password.');
    }
    await web.get('/login');
    const away = await web.submit('/login', { email: 'ada@example.com', password, next: '//evil.example' });
    expect(away.headers.location).toBe('/rooms/general');
  });
});

describe('with the default limits', () => {
  const strict = useTestApp({ LOGIN_RATE_LIMIT: '3' });

  it('signing in is rate-limited per address (LOGIN_RATE_LIMIT a minute)', async () => {
    const web = new WebClient(strict.app);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      await web.get('/login');
      statuses.push((await web.submit('/login', { email: 'x@example.com', password: 'x' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('avatars', () => {
  it('draws the identicon of a hash, the same every time, and refuses anything else', async () => {
    const hash = avatarHash('ada@example.com');
    const first = await t.app.inject({ url: `/avatars/${hash}.svg` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('image/svg+xml');
    expect((await t.app.inject({ url: `/avatars/${hash}.svg` })).body).toBe(first.body);
    for (const file of ['../../etc/passwd', 'abc.svg', `${hash}.png`, `${hash.toUpperCase()}.svg`]) {
      expect((await t.app.inject({ url: `/avatars/${encodeURIComponent(file)}` })).statusCode).toBe(400);
    }
  });
});
