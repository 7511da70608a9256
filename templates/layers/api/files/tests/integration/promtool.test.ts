import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

/**
 * Prometheus' own linter on what GET /metrics serves, as a scrape would see it: names, suffixes, help and types.
 * promtool is part of Prometheus; without it this test fails (it does not skip), saying how to install it.
 */
describe('GET /metrics passes promtool check metrics', () => {
  const t = useTestApp();

  it('has no lint problems', async () => {
    // A request first, so that the request histogram has series to lint too.
    await t.app.inject({ url: '/health' });
    const exposition = (await t.app.inject({ url: '/metrics' })).body;
    const check = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    if (check.error) {
      throw new Error(
        `promtool could not be run (${check.error.message}). It comes with Prometheus: ` +
          '`sudo apt-get install prometheus` on Debian or Ubuntu, or download it from https://prometheus.io/download/.',
      );
    }
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
  });
});
