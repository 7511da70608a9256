import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../schemas/ids.js';
import type { Services } from '../services/index.js';
import { userChannel } from '../services/notification-service.js';
import { NotificationsPage } from '../views/pages/site-pages.js';

/** The notification list, marking read, and the live unread count (server-sent events, or polling). */
export const notificationRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: app.requireLogin };

  routes.get(
    '/notifications',
    {
      ...guard,
      schema: {
        querystring: z.object({
          filter: z.enum(['all', 'unread']).default('all'),
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
        }),
      },
    },
    async (request, reply) => {
      const unreadOnly = request.query.filter === 'unread';
      const page = await services.notifications.page(request.userId!, unreadOnly, request.query.page);
      return reply.page('Notifications', <NotificationsPage page={page} unreadOnly={unreadOnly} />);
    },
  );

  routes.post('/notifications/:id/read', { ...guard, schema: { params: idParams } }, async (request, reply) => {
    await services.notifications.markRead(request.userId!, request.params.id);
    return reply.redirect('/notifications', 303);
  });

  routes.post('/notifications/read-all', guard, async (request, reply) => {
    await services.notifications.markAllRead(request.userId!);
    request.flash('success', 'All notifications are marked as read.');
    return reply.redirect('/notifications', 303);
  });

  // The polling fallback: the count as JSON.
  routes.get('/notifications/unread-count', guard, async (request, reply) => {
    return reply
      .header('cache-control', 'no-store')
      .send({ count: await services.notifications.unreadCount(request.userId!) });
  });

  // The live count: the current value at once, then each change as it happens.
  routes.get('/notifications/events', guard, async (request, reply) => {
    const count = await services.notifications.unreadCount(request.userId!);
    return reply.eventStream(userChannel(request.userId!), { type: 'unread', data: { count } });
  });
};
