import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullQueue } from '../../src/adapters/bull-queue.js';
import { InProcessQueue, type JobInfo, type JobQueue } from '../../src/adapters/queue.js';
import type { Redis } from '../../src/adapters/redis.js';
import { redisUrl, testPrefix, testRedis } from '../helpers/redis.js';

/** The same behaviour is asked of both implementations of JobQueue. */
function behavesAsAJobQueue(makeQueue: (onFailed: (job: JobInfo) => void) => JobQueue) {
  it('runs each job with its handler and keeps its status', async () => {
    const queue = makeQueue(() => {});
    const done: string[] = [];
    queue.handle('greet', async ({ name }) => done.push(`hello ${String(name)}`));
    queue.start();
    const id = await queue.add('greet', { name: 'Ada' });
    await queue.add('greet', { name: 'Grace' });
    await queue.idle();
    expect(done.sort()).toEqual(['hello Ada', 'hello Grace']);
    expect(await queue.counts()).toMatchObject({ waiting: 0, active: 0, completed: 2, failed: 0 });
    const recent = await queue.recent(10);
    expect(recent.find((job) => job.id === id)).toMatchObject({
      name: 'greet',
      state: 'completed',
      data: { name: 'Ada' },
    });
    await queue.close();
  });

  it('retries a failing job with backoff, then marks it failed and reports it', async () => {
    const failed: JobInfo[] = [];
    const queue = makeQueue((job) => failed.push(job));
    let tries = 0;
    queue.handle('flaky', async () => {
      tries += 1;
      throw new Error(`try ${tries} failed`);
    });
    queue.start();
    await queue.add('flaky');
    await queue.idle(15_000);
    expect(tries).toBe(3);
    expect(await queue.counts()).toMatchObject({ failed: 1, completed: 0 });
    expect((await queue.recent(1))[0]).toMatchObject({ state: 'failed', attempts: 3, failedReason: 'try 3 failed' });
    await expect.poll(() => failed.length).toBe(1);
    await queue.close();
  });

  it('runs a job on a schedule', async () => {
    const queue = makeQueue(() => {});
    let runs = 0;
    queue.handle('tick', async () => (runs += 1));
    queue.start();
    await queue.every('tick', 100);
    await expect.poll(() => runs, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await queue.close();
  });
}

describe('the in-process queue', () => {
  behavesAsAJobQueue((onFailed) => new InProcessQueue(onFailed));

  it('refuses a job nobody handles, at once', async () => {
    const queue = new InProcessQueue();
    await expect(queue.add('nobody-handles-this')).rejects.toThrow('no handler for jobs named "nobody-handles-this"');
    await queue.close();
  });

  it('keeps the failure of a job that throws something other than an Error', async () => {
    const queue = new InProcessQueue();
    queue.handle('odd', async () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless handler might throw
      throw 'a plain string';
    });
    queue.start();
    await queue.add('odd');
    await queue.idle(15_000);
    expect((await queue.recent(1))[0]).toMatchObject({ state: 'failed', failedReason: 'a plain string' });
    await queue.close();
  });

  it('remembers at most 200 jobs: the oldest finished ones are forgotten first', async () => {
    const queue = new InProcessQueue();
    queue.handle('noop', async () => {});
    queue.start();
    const first = await queue.add('noop');
    await queue.idle();
    for (let i = 0; i < 200; i++) await queue.add('noop');
    await queue.idle();
    const recent = await queue.recent(1000);
    expect(recent).toHaveLength(200);
    expect(recent.map((job) => job.id)).not.toContain(first);
    await queue.close();
  });

  it('idle() gives up with an error when jobs stay pending, started or not', async () => {
    const notStarted = new InProcessQueue();
    notStarted.handle('noop', async () => {});
    await notStarted.add('noop');
    await expect(notStarted.idle(50)).rejects.toThrow('jobs still pending');
    await notStarted.close();

    const queue = new InProcessQueue();
    let release = () => {};
    queue.handle('slow', () => new Promise<void>((resolve) => (release = resolve)));
    queue.start();
    await queue.add('slow');
    await expect(queue.idle(50)).rejects.toThrow('jobs still pending');
    release();
    await queue.idle();
    await queue.close();
  });

  it('stop() lets the running job finish and starts no other', async () => {
    const queue = new InProcessQueue();
    const ran: string[] = [];
    let release = () => {};
    queue.handle('step', ({ name }) => {
      ran.push(String(name));
      return new Promise<void>((resolve) => (release = resolve));
    });
    queue.start();
    await queue.add('step', { name: 'first' });
    await queue.add('step', { name: 'second' });
    await expect.poll(() => ran).toEqual(['first']);
    const stopped = queue.stop();
    release();
    await stopped;
    expect(ran).toEqual(['first']);
    expect(await queue.counts()).toMatchObject({ completed: 1, waiting: 1 });
  });
});

// On BullMQ when REDIS_URL is set (CI's PostgreSQL + Redis run); a Redis that does not answer fails here.
describe.runIf(redisUrl)('the BullMQ queue (REDIS_URL)', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await testRedis();
  });
  afterAll(() => redis?.quit());
  behavesAsAJobQueue((onFailed) => new BullQueue(redis, testPrefix(), onFailed, true));
});
