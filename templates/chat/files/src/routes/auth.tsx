import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logIn, logOut, safeNext } from '../plugins/auth.js';
import { AppError } from '../core/errors.js';
import { sessionRoom } from '../plugins/realtime.js';
import { loginForm, registerForm } from '../schemas/chat.js';
import type { Services } from '../services/index.js';
import { LoginPage } from '../views/pages/login-page.js';
import { RegisterPage } from '../views/pages/register-page.js';

const home = '/rooms/general';

/** Registering, signing in and out with a password (Flask-Login's login_user / logout_user). */
export const authRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const provider = services.oauth.enabled ? services.oauth.providerName : undefined;

  routes.get(
    '/login',
    { schema: { querystring: z.object({ next: z.string().optional() }) } },
    async (request, reply) => {
      const next = safeNext(request.query.next, home);
      if (request.userId !== undefined) return reply.redirect(next, 303);
      return reply.page('Sign in', <LoginPage next={next} provider={provider} />);
    },
  );

  routes.post('/login', { config: app.loginRateLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next, home);
    const form = loginForm.safeParse(body);
    const user = form.success ? await services.accounts.authenticate(form.data.email, form.data.password) : undefined;
    if (!user) {
      // One message for every mistake: which e-mails have an account is nobody's business.
      return reply.page(
        'Sign in',
        <LoginPage
          next={next}
          email={typeof body.email === 'string' ? body.email.slice(0, 254) : ''}
          error="Wrong e-mail or password."
          provider={provider}
        />,
        401,
      );
    }
    await logIn(request, user.id);
    request.flash('success', `Welcome back, ${user.nickname}.`);
    return reply.redirect(next, 303);
  });

  routes.get('/register', async (request, reply) => {
    if (request.userId !== undefined) return reply.redirect(home, 303);
    return reply.page('Create an account', <RegisterPage />);
  });

  routes.post('/register', { config: app.loginRateLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
      nickname: typeof body.nickname === 'string' ? body.nickname.slice(0, 30) : '',
    };
    const form = registerForm.safeParse(body);
    const again = (errors: Partial<Record<'email' | 'nickname' | 'password', string>>, status: number) =>
      reply.page('Create an account', <RegisterPage values={values} errors={errors} />, status);
    if (!form.success) {
      const errors: Partial<Record<'email' | 'nickname' | 'password', string>> = {};
      for (const issue of form.error.issues) {
        const field = issue.path[0] as 'email' | 'nickname' | 'password';
        errors[field] ??= issue.message;
      }
      return again(errors, 400);
    }
    try {
      const user = await services.accounts.register(form.data);
      await logIn(request, user.id);
      request.flash('success', `Welcome, ${user.nickname}.`);
      return reply.redirect(home, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return again({ email: error.message }, 409);
      throw error;
    }
  });

  routes.post('/logout', async (request, reply) => {
    // The session's sockets go too: a signed-out tab must not go on chatting as the user.
    app.io.in(sessionRoom(request.session.sessionId)).disconnectSockets(true);
    await logOut(request);
    return reply.redirect('/login', 303);
  });
};
