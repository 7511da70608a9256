import { describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/sessions.js';
import { AppError } from '../../src/core/errors.js';
import { CsrfField } from '../../src/views/components/csrf-field.js';
import { type TestApp, useTestApp } from '../helpers/app.js';
import { WebClient } from '../helpers/web-client.js';

/**
 * The web layer on its own: a test form (added to the app before it starts) stands for every form of the app,
 * since the rules checked here (CSRF, rate limit, body limit, flash, headers, error pages) apply to all.
 */
function useAppWithTestForm(env: Record<string, string> = {}): TestApp & { received: string[] } {
  const received: string[] = [];
  const t = useTestApp(env, (app) => {
    app.get('/test/form', async (_request, reply) =>
      reply.page(
        'Test form',
        <form method="post" action="/test/form">
          <CsrfField />
          <button type="submit">Send</button>
        </form>,
      ),
    );
    app.post('/test/form', async (request, reply) => {
      received.push(String((request.body as Record<string, unknown>).text));
      request.flash('success', 'Received.');
      return reply.redirect('/test/form', 303);
    });
    app.get('/test/crash', async () => {
      throw new Error('database password is hunter2');
    });
    app.get('/test/conflict', async () => {
      throw new AppError('conflict', 'That name is taken.');
    });
  });
  return Object.assign(t, { received });
}

describe('forms', () => {
  const t = useAppWithTestForm();

  it('accept a post with the token of a page this visitor was shown, and flash once after the redirect', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/form');
    const posted = await client.submit('/test/form', { text: 'hello' });
    expect(posted.statusCode).toBe(303);
    expect(t.received).toContain('hello');
    const page = await client.follow(posted);
    expect(page.body).toContain(
      '<div class="flash-messages" role="status"><p class="flash flash-success">Received.</p>',
    );
    expect((await client.get('/test/form')).body).not.toContain('Received.');
  });

  it('refuse a post without a token: 403 page, nothing received', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/form');
    const response = await client.submit('/test/form', { text: 'forged' }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired or was not sent from this site');
    expect(t.received).not.toContain('forged');
  });

  it("refuse another visitor's token", async () => {
    const attacker = new WebClient(t.app);
    await attacker.get('/test/form');
    const victim = new WebClient(t.app);
    await victim.get('/test/form');
    const response = await victim.submit(
      '/test/form',
      { text: 'forged', _csrf: attacker.csrfToken() },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(t.received).not.toContain('forged');
  });

  it('accept the token in an X-CSRF-Token header, as a script or htmx (hx-headers) sends it', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/form');
    const response = await t.app.inject({
      method: 'POST',
      url: '/test/form',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': client.csrfToken(),
        ...client.cookieHeader(),
      },
      payload: 'text=from+a+script',
    });
    expect(response.statusCode).toBe(303);
    expect(t.received).toContain('from a script');
  });

  it('need no token for JSON, which another site cannot send without a CORS preflight', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/test/form',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      payload: JSON.stringify({ text: 'json' }),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/test/form',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuse a body over 64 KB with a 413 page', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/form');
    const response = await client.submit('/test/form', { text: 'x'.repeat(70 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('<h1 id="error-title">Too much at once</h1>');
  });
});

describe('posting too often', () => {
  const t = useAppWithTestForm({ WRITE_RATE_LIMIT: '2' });

  it('is refused with 429, a page and Retry-After; reading is never limited', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/form');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.submit('/test/form', { text: `post ${i}` })).statusCode);
    expect(statuses).toEqual([303, 303, 429]);
    const limited = await client.submit('/test/form', { text: 'again' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('<h1 id="error-title">Slow down</h1>');
    for (let i = 0; i < 5; i++) expect((await client.get('/test/form')).statusCode).toBe(200);
  });
});

describe('pages', () => {
  const t = useAppWithTestForm();

  it('come with security headers', async () => {
    const page = await new WebClient(t.app).get('/test/form');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('keep their cookies from scripts and other sites: the CSRF secret, and the session once there is one', async () => {
    const client = new WebClient(t.app);
    const page = await client.get('/test/form');
    const csrf = String(page.headers['set-cookie']);
    expect(csrf).toMatch(/^csrf=/);
    const posted = await client.submit('/test/form', { text: 'hello' });
    const session = String(posted.headers['set-cookie']);
    expect(session).toMatch(/^sid=/);
    for (const cookie of [csrf, session]) {
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).not.toContain('Secure');
    }
  });

  it('store no session for a visitor who only reads pages, forms included (no database write per page)', async () => {
    const page = await new WebClient(t.app).get('/test/form');
    expect(String(page.headers['set-cookie'])).not.toContain('sid=');
    expect(await t.database.db.$count(sessions)).toBe(0);
  });

  it('show a 404 page in the site layout', async () => {
    const response = await new WebClient(t.app).get('/no/such/page');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<h1 id="error-title">Page not found</h1>');
    expect(response.body).toContain('class="site-header"');
  });

  it('show a 500 page that gives nothing away', async () => {
    const response = await new WebClient(t.app).get('/test/crash');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('<h1 id="error-title">Something went wrong</h1>');
    expect(response.body).toContain(String(response.headers['x-request-id']));
    expect(response.body).not.toContain('hunter2');
  });

  it('show every other error in the site layout, with what went wrong', async () => {
    const conflict = await new WebClient(t.app).get('/test/conflict');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('<h1 id="error-title">Error</h1>');
    expect(conflict.body).toContain('<p>That name is taken.</p>');
  });

  it('serve the stylesheet, the script and htmx, and nothing outside public/', async () => {
    for (const path of ['/static/app.css', '/static/app.js', '/static/vendor/htmx/htmx.min.js']) {
      expect((await t.app.inject({ url: path })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ url: '/static/../package.json' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/static/%2e%2e/package.json' })).statusCode).toBe(404);
  });
});

describe('behind an HTTPS proxy', () => {
  const t = useAppWithTestForm({ TRUST_PROXY: 'true' });

  it('marks its cookies Secure', async () => {
    const page = await new WebClient(t.app).get('/test/form', { 'x-forwarded-proto': 'https' });
    expect(String(page.headers['set-cookie'])).toContain('Secure');
  });
});

describe('in production', () => {
  const t = useAppWithTestForm({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) });

  it('lets browsers cache the stylesheet for a day and htmx for a week', async () => {
    expect((await t.app.inject({ url: '/static/app.css' })).headers['cache-control']).toBe('public, max-age=86400');
    expect((await t.app.inject({ url: '/static/vendor/htmx/htmx.min.js' })).headers['cache-control']).toBe(
      'public, max-age=604800',
    );
  });
});
