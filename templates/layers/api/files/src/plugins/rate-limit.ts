import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** A stricter limit for routes that check a password: `config: { rateLimit: app.authAttemptLimit }`. */
    authAttemptLimit: RateLimitOptions;
  }
}

/**
 * A rate limit per user (RATE_LIMIT a minute; per address before logging in), answered with 429 and Retry-After.
 * The counters live in Redis when REDIS_URL is set, so that every process of the app shares them.
 */
export default fp<AppContext>(
  async (app: FastifyInstance, { config, deps }) => {
    await app.register(fastifyRateLimit, {
      max: config.RATE_LIMIT,
      timeWindow: '1 minute',
      // After authentication (route onRequest hooks), so a user is counted as one user on every address they use.
      hook: 'preHandler',
      keyGenerator: (request) => (request.user ? `user:${request.user.userId}` : `ip:${request.ip}`),
      allowList: (request) => request.url === '/health' || request.url === '/ready' || request.url === '/metrics',
      ...(deps.redis ? { redis: deps.redis, nameSpace: `${config.REDIS_PREFIX}rate-limit:` } : {}),
    });
    app.decorate('authAttemptLimit', {
      max: config.AUTH_RATE_LIMIT,
      timeWindow: '1 minute',
      keyGenerator: (request) => `auth:${request.ip}`,
    });
  },
  { name: 'api-rate-limit', dependencies: ['bearer-auth'] },
);
