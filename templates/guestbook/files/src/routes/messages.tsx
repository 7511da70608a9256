import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formErrors, formValues } from '../schemas/form.js';
import { messageForm } from '../schemas/message.js';
import { pageQuery } from '../schemas/pagination.js';
import type { Services } from '../services/index.js';
import { MessageList } from '../views/components/message-list.js';
import { HomePage } from '../views/pages/home-page.js';

/** The guestbook's pages (a Flask blueprint's counterpart): parse the request, call the service, render. */
export const messageRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const page = await services.messages.page(request.query.page);
    if (request.wantsFragment) return reply.fragment(<MessageList page={page} />);
    return reply.page('Guestbook', <HomePage page={page} />);
  });

  // Post/Redirect/Get: a valid post redirects, so reloading the page does not post the message again.
  // An invalid one is answered with the form, the errors next to the fields and what was typed.
  routes.post('/messages', async (request, reply) => {
    const form = messageForm.safeParse(request.body);
    if (!form.success) {
      const page = await services.messages.page(1);
      const values = formValues(request.body, ['name', 'body']);
      const errors = formErrors(form.error);
      return reply.page('Guestbook', <HomePage page={page} values={values} errors={errors} />, 422);
    }
    await services.messages.post(form.data);
    request.flash('success', 'Your message has been sent. Thank you!');
    return reply.redirect('/', 303);
  });
};
