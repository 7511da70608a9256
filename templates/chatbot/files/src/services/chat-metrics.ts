import { Counter, Gauge, type Registry } from 'prom-client';
import type { JobQueue, JobState } from '../adapters/queue.js';

/** The chat bot's own Prometheus series, next to the HTTP latency histogram of the api layer (GET /metrics). */
export class ChatMetrics {
  readonly tokens: Counter<'provider' | 'kind'>;
  readonly providerErrors: Counter<'provider' | 'failure'>;
  readonly cacheRequests: Counter<'result'>;

  constructor(registry: Registry, queue: JobQueue) {
    this.tokens = new Counter({
      name: 'chat_tokens_total',
      help: 'Tokens sent to (prompt) and received from (completion) the model providers.',
      labelNames: ['provider', 'kind'],
      registers: [registry],
    });
    this.providerErrors = new Counter({
      name: 'provider_errors_total',
      help: 'Failed model provider calls, by provider and kind of failure (timeout, unavailable, busy, ...).',
      labelNames: ['provider', 'failure'],
      registers: [registry],
    });
    this.cacheRequests = new Counter({
      name: 'response_cache_requests_total',
      help: 'Look-ups in the cache of deterministic answers, by result (hit or miss).',
      labelNames: ['result'],
      registers: [registry],
    });
    new Gauge({
      name: 'job_queue_depth',
      help: 'Background jobs by state, read from the queue when Prometheus scrapes.',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const counts = await queue.counts();
        for (const [state, count] of Object.entries(counts) as [JobState, number][]) this.set({ state }, count);
      },
    });
  }
}
