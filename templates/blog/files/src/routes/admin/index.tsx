import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/index.js';
import { DashboardPage } from '../../views/pages/admin/dashboard-page.js';
import { categoryRoutes } from './categories.js';
import { commentRoutes } from './comments.js';
import { postRoutes } from './posts.js';
import { settingsRoutes } from './settings.js';

/**
 * The admin area under /admin (Bluelog's admin blueprint). One hook guards every route of this plugin and of
 * the plugins it registers: a page added here later cannot forget the login check.
 */
export const adminRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.addHook('preHandler', app.requireLogin);

  app.get('/', async (_request, reply) => {
    const [postCount, categories, pending] = await Promise.all([
      services.posts.count(),
      services.categories.list(),
      services.comments.pendingCount(),
    ]);
    return reply.page(
      'Admin',
      <DashboardPage postCount={postCount} categoryCount={categories.length} pendingComments={pending} />,
    );
  });

  await app.register(postRoutes, { services, prefix: '/posts' });
  await app.register(categoryRoutes, { services, prefix: '/categories' });
  await app.register(commentRoutes, { services, prefix: '/comments' });
  await app.register(settingsRoutes, { services, prefix: '/settings' });
};
