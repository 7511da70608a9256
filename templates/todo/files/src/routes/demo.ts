import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestLocale } from '../core/i18n.js';
import { demoAccount } from '../schemas/oauth.js';
import type { Services } from '../services/index.js';

/** POST /demo: a new demo account with sample items in the caller's language (Accept-Language). */
export const demoRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/demo',
    {
      // It hashes a password and writes an account: limited like the routes that check passwords.
      config: { rateLimit: app.authAttemptLimit },
      schema: {
        tags: ['oauth'],
        operationId: 'createDemoAccount',
        summary: 'A new demo account with a few sample items: sign in with what it answers',
        response: { 201: demoAccount },
      },
    },
    async (request, reply) => reply.status(201).send(await services.demo.create(requestLocale(request))),
  );
};
