import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { categoryForm } from '../../schemas/blog.js';
import { idParams } from '../../schemas/ids.js';
import { formErrors, formValues } from '../../schemas/form.js';
import type { Services } from '../../services/index.js';
import { CategoriesPage } from '../../views/pages/admin/categories-page.js';

/** Categories: create, rename, delete (posts move to the default category). */
export const categoryRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/', async (_request, reply) => page(reply));

  routes.post('/', async (request, reply) => {
    const input = categoryForm.safeParse(request.body);
    if (!input.success) return page(reply, formValues(request.body, ['name']).name, formErrors(input.error).name);
    const category = await services.categories.create(input.data);
    request.flash('success', `Category “${category.name}” is created.`);
    return reply.redirect('/admin/categories', 303);
  });

  routes.post('/:id', { schema: { params: idParams } }, async (request, reply) => {
    const input = categoryForm.safeParse(request.body);
    if (!input.success) {
      request.flash('error', formErrors(input.error).name ?? 'That name cannot be used.');
      return reply.redirect('/admin/categories', 303);
    }
    await services.categories.rename(request.params.id, input.data);
    request.flash('success', `Renamed to “${input.data.name}”.`);
    return reply.redirect('/admin/categories', 303);
  });

  routes.post('/:id/delete', { schema: { params: idParams } }, async (request, reply) => {
    const category = await services.categories.byId(request.params.id);
    await services.categories.delete(category.id);
    request.flash('success', `Category “${category.name}” is deleted; its posts are in the default category now.`);
    return reply.redirect('/admin/categories', 303);
  });

  async function page(reply: FastifyReply, name?: string, error?: string) {
    await services.categories.defaultCategory();
    const categories = await services.categories.list();
    return reply.page(
      'Categories',
      <CategoriesPage categories={categories} name={name} error={error} />,
      error ? 422 : 200,
    );
  }
};
