import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postForm, type PostInput } from '../../schemas/blog.js';
import { idParams } from '../../schemas/ids.js';
import { type FormErrors, formErrors, formValues } from '../../schemas/form.js';
import { pageQuery } from '../../schemas/pagination.js';
import type { Services } from '../../services/index.js';
import { PostFormPage } from '../../views/pages/admin/post-form-page.js';
import { PostsPage } from '../../views/pages/admin/posts-page.js';

const fields = ['title', 'slug', 'categoryId', 'body'] as const;

/** Writing, editing and deleting posts; opening and closing their comments. */
export const postRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const page = await services.posts.page(request.query.page);
    return reply.page('Posts', <PostsPage page={page} />);
  });

  routes.get('/new', async (_request, reply) => form(reply, 'New post', '/admin/posts', {}));

  routes.post('/', async (request, reply) => {
    const input = postForm.safeParse(request.body);
    if (!input.success) {
      return form(reply, 'New post', '/admin/posts', formValues(request.body, fields), formErrors(input.error), 422);
    }
    const post = await services.posts.create(input.data);
    request.flash('success', `“${post.title}” is published.`);
    return reply.redirect(`/posts/${encodeURIComponent(post.slug)}`, 303);
  });

  routes.get('/:id/edit', { schema: { params: idParams } }, async (request, reply) => {
    const post = await services.posts.byId(request.params.id);
    const values = { title: post.title, slug: post.slug, categoryId: String(post.categoryId), body: post.body };
    return form(reply, `Edit “${post.title}”`, `/admin/posts/${post.id}`, values);
  });

  routes.post('/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params;
    const input = postForm.safeParse(request.body);
    if (!input.success) {
      return form(
        reply,
        'Edit post',
        `/admin/posts/${id}`,
        formValues(request.body, fields),
        formErrors(input.error),
        422,
      );
    }
    const post = await services.posts.update(id, input.data);
    request.flash('success', `“${post.title}” is saved.`);
    return reply.redirect(`/posts/${encodeURIComponent(post.slug)}`, 303);
  });

  routes.post('/:id/delete', { schema: { params: idParams } }, async (request, reply) => {
    const post = await services.posts.byId(request.params.id);
    await services.posts.delete(post.id);
    request.flash('success', `“${post.title}” and its comments are deleted.`);
    return reply.redirect('/admin/posts', 303);
  });

  routes.post(
    '/:id/comments',
    { schema: { params: idParams, body: z.object({ open: z.enum(['true', 'false']) }) } },
    async (request, reply) => {
      await services.posts.setCommentsOpen(request.params.id, request.body.open === 'true');
      request.flash('success', request.body.open === 'true' ? 'Comments are open.' : 'Comments are closed.');
      return reply.redirect('/admin/posts', 303);
    },
  );

  async function form(
    reply: FastifyReply,
    title: string,
    action: string,
    values: Partial<Record<keyof PostInput, string>>,
    errors: FormErrors<PostInput> = {},
    status = 200,
  ) {
    // A new blog may have no category yet: the default one is made, so there is always one to choose.
    await services.categories.defaultCategory();
    const categories = await services.categories.list();
    return reply.page(
      title,
      <PostFormPage heading={title} action={action} categories={categories} values={values} errors={errors} />,
      status,
    );
  }
};
