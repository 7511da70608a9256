import fp from 'fastify-plugin';
import { prefersHtml } from '../core/errors.js';
import { site } from '../site.js';
import { LogoutButton } from '../views/components/logout-button.js';
import { ThemeSwitch, themeOf } from '../views/components/theme-switch.js';
import type { AppContext } from './context.js';

/**
 * What surrounds every page, per request: the blog's title from its settings, the reader's theme from a cookie,
 * a way to log in, and the admin's links once logged in. A hook of the whole app (fastify-plugin), so 404 pages get it too; only
 * for pages (a browser asking for HTML): /health, stylesheets and JSON clients never wait for the database here.
 */
export default fp<AppContext>(
  async (app, { services }) => {
    app.addHook('preHandler', async (request) => {
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
            {admin ? <LogoutButton /> : <a href={`/login?next=${encodeURIComponent(request.url)}`}>Log in</a>}
          </>
        ),
      };
    });
  },
  { name: 'chrome', dependencies: ['views'] },
);
