import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bearerSecurity as security } from '../plugins/openapi.js';
import { jobStatus } from '../schemas/job.js';
import type { Services } from '../services/index.js';

/** Admins only: the background jobs (where they run, how many in each state, the latest ones). */
export const adminRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin'));
  const tags = ['admin'];

  routes.get(
    '/admin/jobs',
    { schema: { tags, security, summary: 'Job queue status', response: { 200: jobStatus } } },
    async () => ({
      backend: services.jobs.backend,
      counts: await services.jobs.counts(),
      recent: await services.jobs.recent(50),
    }),
  );

  routes.post(
    '/admin/jobs/prune',
    { schema: { tags, security, summary: 'Run the pruning job now', response: { 202: z.object({ id: z.string() }) } } },
    async (_request, reply) => reply.status(202).send({ id: await services.jobs.add('prune') }),
  );
};
