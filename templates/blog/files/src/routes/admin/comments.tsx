import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commentFilter } from '../../schemas/blog.js';
import { idParams } from '../../schemas/ids.js';
import type { Services } from '../../services/index.js';
import { CommentsPage } from '../../views/pages/admin/comments-page.js';

/** Moderation: the comments waiting for approval (or all of them), approve, delete. */
export const commentRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/', { schema: { querystring: commentFilter } }, async (request, reply) => {
    const { filter, page } = request.query;
    const comments = await services.comments.page(filter, page);
    return reply.page('Comments', <CommentsPage page={comments} filter={filter} />);
  });

  routes.post('/:id/approve', { schema: { params: idParams } }, async (request, reply) => {
    await services.comments.approve(request.params.id);
    request.flash('success', 'The comment is approved and shown.');
    return reply.redirect(backTo(request.headers.referer), 303);
  });

  routes.post('/:id/delete', { schema: { params: idParams } }, async (request, reply) => {
    await services.comments.delete(request.params.id);
    request.flash('success', 'The comment and its replies are deleted.');
    return reply.redirect(backTo(request.headers.referer), 303);
  });
};

/** Back to the moderation list the admin came from (its filter and page), never to another site. */
function backTo(referer: string | undefined): string {
  const fallback = '/admin/comments';
  if (!referer) return fallback;
  try {
    const url = new URL(referer, 'http://x');
    return url.pathname === fallback ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}
