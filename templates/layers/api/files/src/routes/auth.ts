import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, refreshBody, registerBody, tokenPair } from '../schemas/auth.js';
import { publicUser } from '../schemas/user.js';
import type { Services } from '../services/index.js';

/** Accounts and tokens: /auth/register, /auth/login, /auth/refresh, /auth/logout. */
export const authRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // Each of these checks a password or a token: a stricter limit per address than the rest of the API.
  const config = { rateLimit: app.authAttemptLimit };
  const tags = ['auth'];

  routes.post(
    '/auth/register',
    { config, schema: { tags, summary: 'Create an account', body: registerBody, response: { 201: publicUser } } },
    async (request, reply) => reply.status(201).send(await services.auth.register(request.body)),
  );

  routes.post(
    '/auth/login',
    {
      config,
      schema: {
        tags,
        summary: 'Log in: an access token and a refresh token',
        body: loginBody,
        response: { 200: tokenPair },
      },
    },
    async (request) => services.auth.login(request.body),
  );

  routes.post(
    '/auth/refresh',
    {
      config,
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new pair',
        body: refreshBody,
        response: { 200: tokenPair },
      },
    },
    async (request) => services.auth.refresh(request.body.refreshToken),
  );

  routes.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'End a session: the refresh token stops working',
        body: refreshBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.auth.logout(request.body.refreshToken);
      return reply.status(204).send(null);
    },
  );
};
