import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logIn, logOut, safeNext } from '../plugins/auth.js';
import { AppError } from '../core/errors.js';
import { formErrors, formValues } from '../schemas/form.js';
import { emailForm, loginForm, passwordForm, registerForm } from '../schemas/photo.js';
import type { Services } from '../services/index.js';
import { ForgotPage, LoginPage, MessagePage, RegisterPage, ResetPage } from '../views/pages/auth-pages.js';

// The token travels in the query string: it is longer than a path segment may be (Fastify's maxParamLength).
const tokenQuery = z.object({ token: z.string().min(1).max(500) });

/** Registering, confirming the address, logging in and out, resetting a forgotten password. */
export const authRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/auth/register', async (request, reply) => {
    if (request.user) return reply.redirect('/', 303);
    return reply.page('Create an account', <RegisterPage />);
  });

  routes.post('/auth/register', { config: app.loginRateLimit }, async (request, reply) => {
    const form = registerForm.safeParse(request.body);
    const values = formValues(request.body, ['name', 'username', 'email']);
    if (!form.success) {
      return reply.page('Create an account', <RegisterPage values={values} errors={formErrors(form.error)} />, 422);
    }
    try {
      const user = await services.accounts.register(form.data);
      await logIn(request, user.id);
      request.flash('info', `Welcome, ${user.name}! We sent a confirmation link to ${user.email}.`);
      return reply.redirect('/', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      const field = error.message.includes('username') ? 'username' : 'email';
      return reply.page('Create an account', <RegisterPage values={values} errors={{ [field]: error.message }} />, 409);
    }
  });

  routes.get('/auth/confirm', { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const user = await services.accounts.confirm(request.query.token);
    request.flash('success', `Thank you, ${user.name}: your address is confirmed.`);
    return reply.redirect(request.userId === user.id ? '/' : '/login', 303);
  });

  routes.post('/auth/resend', { preHandler: app.requireLogin }, async (request, reply) => {
    await services.accounts.resendConfirmation(request.userId!);
    request.flash('info', 'A new confirmation link is on its way.');
    return reply.redirect('/settings', 303);
  });

  routes.get(
    '/login',
    { schema: { querystring: z.object({ next: z.string().max(500).optional() }) } },
    async (request, reply) => {
      if (request.user) return reply.redirect(safeNext(request.query.next), 303);
      return reply.page('Log in', <LoginPage next={safeNext(request.query.next)} />);
    },
  );

  routes.post('/login', { config: app.loginRateLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    const form = loginForm.safeParse(body);
    const login = typeof body.login === 'string' ? body.login.slice(0, 254) : '';
    let error = 'Wrong username or password.';
    let user;
    try {
      user = form.success ? await services.accounts.authenticate(form.data.login, form.data.password) : undefined;
    } catch (failure) {
      if (!(failure instanceof AppError)) throw failure;
      error = failure.message;
    }
    if (!user) {
      return reply.page('Log in', <LoginPage next={next} login={login} error={error} />, 401);
    }
    await logIn(request, user.id);
    request.flash('success', `Welcome back, ${user.name}.`);
    return reply.redirect(next, 303);
  });

  routes.post('/logout', async (request, reply) => {
    await logOut(request);
    return reply.redirect('/', 303);
  });

  routes.get('/auth/forgot', async (_request, reply) => reply.page('Forgot your password?', <ForgotPage />));

  routes.post('/auth/forgot', { config: app.loginRateLimit }, async (request, reply) => {
    const form = emailForm.safeParse(request.body);
    if (!form.success) {
      return reply.page('Forgot your password?', <ForgotPage error="Give a valid e-mail address." />, 422);
    }
    await services.accounts.requestPasswordReset(form.data.email);
    // The same answer whether the address has an account or not.
    return reply.page(
      'Check your mail',
      <MessagePage heading="Check your mail">
        <p>If an account has this address, a link to choose a new password is on its way. It works for one hour.</p>
      </MessagePage>,
    );
  });

  routes.get('/auth/reset', { schema: { querystring: tokenQuery } }, async (request, reply) => {
    if (!(await services.accounts.resetTokenValid(request.query.token)))
      throw new AppError('bad_request', 'This reset link is invalid, expired or used already.');
    return reply.page('Choose a new password', <ResetPage token={request.query.token} />);
  });

  routes.post('/auth/reset', { config: app.loginRateLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token.slice(0, 500) : '';
    const form = passwordForm.safeParse(body);
    if (!form.success) {
      return reply.page(
        'Choose a new password',
        <ResetPage token={token} error={formErrors(form.error).password} />,
        422,
      );
    }
    await services.accounts.resetPassword(token, form.data.password);
    request.flash('success', 'Your password is changed: log in with the new one.');
    return reply.redirect('/login', 303);
  });
};
