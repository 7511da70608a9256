import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { prefersHtml } from '../core/errors.js';
import { site } from '../site.js';
import { type Chrome, Layout } from '../views/layout.js';
import { PageContext } from '../views/page-context.js';
import { renderErrorPage } from '../views/pages/error-page.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a whole page: the body inside the layout, with the flashed messages. */
    page(title: string, body: ComponentChildren, status?: number): FastifyReply;
    /** Sends part of a page (for htmx, which swaps it into the page it came from). */
    fragment(body: VNode): FastifyReply;
  }
  interface FastifyRequest {
    /** true when htmx asked for part of a page (and not for a whole page to restore history). */
    readonly wantsFragment: boolean;
    /** What surrounds this request's page; src/site.ts's defaults when no hook set it. */
    chrome: Chrome | null;
  }
}

/** What views get from the request (src/views/page-context.ts); the CSRF token is made once, when a form asks. */
function pageContext(reply: FastifyReply): PageContext {
  let token: string | undefined;
  return { csrfToken: () => (token ??= reply.generateCsrf()) };
}

/**
 * Server-side rendering of TSX views: preact-render-to-string escapes every value, so output is safe by default.
 * Browsers get error pages in the site's layout (the error handler asks this plugin first for them).
 */
export default fp(
  (app: FastifyInstance) => {
    app.decorateReply('page', function (this: FastifyReply, title: string, body: ComponentChildren, status = 200) {
      const { chrome, url } = this.request;
      const html = render(
        <PageContext.Provider value={pageContext(this)}>
          <Layout title={title} flash={this.takeFlash()} chrome={chrome ?? site} path={url.split('?')[0] ?? '/'}>
            {body}
          </Layout>
        </PageContext.Provider>,
      );
      return this.status(status).type('text/html; charset=utf-8').send(`<!doctype html>\n${html}`);
    });
    app.decorateReply('fragment', function (this: FastifyReply, body: VNode) {
      const html = render(<PageContext.Provider value={pageContext(this)}>{body}</PageContext.Provider>);
      return this.header('vary', 'HX-Request').type('text/html; charset=utf-8').send(html);
    });
    app.decorateRequest('chrome', null);
    app.decorateRequest('wantsFragment', {
      getter() {
        return this.headers['hx-request'] === 'true' && this.headers['hx-history-restore-request'] !== 'true';
      },
    });
    app.addProblemFormat({ accepts: prefersHtml, render: renderErrorPage });
  },
  { name: 'views', dependencies: ['error-handler', 'web'] },
);
