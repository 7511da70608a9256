import fp from 'fastify-plugin';
import type { AppContext } from './context.js';

/**
 * Runs the background jobs while the app runs (Celery's worker and beat): what each job does, the worker, and the
 * scheduled pruning. Stopped when the app closes, before the queue lets go of its connections.
 */
export default fp<AppContext>(
  async (app, { config, deps, services }) => {
    const { jobs } = deps;
    jobs.handle('title', async ({ conversationId }) => services.history.title(Number(conversationId)));
    jobs.handle('clean-history', async ({ conversationId }) => services.history.clean(Number(conversationId)));
    jobs.handle('prune', async () => services.history.prune());
    jobs.start();
    await jobs.every('prune', config.PRUNE_INTERVAL_MINUTES * 60_000).catch((error: unknown) => {
      deps.log.error({ job: 'prune', reason: `not scheduled: ${String(error)}` }, 'a background job failed');
    });
    app.addHook('onClose', () => jobs.stop());
  },
  { name: 'jobs' },
);
