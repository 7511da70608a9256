import { Registry } from 'prom-client';
import type { DepsPart } from '../services/deps.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** The app's Prometheus registry (GET /metrics): services add their own counters and gauges to it. */
    metrics: Registry;
  }
}

/**
 * One registry per app, not prom-client's global one, so that tests can build many apps side by side; the metrics
 * plugin (src/plugins/metrics.ts) serves it.
 */
export const serviceDeps: DepsPart = () => ({ metrics: new Registry() });
