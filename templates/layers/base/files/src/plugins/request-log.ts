import fp from 'fastify-plugin';
import { prettyLogs } from '../core/logger.js';
import type { AppContext } from './context.js';

/**
 * "GET /?page=2 → 200 (12 ms)": one line per request while developing, instead of Fastify's two JSON objects.
 * Elsewhere the logs stay JSON lines, for log collectors.
 */
export default fp<AppContext>(
  async (app, { config }) => {
    if (!prettyLogs(config)) return;
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(`${request.method} ${request.url} → ${reply.statusCode} (${Math.round(reply.elapsedTime)} ms)`);
    });
  },
  { name: 'request-log' },
);
