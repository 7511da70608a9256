import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';

const status = z.object({ status: z.string() });

/** Liveness (/health: the process answers) and readiness (/ready: the database answers too). */
export const healthRoutes: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/health', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' }));
  routes.get('/ready', { schema: { response: { 200: status, 503: status } } }, async (_request, reply) =>
    (await database.ping()) ? { status: 'ready' } : reply.status(503).send({ status: 'database unavailable' }),
  );
};
