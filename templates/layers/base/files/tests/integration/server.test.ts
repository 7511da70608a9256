import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { sharedTestDatabase } from '../helpers/database.js';

const t = useTestApp();

describe('the server protects itself', () => {
  it('unknown addresses: 404 for a person, 429 with Retry-After for one who keeps trying (a scanner)', async () => {
    const ask = (path: string) =>
      t.app.inject({ url: path, headers: { accept: 'application/json' }, remoteAddress: '203.0.113.7' });
    for (let i = 1; i <= 60; i++) expect((await ask(`/wp-admin/${i}.php`)).statusCode).toBe(404);
    const refused = await ask('/.env');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected, and pages that exist are never counted.
    const other = await t.app.inject({ url: '/nope', remoteAddress: '203.0.113.8' });
    expect(other.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/health', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
  });

  it('a client that sends its request too slowly is cut off (REQUEST_TIMEOUT_MS)', async () => {
    const database = { ...(await sharedTestDatabase()), close: async () => {} };
    const app = await buildApp({ config: testConfig({ REQUEST_TIMEOUT_MS: '300' }), database });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /health HTTP/1.1\r\nHost: x\r\n'));
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      // Node checks the deadline every 2 s here (src/app.ts).
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(app.server.keepAliveTimeout).toBe(72_000);
      expect(app.server.timeout).toBe(120_000);
    } finally {
      await app.close();
    }
  });

  it('close() lets a request in flight finish, then closes its keep-alive connection at once', async () => {
    const database = { ...(await sharedTestDatabase()), close: async () => {} };
    const app = await buildApp({ config: testConfig(), database });
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    app.get('/test-slow', async () => {
      arrived();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const agent = new Agent({ keepAlive: true });
    try {
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/test-slow', agent }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        }).on('error', reject);
      });
      await inFlight;
      const started = Date.now();
      await app.close();
      // Without closing it, the connection would hold close() for keepAliveTimeout (72 s).
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await answer).toEqual({ status: 200, body: '{"ok":true}' });
    } finally {
      agent.destroy();
    }
  });
});
