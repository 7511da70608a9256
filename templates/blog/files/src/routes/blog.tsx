import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeNext } from '../plugins/auth.js';
import { commentForm, slugParam } from '../schemas/blog.js';
import { formErrors, formValues } from '../schemas/form.js';
import { id } from '../schemas/ids.js';
import { pageQuery } from '../schemas/pagination.js';
import type { Services } from '../services/index.js';
import { themes } from '../views/components/theme-switch.js';
import { AboutPage } from '../views/pages/about-page.js';
import { CategoryPage } from '../views/pages/category-page.js';
import { HomePage } from '../views/pages/home-page.js';
import { PostPage, type PostPageProps } from '../views/pages/post-page.js';

const commentFields = ['author', 'email', 'site', 'body', 'repliedId'] as const;

/** The blog's front: the posts, a post with its comments, categories, the about page, the theme switch. */
export const blogRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const [page, categories] = await Promise.all([services.posts.page(request.query.page), services.categories.list()]);
    return reply.page('Posts', <HomePage page={page} categories={categories} />);
  });

  routes.get(
    '/posts/:slug',
    { schema: { params: slugParam, querystring: z.object({ reply: id.optional() }) } },
    async (request, reply) => {
      const props = await postPage(request.params.slug);
      const replyTo = findComment(props.threads, request.query.reply);
      return reply.page(props.post.title, <PostPage {...props} replyTo={replyTo} />);
    },
  );

  // Post/Redirect/Get, as for the guestbook: errors come back with the form, a saved comment redirects.
  routes.post('/posts/:slug/comments', { schema: { params: slugParam } }, async (request, reply) => {
    const { slug } = request.params;
    const form = commentForm.safeParse(request.body);
    if (!form.success) {
      const props = await postPage(slug);
      const values = formValues(request.body, commentFields);
      const replyTo = findComment(props.threads, Number(values.repliedId));
      return reply.page(
        props.post.title,
        <PostPage {...props} replyTo={replyTo} values={values} errors={formErrors(form.error)} />,
        422,
      );
    }
    const fromAdmin = request.userId !== undefined;
    const comment = await services.comments.add(slug, form.data, fromAdmin);
    request.flash(
      'success',
      fromAdmin ? 'Your comment is published.' : 'Thank you! Your comment will appear once it is approved.',
    );
    return reply.redirect(
      `/posts/${encodeURIComponent(slug)}#${fromAdmin ? `comment-${comment.id}` : 'comments'}`,
      303,
    );
  });

  routes.get('/categories/:slug', { schema: { params: slugParam, querystring: pageQuery } }, async (request, reply) => {
    const category = await services.categories.bySlug(request.params.slug);
    const [page, categories] = await Promise.all([
      services.posts.page(request.query.page, category.id),
      services.categories.list(),
    ]);
    return reply.page(category.name, <CategoryPage category={category} page={page} categories={categories} />);
  });

  routes.get('/about', async (_request, reply) => {
    const settings = await services.settings.get();
    return reply.page('About', <AboutPage about={settings.about} />);
  });

  // A link rather than a form: it changes only how this browser shows the blog (Bluelog's change_theme).
  routes.get(
    '/theme/:theme',
    { schema: { params: z.object({ theme: z.enum(themes) }), querystring: z.object({ next: z.string().optional() }) } },
    async (request, reply) => {
      reply.setCookie('theme', request.params.theme, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
      });
      return reply.redirect(safeNext(request.query.next), 303);
    },
  );

  async function postPage(slug: string): Promise<PostPageProps> {
    const post = await services.posts.bySlug(slug);
    const [threads, categories] = await Promise.all([
      services.comments.threadsFor(post.id),
      services.categories.list(),
    ]);
    return { post, threads, categories };
  }
};

function findComment<T extends { id: number; replies: T[] }>(threads: T[], id: number | undefined): T | undefined {
  if (id === undefined || Number.isNaN(id)) return undefined;
  for (const thread of threads) {
    if (thread.id === id) return thread;
    const found = findComment(thread.replies, id);
    if (found) return found;
  }
  return undefined;
}
