import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { safeNext } from '../plugins/auth.js';
import { AppError, prefersHtml } from '../core/errors.js';
import { can } from '../core/permissions.js';
import type { User } from '../db/schema/index.js';
import { pageQuery } from '../schemas/pagination.js';
import { toggleForm, usernameParam } from '../schemas/photo.js';
import type { Services } from '../services/index.js';
import { ToggleButton } from '../views/components/photo-bits.js';
import { CollectionsPage, PeoplePage, UserPage } from '../views/pages/user-pages.js';

/** A user's pages (photos, collections, followers, following) and following them. */
export const userRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const schema = { params: usernameParam, querystring: pageQuery };

  const header = async (request: FastifyRequest, user: User) => {
    const viewer = request.user;
    const [counts, following] = await Promise.all([
      services.social.counts(user.id),
      services.social.isFollowing(viewer?.id, user.id),
    ]);
    const mayFollow = viewer !== undefined && viewer.id !== user.id && can(viewer, 'FOLLOW');
    return { user, counts, follow: mayFollow ? { following } : undefined };
  };

  routes.get('/users/:username', { schema }, async (request, reply) => {
    const user = await services.accounts.byUsername(request.params.username);
    const photos = await services.photos.byAuthor(user.id, request.query.page);
    return reply.page(user.name, <UserPage {...await header(request, user)} photos={photos} />);
  });

  routes.get('/users/:username/collections', { schema }, async (request, reply) => {
    const { user, photos } = await services.social.collections(
      request.user,
      request.params.username,
      request.query.page,
    );
    return reply.page(
      `${user.name}’s collections`,
      <CollectionsPage {...await header(request, user)} photos={photos} />,
    );
  });

  for (const direction of ['followers', 'following'] as const) {
    routes.get(`/users/:username/${direction}`, { schema }, async (request, reply) => {
      const { user, people } = await services.social.people(request.params.username, direction, request.query.page);
      return reply.page(
        `${user.name} · ${direction}`,
        <PeoplePage {...await header(request, user)} direction={direction} people={people} />,
      );
    });
  }

  // Follow and unfollow: a plain form (redirects back) or htmx (answers with the new button).
  routes.post('/users/:username/follow', { schema: { params: usernameParam } }, async (request, reply) => {
    const form = toggleForm.safeParse(request.body);
    if (!form.success) throw new AppError('validation_failed', 'Say whether to follow (state=on) or not (state=off).');
    const on = form.data.state === 'on';
    const user = on
      ? await services.social.follow(request.user, request.params.username)
      : await services.social.unfollow(request.user, request.params.username);
    const base = `/users/${encodeURIComponent(user.username)}`;
    if (request.wantsFragment) {
      return reply.fragment(
        <ToggleButton action={`${base}/follow`} on={on} labels={['Follow', 'Following']} next={base} />,
      );
    }
    if (!prefersHtml(request)) return { following: on };
    request.flash('success', on ? `You follow ${user.name} now.` : `You no longer follow ${user.name}.`);
    return reply.redirect(safeNext(form.data.next, base), 303);
  });
};
