import fastifyCors from '@fastify/cors';
import fp from 'fastify-plugin';
import type { AppContext } from './context.js';

/**
 * CORS for the browser origins in CORS_ORIGINS only (none by default). Bearer tokens, not cookies: no credentials,
 * so another site's page cannot act with a user's session.
 */
export default fp<AppContext>(
  async (app, { config }) => {
    const origins = config.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
    if (origins.length === 0) return;
    await app.register(fastifyCors, {
      origin: origins,
      exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-remaining'],
    });
  },
  { name: 'cors' },
);
