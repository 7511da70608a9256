import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageQuery } from '../schemas/pagination.js';
import { idParams } from '../schemas/ids.js';
import { searchQuery } from '../schemas/photo.js';
import type { Services } from '../services/index.js';
import { ExplorePage, HomePage, SearchPage, TagPage } from '../views/pages/site-pages.js';

/** The home feed, explore, tag pages and search. */
export const homeRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const { page } = request.query;
    const user = request.user;
    const [feed, newest, tags] = await Promise.all([
      user ? services.photos.feed(user.id, page) : undefined,
      user ? undefined : services.photos.newest(page),
      services.photos.popularTags(),
    ]);
    return reply.page(user ? 'Your feed' : 'Album', <HomePage feed={feed} newest={newest} tags={tags} />);
  });

  routes.get('/explore', async (_request, reply) => {
    return reply
      .header('cache-control', 'no-store')
      .page('Explore', <ExplorePage photos={await services.photos.explore()} />);
  });

  routes.get('/tags/:id', { schema: { params: idParams, querystring: pageQuery } }, async (request, reply) => {
    const { tag, photos } = await services.photos.tagPage(request.params.id, request.query.page);
    return reply.page(`#${tag.name}`, <TagPage tag={tag} photos={photos} />);
  });

  routes.get('/search', { schema: { querystring: searchQuery } }, async (request, reply) => {
    const { q, category, page } = request.query;
    const results = q.trim() ? await services.search.find(q, category, page) : undefined;
    return reply.page(q.trim() ? `Search: ${q}` : 'Search', <SearchPage q={q} results={results} />);
  });
};
