import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSmtpServer, startSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/app.js';
import { makeUser, password, photoServices } from '../helpers/photo.js';
import { WebClient } from '../helpers/web-client.js';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const linkIn = (text: string) => /http:\/\/[^\s]+\/auth\/(?:confirm|reset)\?token=[\w.-]+/.exec(text)?.[0];

describe('accounts, with mail through a real SMTP server', () => {
  const t = useTestApp(() => ({ SMTP_URL: smtp.url, SITE_URL: 'http://photos.test', LOGIN_RATE_LIMIT: '1000' }));

  it('registers, mails a confirmation link, and confirms with it; unconfirmed users may not upload', async () => {
    const client = new WebClient(t.app);
    await client.get('/auth/register');
    const registered = await client.submit('/auth/register', {
      name: 'Ada',
      username: 'ada',
      email: 'ada@example.com',
      password,
    });
    expect(registered.statusCode).toBe(303);
    const [mail] = await smtp.waitFor(smtp.messages.length + 1, 5000).then((all) => all.slice(-1));
    expect(mail!.to).toEqual(['ada@example.com']);
    expect(mail!.subject).toBe('Confirm your account');
    const link = linkIn(mail!.text)!;
    expect(link).toMatch(/^http:\/\/photos\.test\/auth\/confirm\?token=/);

    // Not confirmed yet: may look around, may not upload.
    const upload = await client.get('/upload');
    expect(upload.statusCode).toBe(403);
    expect(upload.body).toContain('Confirm your e-mail address first');
    expect((await client.get('/')).statusCode).toBe(200);

    const confirmed = await client.get(new URL(link).pathname + new URL(link).search);
    expect(confirmed.statusCode).toBe(303);
    expect((await client.follow(confirmed)).body).toContain('your address is confirmed');
    expect((await client.get('/upload')).statusCode).toBe(200);
  });

  it('refuses a forged, altered or foreign confirmation token', async () => {
    for (const token of ['nonsense', 'a.b', `${'x'.repeat(40)}.${'y'.repeat(43)}`, 'x'.repeat(501)]) {
      const response = await new WebClient(t.app).get(`/auth/confirm?token=${token}`);
      expect(response.statusCode).toBe(400);
    }
  });

  it('answers the same whether or not an address has an account, and resets once with the mailed link', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'bob');
    const before = smtp.messages.length;
    const client = new WebClient(t.app);
    await client.get('/auth/forgot');
    const known = await client.submit('/auth/forgot', { email: 'bob@example.com' });
    const unknown = await client.submit('/auth/forgot', { email: 'nobody@example.com' });
    expect(known.statusCode).toBe(200);
    expect(unknown.body.replace(/name="_csrf" value="[^"]+"/g, '')).toBe(
      known.body.replace(/name="_csrf" value="[^"]+"/g, ''),
    );
    const [mail] = (await smtp.waitFor(before + 1, 5000)).slice(before);
    expect(mail!.to).toEqual(['bob@example.com']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.length).toBe(before + 1);

    const link = new URL(linkIn(mail!.text)!);
    const token = link.searchParams.get('token')!;
    expect((await client.get(link.pathname + link.search)).statusCode).toBe(200);
    const reset = await client.submit('/auth/reset', { token, password: 'a brand new password' });
    expect(reset.statusCode).toBe(303);
    // The link worked once: the token was bound to the old password.
    expect((await client.get(link.pathname + link.search)).statusCode).toBe(400);
    expect((await client.submit('/auth/reset', { token, password: 'yet another password' })).statusCode).toBe(400);
    await client.get('/login');
    expect((await client.submit('/login', { login: 'bob', password })).statusCode).toBe(401);
    expect(
      (await client.submit('/login', { login: 'bob@example.com', password: 'a brand new password' })).statusCode,
    ).toBe(303);
  });

  it('shows form errors and refuses a taken username', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'carol');
    const client = new WebClient(t.app);
    await client.get('/auth/register');
    const invalid = await client.submit('/auth/register', {
      name: '',
      username: 'xx!',
      email: 'no',
      password: 'short',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Only letters, digits');
    const taken = await client.submit('/auth/register', {
      name: 'C',
      username: 'Carol',
      email: 'c2@example.com',
      password,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('This username is taken.');
  });

  it('does not let a blocked account log in', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'dave', { active: false });
    const client = new WebClient(t.app);
    await client.get('/login');
    const response = await client.submit('/login', { login: 'dave', password });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('This account is blocked.');
  });
});
