import fp from 'fastify-plugin';
import { prefersHtml } from '../core/errors.js';
import { site } from '../site.js';
import { LogoutButton } from '../views/components/logout-button.js';
import type { AppContext } from './context.js';

/** What surrounds every page, per request: who is signed in, and the way out. */
export default fp<AppContext>(
  async (app, { services }) => {
    app.addHook('preHandler', async (request) => {
      if (!prefersHtml(request)) return;
      const user = request.userId === undefined ? undefined : await services.accounts.byId(request.userId);
      if (!user) {
        request.chrome = { ...site, actions: <a href="/login">Sign in</a> };
        return;
      }
      request.chrome = {
        ...site,
        actions: (
          <>
            <span class="signed-in-as">{user.nickname}</span>
            <LogoutButton />
          </>
        ),
      };
    });
  },
  { name: 'chrome', dependencies: ['views', 'auth'] },
);
