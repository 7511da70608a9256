import fastifyCors from '@fastify/cors';
import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { bearerAuth } from './bearer.js';
import type { Config } from './config.js';
import { metrics } from './metrics.js';
import { openApi } from './openapi.js';
import type { Redis } from './redis.js';
import { AccessTokens } from './tokens.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** A stricter limit for routes that check a password: `config: { rateLimit: app.authAttemptLimit }`. */
    authAttemptLimit: RateLimitOptions;
  }
}

export interface ApiOptions {
  config: Config;
  /** Shared by the rate limiter of every app process when REDIS_URL is set; in-process counters otherwise. */
  redis: Redis | undefined;
}

/**
 * What every JSON API needs before its routes: metrics, the OpenAPI document, CORS for the browser origins that
 * are allowed, a rate limit per user, and bearer-token authentication. Errors are the base layer's one JSON
 * error handler (src/core/errors.ts): `{ "error": { "code", "message", "requestId" } }`.
 */
export const api = fp<ApiOptions>(
  async (app: FastifyInstance, { config, redis }) => {
    await app.register(metrics);
    await app.register(openApi);
    const origins = config.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
    if (origins.length > 0) {
      // Bearer tokens, not cookies: no credentials, so another site's page cannot act with a user's session.
      await app.register(fastifyCors, {
        origin: origins,
        exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-remaining'],
      });
    }
    await app.register(fastifyRateLimit, {
      max: config.RATE_LIMIT,
      timeWindow: '1 minute',
      // After authentication (route onRequest hooks), so a user is counted as one user on every address they use.
      hook: 'preHandler',
      keyGenerator: (request) => (request.user ? `user:${request.user.userId}` : `ip:${request.ip}`),
      allowList: (request) => request.url === '/health' || request.url === '/ready' || request.url === '/metrics',
      ...(redis ? { redis, nameSpace: `${config.REDIS_PREFIX}rate-limit:` } : {}),
    });
    app.decorate('authAttemptLimit', {
      max: config.AUTH_RATE_LIMIT,
      timeWindow: '1 minute',
      keyGenerator: (request) => `auth:${request.ip}`,
    });
    await app.register(bearerAuth, { tokens: new AccessTokens(config.JWT_SECRET, config.ACCESS_TOKEN_TTL) });
  },
  { name: 'api' },
);
