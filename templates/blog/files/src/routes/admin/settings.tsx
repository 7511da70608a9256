import type { FastifyPluginAsync } from 'fastify';
import { settingsForm } from '../../schemas/blog.js';
import { formErrors, formValues } from '../../schemas/form.js';
import type { Services } from '../../services/index.js';
import { SettingsPage } from '../../views/pages/admin/settings-page.js';

/** The blog's title, subtitle and about page. */
export const settingsRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get('/', async (_request, reply) => {
    const settings = await services.settings.get();
    return reply.page('Settings', <SettingsPage values={settings} />);
  });

  app.post('/', async (request, reply) => {
    const input = settingsForm.safeParse(request.body);
    if (!input.success) {
      const values = formValues(request.body, ['title', 'subtitle', 'about']);
      return reply.page('Settings', <SettingsPage values={values} errors={formErrors(input.error)} />, 422);
    }
    await services.settings.update(input.data);
    request.flash('success', 'Settings saved.');
    return reply.redirect('/admin/settings', 303);
  });
};
