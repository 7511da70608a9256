import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { prefersHtml } from '../core/errors.js';
import { site } from '../site.js';
import type { Services } from '../services/index.js';
import { ThemeSwitch, themeOf } from '../views/components/theme-switch.js';
import { LogoutButton } from '../views/components/logout-button.js';
import { adminRoutes } from './admin/index.js';
import { authRoutes } from './auth.js';
import { blogRoutes } from './blog.js';

/**
 * What surrounds every page, per request: the blog's title from its settings, the reader's theme from a cookie,
 * the admin's links once logged in. A hook of the whole app (fastify-plugin), so 404 pages get it too; only
 * for pages (a browser asking for HTML): /health, stylesheets and JSON clients never wait for the database here.
 */
const chrome = fp<{ services: Services }>(async (app, { services }) => {
  app.addHook('preHandler', async (request, reply) => {
    if (!prefersHtml(request)) return;
    const settings = await services.settings.get();
    const admin = request.userId !== undefined;
    const theme = themeOf(request.cookies.theme);
    request.chrome = {
      ...site,
      siteName: settings.title,
      tagline: settings.subtitle,
      theme,
      nav: [
        { href: '/', label: 'Home' },
        { href: '/about', label: 'About' },
        ...(admin ? [{ href: '/admin', label: 'Admin' }] : []),
      ],
      actions: (
        <>
          <ThemeSwitch current={theme} next={request.url} />
          {admin ? <LogoutButton csrfToken={reply.generateCsrf()} /> : null}
        </>
      ),
    };
  });
});

/** Every route of the app, registered by buildApp (src/app.ts). */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(chrome, { services });
  await app.register(blogRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(adminRoutes, { services, prefix: '/admin' });
};
