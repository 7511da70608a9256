import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram } from 'prom-client';
import type { AppContext } from './context.js';

/**
 * Prometheus metrics: GET /metrics in the text format Prometheus scrapes, with the process's own figures (memory,
 * CPU, event-loop delay) and a histogram of every request's latency by route and status. The registry belongs to
 * the app, not to the process, so tests can build many apps side by side.
 * /metrics is not authenticated: scrape it from inside your network and keep it off the public proxy.
 */
export default fp<AppContext>(
  async (app: FastifyInstance, { deps }) => {
    const registry = deps.metrics;
    collectDefaultMetrics({ register: registry });
    // prom-client names three gauges with a counter's suffix, which Prometheus' naming rules (promtool check
    // metrics) refuse. Each is only the sum of its gauge by type (nodejs_active_handles{type}, …), which stays.
    for (const total of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ])
      registry.removeSingleMetric(total);
    const latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from the request arriving to the response being sent, by route and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.addHook('onResponse', async (request, reply) => {
      // The route's pattern (/conversations/:id), not the URL: one series per route, however many ids there are.
      const route = request.routeOptions.url ?? 'unmatched';
      latency.observe({ method: request.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000);
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
  },
  { name: 'metrics' },
);
