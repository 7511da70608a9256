import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openTestDatabase } from '../helpers/database.js';
import { testConfig, useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('health', () => {
  it('GET /health says the process is up', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready says the database answers', async () => {
    const response = await t.app.inject({ url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('when the database is gone: /ready is 503, /health still 200 (the process itself is fine)', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig(), database });
    await database.close();
    const response = await app.inject({ url: '/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'database unavailable' });
    // As Docker's HEALTHCHECK asks it (any content type): nothing on the way to /health may need the database.
    const health = await app.inject({ url: '/health', headers: { accept: '*/*' } });
    expect(health.statusCode).toBe(200);
    await app.close().catch(() => {});
  });
});
