import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers on every response (Content-Security-Policy, X-Content-Type-Options, frame and referrer
 * policies, ...) and the request id echoed back, so a user can quote it and it can be found in the log.
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        directives: {
          // Scripts only from this site: no inline script, no eval. Pages stay usable without JavaScript.
          'script-src': ["'self'"],
          // Off: it would send a browser on http://localhost to https:// for every stylesheet and script.
          'upgrade-insecure-requests': null,
        },
      },
    });
    app.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  },
  { name: 'security' },
);
