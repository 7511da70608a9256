import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { logIn, safeNext } from '../plugins/auth.js';
import { AppError } from '../core/errors.js';
import { oauthCallbackQuery } from '../schemas/chat.js';
import type { Services } from '../services/index.js';
import type { PendingSignIn } from '../services/oauth-service.js';

declare module 'fastify' {
  interface Session {
    /** Between /oauth/login and /oauth/callback: the state to expect back and the PKCE verifier. */
    oauth?: PendingSignIn;
  }
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Signing in with a third-party provider (the book's Flask-OAuthlib chapter): OAuth 2 with state and PKCE. */
export const oauthRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { oauth } = services;

  routes.get(
    '/oauth/login',
    { schema: { querystring: z.object({ next: z.string().max(2000).optional() }) } },
    async (request, reply) => {
      const { url, pending } = oauth.start(safeNext(request.query.next, '/rooms/general'));
      request.session.oauth = pending;
      return reply.redirect(url, 303);
    },
  );

  routes.get('/oauth/callback', { schema: { querystring: oauthCallbackQuery } }, async (request, reply) => {
    const pending = request.session.oauth;
    // One use only: a second visit of the same callback address finds nothing to complete.
    request.session.oauth = undefined;
    const { code, state, error } = request.query;
    const back = (message: string) => {
      request.flash('error', message);
      return reply.redirect('/login', 303);
    };
    if (!pending || !state || !sameText(state, pending.state)) {
      return back('That sign-in did not start here, or it expired. Please start again.');
    }
    if (error) return back(`Signing in with ${oauth.providerName} was cancelled.`);
    if (!code) throw new AppError('bad_request', 'The provider sent no code.');
    const profile = await oauth.finish(code, pending).catch((failure: unknown) => {
      if (failure instanceof AppError) return failure;
      throw failure;
    });
    if (profile instanceof AppError) return back(profile.message);
    const user = await services.accounts.signInWithProvider(profile);
    await logIn(request, user.id);
    request.flash('success', `Signed in with ${oauth.providerName} as ${user.nickname}.`);
    return reply.redirect(pending.next, 303);
  });
};
