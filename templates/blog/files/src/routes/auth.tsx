import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logIn, logOut, safeNext } from '../plugins/auth.js';
import { loginForm } from '../schemas/blog.js';
import type { Services } from '../services/index.js';
import { LoginPage } from '../views/pages/login-page.js';

/** Logging in and out (Flask-Login's login_user / logout_user). */
export const authRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/login',
    { schema: { querystring: z.object({ next: z.string().optional() }) } },
    async (request, reply) => {
      if (request.userId !== undefined) return reply.redirect(safeNext(request.query.next, '/admin'), 303);
      return reply.page('Log in', <LoginPage next={safeNext(request.query.next, '/admin')} />);
    },
  );

  routes.post('/login', { config: app.loginRateLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next, '/admin');
    const form = loginForm.safeParse(body);
    const admin = form.success ? await services.auth.authenticate(form.data.username, form.data.password) : undefined;
    if (!admin) {
      // One message for both mistakes: which usernames exist is nobody's business.
      const username = typeof body.username === 'string' ? body.username : '';
      return reply.page(
        'Log in',
        <LoginPage next={next} username={username} error="Wrong username or password." />,
        401,
      );
    }
    await logIn(request, admin.id);
    request.flash('success', `Welcome back, ${admin.name}.`);
    return reply.redirect(next, 303);
  });

  routes.post('/logout', async (request, reply) => {
    await logOut(request);
    return reply.redirect('/', 303);
  });
};
