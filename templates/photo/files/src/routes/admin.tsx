import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { type Actor, can, requirePermission } from '../core/permissions.js';
import { formErrors } from '../schemas/form.js';
import { pageQuery } from '../schemas/pagination.js';
import { idParams } from '../schemas/ids.js';
import { adminUserForm } from '../schemas/photo.js';
import type { Services } from '../services/index.js';
import {
  AdminCommentsPage,
  AdminDashboard,
  AdminPhotosPage,
  AdminReportsPage,
  AdminTagsPage,
  AdminUserForm,
  AdminUsersPage,
} from '../views/pages/admin-pages.js';

/** The back office: moderators lock users and handle photos, tags, comments and reports; administrators more. */
export const adminRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', app.requireLogin);
  // Every page here needs MODERATE; what needs ADMINISTER is checked again by the service that does it.
  app.addHook('preHandler', async (request) => requirePermission(request.user, 'MODERATE'));

  routes.get('/', async (_request, reply) => {
    const [users, photos, reports] = await Promise.all([
      services.accounts.list(_request.user, 0, 1).then((page) => page.total),
      services.photos.newest(1).then((page) => page.total),
      services.photos.reportsPage(_request.user, 1).then((page) => page.total),
    ]);
    return reply.page('Administration', <AdminDashboard counts={{ users, photos, reports }} />);
  });

  routes.get(
    '/users',
    { schema: { querystring: pageQuery.extend({ q: z.string().trim().max(60).default('') }) } },
    async (request, reply) => {
      const { page, q } = request.query;
      const users = await services.photos.paged(
        page,
        (offset, limit) => services.accounts.list(request.user, offset, limit, q || undefined),
        30,
      );
      return reply.page(
        'Users',
        <AdminUsersPage
          users={users}
          q={q}
          mayAdminister={can(request.user, 'ADMINISTER')}
          selfId={request.user!.id}
        />,
      );
    },
  );

  routes.get('/users/:id', { schema: { params: idParams } }, async (request, reply) => {
    requirePermission(request.user, 'ADMINISTER');
    const user = await services.accounts.byId(request.params.id);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    return reply.page(`Edit ${user.username}`, <AdminUserForm user={user} />);
  });

  routes.post('/users/:id', { schema: { params: idParams } }, async (request, reply) => {
    requirePermission(request.user, 'ADMINISTER');
    const user = await services.accounts.byId(request.params.id);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    const form = adminUserForm.safeParse(request.body);
    if (!form.success) {
      return reply.page(`Edit ${user.username}`, <AdminUserForm user={user} errors={formErrors(form.error)} />, 422);
    }
    const changes = user.id === request.user.id ? { ...form.data, role: undefined } : form.data;
    await services.accounts.administer(request.user, user.id, changes);
    request.flash('success', `${user.username} is saved.`);
    return reply.redirect('/admin/users', 303);
  });

  // Moderators lock and unlock; blocking (no more logging in) is for administrators.
  const actions: Record<
    'lock' | 'unlock' | 'block' | 'unblock',
    (actor: Actor | undefined, userId: number) => Promise<unknown>
  > = {
    lock: (actor, userId) => services.accounts.setLocked(actor, userId, true),
    unlock: (actor, userId) => services.accounts.setLocked(actor, userId, false),
    block: (actor, userId) => services.accounts.administer(actor, userId, { active: false }),
    unblock: (actor, userId) => services.accounts.administer(actor, userId, { active: true }),
  };

  routes.post(
    '/users/:id/:action',
    { schema: { params: idParams.extend({ action: z.enum(['lock', 'unlock', 'block', 'unblock']) }) } },
    async (request, reply) => {
      const { id, action } = request.params;
      await actions[action](request.user, id);
      request.flash('success', `Done: ${action}.`);
      return reply.redirect('/admin/users', 303);
    },
  );

  routes.get('/photos', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const photos = await services.photos.newest(request.query.page);
    return reply.page('Photos', <AdminPhotosPage photos={photos} />);
  });

  routes.get('/tags', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const tags = await services.photos.tags(request.user, request.query.page);
    return reply.page('Tags', <AdminTagsPage tags={tags} />);
  });

  routes.post('/tags/:id/delete', { schema: { params: idParams } }, async (request, reply) => {
    await services.photos.deleteTag(request.user, request.params.id);
    request.flash('success', 'The tag is deleted.');
    return reply.redirect('/admin/tags', 303);
  });

  routes.get('/comments', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const comments = await services.comments.page(request.user, request.query.page);
    return reply.page('Comments', <AdminCommentsPage comments={comments} />);
  });

  routes.get('/reports', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const reports = await services.photos.reportsPage(request.user, request.query.page);
    return reply.page('Reports', <AdminReportsPage reports={reports} />);
  });

  routes.post('/reports/:id/dismiss', { schema: { params: idParams } }, async (request, reply) => {
    await services.photos.dismissReport(request.user, request.params.id);
    request.flash('success', 'The report is dismissed.');
    return reply.redirect('/admin/reports', 303);
  });
};
