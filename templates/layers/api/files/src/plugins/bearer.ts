import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../core/errors.js';
import { AccessTokens, type Principal, type Role } from '../core/tokens.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by app.authenticate: who sent the request. */
    user: Principal | null;
  }
  interface FastifyInstance {
    /** An onRequest hook: a valid `Authorization: Bearer <access token>` or 401. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** A preHandler hook, after authenticate: the user has this role or 403. */
    requireRole: (role: Role) => (request: FastifyRequest) => Promise<void>;
  }
}

/** The token in `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * Bearer-token authentication for route plugins: `app.addHook('onRequest', app.authenticate)` protects every route
 * of a plugin, `preHandler: app.requireRole('admin')` one route. Which user owns which data is the services'
 * business (they get request.user.userId), not this plugin's.
 */
export default fp<AppContext>(
  async (app: FastifyInstance, { config }) => {
    const tokens = new AccessTokens(config.JWT_SECRET, config.ACCESS_TOKEN_TTL);
    app.decorateRequest('user', null);
    app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = bearerToken(request);
      // RFC 6750: a 401 says which scheme the client should use.
      reply.header('www-authenticate', 'Bearer');
      if (!token) throw new AppError('unauthorized', 'Send an access token: Authorization: Bearer <token>.');
      request.user = await tokens.verify(token);
    });
    app.decorate('requireRole', (role: Role) => async (request: FastifyRequest) => {
      if (request.user?.role !== role) throw new AppError('forbidden', `This needs the ${role} role.`);
    });
  },
  { name: 'bearer-auth' },
);

/** The signed-in user of a route behind app.authenticate. */
export function currentUser(request: FastifyRequest): Principal {
  if (!request.user) throw new AppError('unauthorized', 'Send an access token: Authorization: Bearer <token>.');
  return request.user;
}
