import { existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from './context.js';
import { prefersHtml } from '../core/errors.js';

/** Where `vite build` writes the SPA, from src/plugins (tsx) and from dist/plugins (the build) alike. */
export const builtSpa = resolve(import.meta.dirname, '../../dist/web');

/** Paths that belong to the server: a browser asking for one of them never gets the SPA's page instead. */
const serverPaths = ['/api', '/docs', '/metrics', '/health', '/ready'];

const isServerPath = (path: string) => serverPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Serves the built single-page app from this process, so that production is one port and one image: the files
 * of dist/web as they are (hashed assets cached for a year, index.html never), and index.html for any other
 * page a browser asks for (client-side routes, a reload on one of them). Never for the API: an unknown /api path
 * stays the app's 404 (JSON), and so does a missing asset. The wildcard route is the least specific of all, so
 * the routes registered after this plugin still answer their own paths. (`root` is for its tests.) Without a build (npm run dev), / says where the SPA is.
 */
export default fp<Partial<AppContext> & { root?: string }>(
  async (app: FastifyInstance, { root = builtSpa }) => {
    if (!existsSync(resolve(root, 'index.html'))) {
      app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html').send(notBuilt));
      return;
    }
    await app.register(fastifyStatic, {
      root,
      // One route per file of the build, made at start-up; what is not a file reaches the fallback below.
      wildcard: false,
      setHeaders: (response, path) => {
        const hashed = path.includes(`${sep}assets${sep}`);
        response.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      // Not a page of the SPA: the app's own 404 (JSON for an API client, and counted against scanners).
      if (isServerPath(path) || extname(path) !== '' || !prefersHtml(request)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'spa' },
);

const notBuilt = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>API</title></head>
  <body>
    <main>
      <h1>This is the API</h1>
      <p>In development the web app is served by Vite: <code>npm run dev</code> starts both, then open
      <a href="http://localhost:5173">http://localhost:5173</a>. <code>npm run build</code> writes the app to
      <code>dist/web</code>, which this server then serves. The API's documentation is at <a href="/docs">/docs</a>.</p>
    </main>
  </body>
</html>
`;
