import { setTimeout as sleep } from 'node:timers/promises';

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';
export type JobHandler = (data: Record<string, unknown>) => Promise<unknown>;

/** A job as an admin sees it (GET /api/v1/admin/jobs). */
export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  attempts: number;
  data: Record<string, unknown>;
  failedReason?: string;
  createdAt: Date;
  finishedAt?: Date;
}

/**
 * Background jobs, Celery's counterpart: work that must not hold up a request (titles, history clean-up) or that
 * runs on a schedule (pruning). Two implementations with one interface: in this process (the default: nothing to
 * install, lost if the process stops) and BullMQ on Redis (src/adapters/bull-queue.ts, when REDIS_URL is set: jobs
 * survive restarts and any process of the app may run them).
 */
export interface JobQueue {
  readonly backend: 'in-process' | 'bullmq';
  /** Says what runs a job of this name; every handler is registered before start(). */
  handle(name: string, handler: JobHandler): void;
  start(): void;
  add(name: string, data?: Record<string, unknown>): Promise<string>;
  /** Runs a job of this name every `ms` milliseconds. */
  every(name: string, ms: number): Promise<void>;
  counts(): Promise<Record<JobState, number>>;
  recent(limit: number): Promise<JobInfo[]>;
  /** Resolves when nothing is waiting or running (for tests and shutdown). */
  idle(timeoutMs?: number): Promise<void>;
  /** Stops running jobs and schedules in this process (what start() and every() began); jobs can still be added. */
  stop(): Promise<void>;
  /** stop(), then lets go of what the queue holds (its connections). */
  close(): Promise<void>;
}

/** Each job gets this many tries; the pauses between them double (exponential backoff). */
export const jobAttempts = 3;
export const jobBackoffMs = 200;

interface Job extends JobInfo {
  runAt: number;
}

/** Jobs in this process: one at a time, in order, with retries; the last 200 are kept for the admin page. */
export class InProcessQueue implements JobQueue {
  readonly backend = 'in-process';
  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs: Job[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 1;
  private running: Promise<void> | undefined;
  private started = false;
  private closed = false;

  constructor(private readonly onError: (job: JobInfo, error: unknown) => void = () => {}) {}

  handle(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  start(): void {
    this.started = true;
    this.wake();
  }

  async add(name: string, data: Record<string, unknown> = {}): Promise<string> {
    if (!this.handlers.has(name)) throw new Error(`no handler for jobs named "${name}"`);
    const job: Job = {
      id: String(this.nextId++),
      name,
      data,
      state: 'waiting',
      attempts: 0,
      createdAt: new Date(),
      runAt: 0,
    };
    this.jobs.push(job);
    const finished = this.jobs.findIndex((j) => j.state === 'completed' || j.state === 'failed');
    if (this.jobs.length > 200 && finished >= 0) this.jobs.splice(finished, 1);
    this.wake();
    return job.id;
  }

  async every(name: string, ms: number): Promise<void> {
    const timer = setInterval(() => void this.add(name).catch(() => {}), ms);
    // A schedule alone does not keep the process alive.
    timer.unref();
    this.timers.add(timer);
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 };
    for (const job of this.jobs) counts[job.state] += 1;
    return counts;
  }

  async recent(limit: number): Promise<JobInfo[]> {
    return this.jobs
      .slice(-limit)
      .reverse()
      .map(({ runAt: _runAt, ...info }) => ({ ...info }));
  }

  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.some((job) => ['waiting', 'active', 'delayed'].includes(job.state))) {
      if (Date.now() > deadline) throw new Error('jobs still pending');
      // Polled, not awaited on the running job: a job that hangs must not make idle() hang past its deadline.
      await sleep(10);
    }
  }

  async stop(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
  }

  async close(): Promise<void> {
    await this.stop();
  }

  /** Runs the waiting jobs, one after another, unless a run is already going on. */
  private wake(): void {
    if (!this.started || this.closed || this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.jobs.some((job) => job.state === 'waiting')) this.wake();
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const job = this.jobs.find((j) => j.state === 'waiting' || (j.state === 'delayed' && j.runAt <= Date.now()));
      if (!job) {
        const delayed = this.jobs.filter((j) => j.state === 'delayed');
        if (delayed.length === 0) return;
        await sleep(Math.max(0, Math.min(...delayed.map((j) => j.runAt)) - Date.now()));
        continue;
      }
      job.state = 'active';
      job.attempts += 1;
      try {
        await this.handlers.get(job.name)!(job.data);
        job.state = 'completed';
        job.finishedAt = new Date();
      } catch (error) {
        job.failedReason = error instanceof Error ? error.message : String(error);
        if (job.attempts < jobAttempts) {
          job.state = 'delayed';
          job.runAt = Date.now() + jobBackoffMs * 2 ** (job.attempts - 1);
        } else {
          job.state = 'failed';
          job.finishedAt = new Date();
          this.onError(job, error);
        }
      }
    }
  }
}
