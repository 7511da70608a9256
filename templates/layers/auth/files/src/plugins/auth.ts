import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../core/config.js';
import { AppError, prefersHtml } from '../core/errors.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface Session {
    /** Set by logIn: who this session belongs to. */
    userId?: number;
  }
  interface FastifyRequest {
    /** The logged-in user's id, or undefined. */
    readonly userId: number | undefined;
  }
  interface FastifyInstance {
    /** A preHandler for pages that need a logged-in user (Flask-Login's @login_required). */
    requireLogin: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    /** Route config for a login form: `{ config: app.loginRateLimit }`. */
    loginRateLimit: ReturnType<typeof loginRateLimit>;
  }
}

/** Where a visitor is sent to log in; the template provides the page. */
export const loginPath = '/login';

/**
 * Starts a logged-in session. The session id is renewed first: an id someone planted before the login
 * (session fixation) is worth nothing after it.
 */
export async function logIn(request: FastifyRequest, userId: number): Promise<void> {
  await request.session.regenerate();
  request.session.userId = userId;
}

/** Ends the session on the server too, so a copied cookie stops working at once. */
export async function logOut(request: FastifyRequest): Promise<void> {
  await request.session.destroy();
}

/**
 * Where to go after logging in: a path of this site only. "//evil.example" and "/\evil.example" are other sites
 * to a browser, so an attacker's link cannot send a user elsewhere after a real login (an open redirect).
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  // Control characters (a CR LF could split the Location header) are refused too.
  return /\p{Cc}/u.test(next) ? fallback : next;
}

/** Route options for a login form: guessing passwords gets a stricter limit than other posts. */
export function loginRateLimit(config: Config) {
  return { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } };
}

export default fp<AppContext>(
  async (app: FastifyInstance, { config }) => {
    app.decorate('loginRateLimit', loginRateLimit(config));
    app.decorateRequest('userId', {
      getter(this: FastifyRequest) {
        return (this.session as FastifyRequest['session'] | undefined)?.userId;
      },
    });
    app.decorate('requireLogin', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.userId !== undefined) return;
      if (!prefersHtml(request)) throw new AppError('unauthorized', 'Log in first.');
      request.flash('info', 'Please log in to see that page.');
      return reply.redirect(`${loginPath}?next=${encodeURIComponent(request.url)}`, 303);
    });
  },
  { name: 'auth', dependencies: ['web'] },
);
