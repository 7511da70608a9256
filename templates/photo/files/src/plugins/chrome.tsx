import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { prefersHtml } from '../core/errors.js';
import { can } from '../core/permissions.js';
import type { User } from '../db/schema/index.js';
import { site } from '../site.js';
import { CsrfField } from '../views/components/csrf-field.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, loaded once per request; undefined for visitors and for blocked accounts. */
    user: User | undefined;
  }
}

/** Loads the user of the session, and builds what surrounds every page: the links this visitor may use. */
export default fp<AppContext>(
  async (app, { services }) => {
    app.decorateRequest('user', undefined);
    app.addHook('preHandler', async (request: FastifyRequest) => {
      if (request.userId !== undefined) {
        const user = await services.accounts.byId(request.userId);
        request.user = user?.active ? user : undefined;
      }
      if (!prefersHtml(request)) return;
      const user = request.user;
      const unread = user ? await services.notifications.unreadCount(user.id) : 0;
      request.chrome = {
        ...site,
        nav: [
          { href: '/', label: 'Home' },
          { href: '/explore', label: 'Explore' },
          { href: '/search', label: 'Search' },
          ...(can(user, 'UPLOAD') ? [{ href: '/upload', label: 'Upload' }] : []),
          ...(can(user, 'MODERATE') ? [{ href: '/admin', label: 'Admin' }] : []),
        ],
        actions: user ? (
          <>
            <a href="/notifications" class="notifications-link">
              Notifications{' '}
              <span
                class="badge"
                data-live-events="/notifications/events"
                data-live-poll="/notifications/unread-count"
                aria-label="unread notifications"
                hidden={unread === 0}
              >
                {unread}
              </span>
            </a>
            <a href={`/users/${encodeURIComponent(user.username)}`}>{user.name}</a>
            <a href="/settings">Settings</a>
            <form method="post" action="/logout" class="inline-form">
              <CsrfField />
              <button type="submit" class="button-secondary">
                Log out
              </button>
            </form>
            <script src="/static/live.js" defer />
          </>
        ) : (
          <>
            <a href="/login">Log in</a>
            <a href="/auth/register">Register</a>
          </>
        ),
      };
    });
  },
  { name: 'chrome', dependencies: ['views', 'auth'] },
);
