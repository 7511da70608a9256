import { type Job, Queue, Worker } from 'bullmq';
import { type JobHandler, type JobInfo, type JobQueue, type JobState, jobAttempts, jobBackoffMs } from './queue.js';
import type { Redis } from './redis.js';

const states: JobState[] = ['waiting', 'active', 'completed', 'failed', 'delayed'];

/**
 * The JobQueue on Redis with BullMQ: jobs outlive a restart, every process of the app can run them, retries
 * and schedules are BullMQ's own. One queue named `jobs`; the job's name says which handler runs it.
 */
export class BullQueue implements JobQueue {
  readonly backend = 'bullmq';
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queue: Queue;
  private readonly connections: Redis[];
  private worker: Worker | undefined;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly onError: (job: JobInfo, error: unknown) => void = () => {},
    private readonly removeOnClose = false,
  ) {
    // BullMQ wants its own connections; a worker's blocking reads need maxRetriesPerRequest: null.
    this.connections = [redis.duplicate(), redis.duplicate({ maxRetriesPerRequest: null })];
    this.queue = new Queue('jobs', {
      connection: this.connections[0]!,
      prefix,
      defaultJobOptions: {
        attempts: jobAttempts,
        backoff: { type: 'exponential', delay: jobBackoffMs },
        removeOnComplete: { count: 200 },
        removeOnFail: { count: 500 },
      },
    });
  }

  handle(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  start(): void {
    this.worker = new Worker(
      'jobs',
      async (job: Job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for jobs named "${job.name}"`);
        return handler(job.data as Record<string, unknown>);
      },
      { connection: this.connections[1]!, prefix: this.prefix, concurrency: 2 },
    );
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= jobAttempts) this.onError(toInfo(job, 'failed'), error);
    });
    // Connection trouble is retried by ioredis; without a listener it would be an uncaught 'error' event.
    this.worker.on('error', () => {});
  }

  async add(name: string, data: Record<string, unknown> = {}): Promise<string> {
    const job = await this.queue.add(name, data);
    return job.id ?? '';
  }

  async every(name: string, ms: number): Promise<void> {
    await this.queue.upsertJobScheduler(name, { every: ms }, { name, data: {} });
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts = await this.queue.getJobCounts(...states);
    return Object.fromEntries(states.map((state) => [state, counts[state] ?? 0])) as Record<JobState, number>;
  }

  async recent(limit: number): Promise<JobInfo[]> {
    const jobs = await this.queue.getJobs(states, 0, limit - 1, false);
    const withStates = await Promise.all(jobs.map(async (job) => toInfo(job, (await job.getState()) as JobState)));
    return withStates.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
  }

  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((count) => count === 0)) return;
      if (Date.now() > deadline) throw new Error(`jobs still pending: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.removeOnClose) await this.queue.obliterate({ force: true });
    await this.queue.close();
    await Promise.all(this.connections.map((connection) => connection.quit()));
  }
}

function toInfo(job: Job, state: JobState): JobInfo {
  return {
    id: job.id ?? '',
    name: job.name,
    state,
    attempts: job.attemptsMade,
    data: job.data as Record<string, unknown>,
    failedReason: job.failedReason || undefined,
    createdAt: new Date(job.timestamp),
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : undefined,
  };
}
