import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { logIn, logOut } from '../../src/plugins/auth.js';
import { CsrfField } from '../../src/views/components/csrf-field.js';
import { useTestApp } from '../helpers/app.js';
import { WebClient } from '../helpers/web-client.js';

/** Test routes standing for a template's login page, its private pages and its log-out button. */
function addTestRoutes(app: FastifyInstance) {
  app.get('/test/login-form', async (_request, reply) =>
    reply.page(
      'Log in',
      <form method="post" action="/test/login">
        <CsrfField />
      </form>,
    ),
  );
  app.post('/test/login', { config: app.loginRateLimit }, async (request, reply) => {
    const { password } = request.body as { password?: string };
    if (password !== 'right') return reply.status(401).send('wrong');
    await logIn(request, 42);
    return reply.redirect('/test/private', 303);
  });
  app.post('/test/logout', async (request, reply) => {
    await logOut(request);
    return reply.redirect('/', 303);
  });
  app.get('/test/private', { preHandler: app.requireLogin }, async (request) => `user ${request.userId}`);
}

const sessionCookie = (client: WebClient) => client.cookie('sid');

describe('logging in', () => {
  const t = useTestApp({}, (app) => addTestRoutes(app));

  it('sends an anonymous visitor to the login page, and back after logging in', async () => {
    const client = new WebClient(t.app);
    const refused = await client.get('/test/private?tab=1');
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe('/login?next=%2Ftest%2Fprivate%3Ftab%3D1');

    await client.get('/test/login-form');
    const before = sessionCookie(client);
    const loggedIn = await client.submit('/test/login', { password: 'right' });
    expect(loggedIn.statusCode).toBe(303);
    // A new session id at login: one planted before (session fixation) is worth nothing.
    expect(sessionCookie(client)).not.toBe(before);
    expect((await client.get('/test/private')).body).toBe('user 42');
  });

  it('answers a JSON client with 401 instead of a redirect', async () => {
    const response = await t.app.inject({ url: '/test/private', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(401);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
  });

  it('logs out on the server: the old cookie stops working', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/login-form');
    await client.submit('/test/login', { password: 'right' });
    const stolen = sessionCookie(client);
    await client.get('/test/login-form');
    expect((await client.submit('/test/logout', {})).statusCode).toBe(303);

    const replay = await t.app.inject({
      url: '/test/private',
      headers: { accept: 'text/html', cookie: `sid=${stolen}` },
    });
    expect(replay.statusCode).toBe(303);
  });
});

describe('guessing passwords', () => {
  const t = useTestApp({ LOGIN_RATE_LIMIT: '3' }, addTestRoutes);

  it('is limited more strictly than other posts (LOGIN_RATE_LIMIT a minute)', async () => {
    const client = new WebClient(t.app);
    await client.get('/test/login-form');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.submit('/test/login', { password: `guess ${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
