import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession, { type SessionStore } from '@fastify/session';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { defineLibraryErrors } from '../core/errors.js';
import { SessionRepository } from '../repositories/session-repository.js';
import type { AppContext } from './context.js';

export type FlashKind = 'success' | 'info' | 'error';
export interface FlashMessage {
  kind: FlashKind;
  text: string;
}

declare module 'fastify' {
  interface Session {
    flash?: FlashMessage[];
  }
  interface FastifyRequest {
    /** Keeps a message for the next page this visitor sees (after a redirect: Post/Redirect/Get). */
    flash(kind: FlashKind, text: string): void;
  }
  interface FastifyReply {
    /** The flashed messages, removed from the session: each is shown once. */
    takeFlash(): FlashMessage[];
  }
}

const formExpired = 'This form has expired or was not sent from this site. Reload the page and try again.';
defineLibraryErrors({
  FST_CSRF_MISSING_SECRET: { code: 'forbidden', message: formExpired },
  FST_CSRF_INVALID_TOKEN: { code: 'forbidden', message: formExpired },
});

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const publicDir = resolve(import.meta.dirname, '../../public');
const htmxDir = resolve(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'), '..');

/**
 * What server-rendered pages need: cookies, server-side sessions, flash messages, CSRF protection and a rate
 * limit on every state-changing request, form bodies and static files.
 */
export default fp<AppContext>(
  async (app: FastifyInstance, { config, deps }) => {
    const sessionStore: SessionStore & { deleteExpired(): Promise<number> } = new SessionRepository(deps.db);
    // Signed cookies (the CSRF secret below) use the session's secret.
    await app.register(fastifyCookie, { secret: config.SESSION_SECRET });
    await app.register(fastifySession, {
      secret: config.SESSION_SECRET,
      cookieName: 'sid',
      store: sessionStore,
      // Nothing is stored for a visitor until there is something to keep (a CSRF secret, a flash message).
      saveUninitialized: false,
      rolling: false,
      // 'auto': Secure whenever the request came over HTTPS (behind a proxy: with TRUST_PROXY), so the cookie
      // is never sent in clear text, and `npm start` still works on http://localhost.
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: sessionLifetimeMs },
    });
    await app.register(fastifyFormbody);
    // Reading is free; writing (every form post) is limited per address, which keeps scripts from flooding
    // the site. The limit is one rule here rather than a line on each route.
    await app.register(fastifyRateLimit, {
      max: config.WRITE_RATE_LIMIT,
      timeWindow: '1 minute',
      allowList: (request) => !unsafeMethods.has(request.method),
    });
    // The CSRF secret is kept in a signed, HttpOnly cookie of its own, not in the session: a visitor who only reads
    // pages with forms costs no session row (no database write for an anonymous GET). A forged post lacks the
    // token, which another site cannot read from our page, nor derive from a cookie it cannot read.
    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'csrf',
      cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto', signed: true },
      getToken: (request) => csrfTokenOf(request),
    });

    // Every state-changing request a form can make needs the token of a form this site rendered; the rule lives
    // here once. A JSON request needs none: another site's page cannot send one without a CORS preflight, which
    // this app never grants. It runs before validation, which would drop the _csrf field from a route's body.
    app.addHook('preValidation', (request, reply, done) => {
      if (unsafeMethods.has(request.method) && !isJson(request)) app.csrfProtection(request, reply, done);
      else done();
    });

    app.decorateRequest('flash', function (this: FastifyRequest, kind: FlashKind, text: string) {
      this.session.flash = [...(this.session.flash ?? []), { kind, text }];
    });
    app.decorateReply('takeFlash', function (this: FastifyReply) {
      // No session yet when a request failed before the session was read (e.g. a body that was too large).
      const session = this.request.session as FastifyRequest['session'] | undefined;
      const messages = session?.flash ?? [];
      if (session && messages.length > 0) session.flash = undefined;
      return messages;
    });

    await app.register(fastifyStatic, {
      root: publicDir,
      prefix: '/static/',
      maxAge: config.NODE_ENV === 'production' ? '1d' : 0,
    });
    await app.register(fastifyStatic, {
      root: htmxDir,
      prefix: '/static/vendor/htmx/',
      decorateReply: false,
      maxAge: config.NODE_ENV === 'production' ? '7d' : 0,
    });

    const sweep = setInterval(
      () =>
        void sessionStore
          .deleteExpired()
          .catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed')),
      60 * 60 * 1000,
    );
    sweep.unref();
    app.addHook('onClose', () => clearInterval(sweep));
  },
  { name: 'web' },
);

function isJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body._csrf === 'string') return body._csrf;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}
