import { randomUUID } from 'node:crypto';
import { signerFactory } from '@fastify/cookie';
import type { Session } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/core/errors.js';
import { sameOrigin } from '../../src/plugins/realtime.js';
import { SessionRepository } from '../../src/repositories/session-repository.js';
import { resetDatabase } from '../helpers/database.js';
import { type RunningServer, startServer } from '../helpers/server.js';
import { type ClientSocket, useSockets, waitFor } from '../helpers/sockets.js';

// The realtime layer on its own: a namespace of this test's, on the app's real server.
const secret = randomUUID().repeat(2);
const sockets = useSockets();
let server: RunningServer;
let url: string;

beforeAll(async () => {
  server = await startServer({ SESSION_SECRET: secret, SOCKET_RATE_LIMIT: '8' });
  url = `${server.url}/layer-test`;
  const { app } = server;
  app.io.of('/layer-test').on('connection', (socket) => {
    app.socketEvents.on(socket, 'echo', z.object({ text: z.string().max(10) }), ({ text }) => ({
      text,
      userId: socket.data.userId ?? null,
    }));
    app.socketEvents.on(socket, 'refuse', z.unknown(), () => {
      throw new AppError('forbidden', 'Not yours.');
    });
    app.socketEvents.on(socket, 'crash', z.unknown(), () => {
      throw new Error('a detail for the log only');
    });
  });
});
afterEach(async () => resetDatabase(server.database));
afterAll(async () => server?.close());

/** A session in the store and the cookie a browser would have for it. */
async function sessionCookie(data: Record<string, unknown>, expires = new Date(Date.now() + 60_000)) {
  const sid = randomUUID();
  const session = { cookie: { expires: expires.toISOString() }, ...data } as unknown as Session;
  await new Promise<void>((resolve, reject) =>
    new SessionRepository(server.database.db).set(sid, session, (error) =>
      error ? reject(new Error('the session was not saved', { cause: error })) : resolve(),
    ),
  );
  return `sid=${encodeURIComponent(signerFactory(secret, 'sha256').sign(sid))}`;
}

const echo = (socket: ClientSocket, payload: unknown) => socket.emitWithAck('echo', payload) as Promise<unknown>;

describe('the handshake', () => {
  it('knows the signed-in user of the session cookie, and nobody without one', async () => {
    const signedIn = await sockets.connect(url, { cookie: await sessionCookie({ userId: 7 }) });
    const anonymous = await sockets.connect(url);
    expect(await echo(signedIn, { text: 'hi' })).toEqual({ ok: true, text: 'hi', userId: 7 });
    expect(await echo(anonymous, { text: 'hi' })).toEqual({ ok: true, text: 'hi', userId: null });
  });

  it('takes a forged, an expired or a session-less cookie for nobody', async () => {
    const forged = `sid=${encodeURIComponent(signerFactory('another secret, 32 characters long', 'sha256').sign('x'))}`;
    for (const cookie of [
      forged,
      await sessionCookie({ userId: 7 }, new Date(Date.now() - 1000)),
      await sessionCookie({}),
    ]) {
      const socket = await sockets.connect(url, { cookie });
      expect(await echo(socket, { text: 'hi' })).toMatchObject({ userId: null });
    }
  });

  it('refuses a page of another site (cross-site WebSocket hijacking), and lets this site in', async () => {
    const host = new URL(server.url).host;
    await expect(sockets.connect(url, { extraHeaders: { origin: 'http://evil.example' } })).rejects.toThrow();
    await expect(sockets.connect(url, { extraHeaders: { origin: `http://${host}` } })).resolves.toBeDefined();
    expect(sameOrigin(undefined, host)).toBe(true);
    expect(sameOrigin('not a url', host)).toBe(false);
  });
});

describe('acknowledged events', () => {
  it('answers a payload of the wrong shape with validation_failed, and the socket goes on working', async () => {
    const socket = await sockets.connect(url);
    for (const payload of [undefined, 'text', 42, { text: 42 }, { text: 'far too long for ten' }]) {
      expect(await echo(socket, payload)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(await echo(socket, { text: 'still here' })).toMatchObject({ ok: true });
  });

  it("passes a service's refusal on, and hides what crashed", async () => {
    const socket = await sockets.connect(url);
    expect(await socket.emitWithAck('refuse', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Not yours.' },
    });
    const crashed = (await socket.emitWithAck('crash', {})) as { error: { message: string } };
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(crashed.error.message).not.toContain('detail');
  });

  it('tells a client that asked for no answer in a request failed event', async () => {
    const socket = await sockets.connect(url);
    const failed = waitFor(socket, 'request failed');
    socket.emit('refuse', {});
    expect(await failed).toEqual({ event: 'refuse', code: 'forbidden', message: 'Not yours.' });
  });

  it('limits how many events one socket sends (SOCKET_RATE_LIMIT per 10 s); other sockets are not held back', async () => {
    const flooder = await sockets.connect(url);
    const answers = await Promise.all(Array.from({ length: 10 }, () => echo(flooder, { text: 'flood' })));
    expect(answers.filter((answer) => (answer as { ok: boolean }).ok)).toHaveLength(8);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(flooder.connected).toBe(true);
    const other = await sockets.connect(url);
    expect(await echo(other, { text: 'calm' })).toMatchObject({ ok: true });
  });
});

it('closing the app disconnects its sockets and does not wait for them', async () => {
  const own = await startServer();
  own.app.io.of('/plain');
  const socket = await sockets.connect(`${own.url}/plain`);
  const disconnected = waitFor<string>(socket, 'disconnect');
  const started = Date.now();
  await own.close();
  expect(await disconnected).toBe('transport close');
  expect(Date.now() - started).toBeLessThan(3000);
});
