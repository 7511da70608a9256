import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { currentUser } from '../plugins/bearer.js';
import { bearerSecurity } from '../plugins/openapi.js';
import { pageQuery } from '../schemas/pagination.js';
import { idParams } from '../schemas/ids.js';
import { publicUser, userChange, userPage } from '../schemas/user.js';
import type { Services } from '../services/index.js';

/** The signed-in user (/users/me) and, for admins, every account (/admin/users). */
export const userRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);
  const security = bearerSecurity;

  routes.get(
    '/users/me',
    { schema: { tags: ['users'], summary: 'Who am I', security, response: { 200: publicUser } } },
    async (request) => services.auth.profile(currentUser(request).userId),
  );

  const admin = { preHandler: app.requireRole('admin') };
  routes.get(
    '/admin/users',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Every account, a page at a time',
        security,
        querystring: pageQuery,
        response: { 200: userPage },
      },
    },
    async (request) => services.users.page(request.query.page),
  );

  routes.patch(
    '/admin/users/:id',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Change a role, or disable an account',
        security,
        params: idParams,
        body: userChange,
        response: { 200: publicUser },
      },
    },
    async (request) => services.users.change(currentUser(request).userId, request.params.id, request.body),
  );
};
