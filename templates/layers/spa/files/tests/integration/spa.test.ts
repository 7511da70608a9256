import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import errorHandler from '../../src/plugins/error-handler.js';
import spa from '../../src/plugins/spa.js';

// The serving rules of src/plugins/spa.ts, on a build made here (the real build is driven by tests/e2e).
const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(errorHandler);
  app.get('/api/v1/ping', async () => ({ pong: true }));
  await app.register(spa, { root });
  return app;
}

describe('the built SPA, served by the API process', () => {
  const root = mkdtempSync(join(tmpdir(), 'spa-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>SPA</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
    app = await appServing(root);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at /, never cached, so a new release is picked up at once', async () => {
    const page = await app.inject({ url: '/', headers: browser });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');
  });

  it('serves hashed assets with a year-long cache (their name changes with their content)', async () => {
    const script = await app.inject({ url: '/assets/index-abc123.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a client-side route (a reload on it) with index.html', async () => {
    const page = await app.inject({ url: '/lists/42?view=compact', headers: browser });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('never answers the API with the page: an unknown /api path is a JSON 404, the API itself still works', async () => {
    const missing = await app.inject({ url: '/api/v1/nothing-here', headers: browser });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    expect((await app.inject({ url: '/docs/nothing', headers: browser })).statusCode).toBe(404);
  });

  it('a missing asset, a JSON client and a POST get a 404, not the page', async () => {
    expect((await app.inject({ url: '/assets/gone-123.js', headers: browser })).statusCode).toBe(404);
    const json = await app.inject({ url: '/somewhere', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await app.inject({ method: 'POST', url: '/somewhere', headers: browser })).statusCode).toBe(404);
  });

  it('without a build (development), / says where the SPA is served', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'spa-none-'));
    const bare = await appServing(empty);
    try {
      const page = await bare.inject({ url: '/', headers: browser });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('http://localhost:5173');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
