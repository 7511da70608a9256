import type { DepsPart } from '../services/deps.js';
import { BullQueue } from './bull-queue.js';
import { InProcessQueue, type JobInfo, type JobQueue } from './queue.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Background jobs: BullMQ on Redis when REDIS_URL is set, in this process otherwise. */
    jobs: JobQueue;
  }
}

/**
 * The job queue services add jobs to. What runs them (the handlers, the worker, the schedule) is started by
 * src/plugins/jobs.ts, so a command or a test that only needs the services starts no worker.
 */
export const serviceDeps: DepsPart = ({ config, log, redis, onClose }) => {
  // A job that failed its last try is logged; its status stays visible to admins (GET /api/v1/admin/jobs).
  const failed = (job: Pick<JobInfo, 'name' | 'failedReason'>) =>
    log.error({ job: job.name, reason: job.failedReason }, 'a background job failed');
  const jobs: JobQueue = redis
    ? new BullQueue(redis, `${config.REDIS_PREFIX}bull`, failed, config.NODE_ENV === 'test')
    : new InProcessQueue(failed);
  onClose(() => jobs.close());
  return { jobs };
};
