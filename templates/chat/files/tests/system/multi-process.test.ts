import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../../src/services/presence.js';
import type { ClientMessage } from '../../src/sockets/messages.js';
import { relaxedLimits } from '../helpers/chat.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';
import { type AppProcess, signUpOver, startAppProcess } from '../helpers/processes.js';
import { redisUrl, testPrefix, testRedis } from '../helpers/redis.js';
import { type ClientSocket, useSockets, waitFor, waitUntil } from '../helpers/sockets.js';

// Two processes of the app share rooms and presence through Redis (the streams adapter) and one PostgreSQL: it
// needs both, so it runs with REDIS_URL and DATABASE_URL set (as in CI's and verify's second test run).
const databaseUrl = process.env.DATABASE_URL;

describe.runIf(redisUrl && databaseUrl)('two server processes on one Redis', () => {
  const sockets = useSockets();
  const prefix = testPrefix();
  let one: AppProcess;
  let two: AppProcess;

  beforeAll(async () => {
    const env = {
      ...relaxedLimits,
      SESSION_SECRET: randomUUID().repeat(2),
      REDIS_URL: redisUrl ?? '',
      REDIS_PREFIX: prefix,
    };
    // One after the other: each applies the (already applied) migrations as it starts.
    one = await startAppProcess(env);
    two = await startAppProcess(env);
  }, 60_000);

  afterAll(async () => {
    const codes = await Promise.all([one?.stop(), two?.stop()]);
    expect(codes).toEqual([0, 0]);
    await resetDatabase(await sharedTestDatabase());
    const redis = await testRedis();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const join = async (url: string, cookie: string) => {
    const socket = await sockets.connect(url, { cookie });
    const joined = (await socket.emitWithAck('join', { room: 'general' })) as { ok: boolean };
    expect(joined.ok).toBe(true);
    return socket;
  };

  it('a message sent on one arrives on the other, presence counts both, and a delete reaches both', async () => {
    // Signed up on process one; the session is in the shared database, so process two knows the cookie too.
    const ada = await signUpOver(one.url, 'Ada', `ada.${randomUUID()}@example.com`);
    const bob = await signUpOver(one.url, 'Bob', `bob.${randomUUID()}@example.com`);
    const adaOnOne: ClientSocket = await join(one.url, ada);
    const counted = waitUntil<Presence>(adaOnOne, 'user count', (presence) => presence.count === 2, 10_000);
    const bobOnTwo: ClientSocket = await join(two.url, bob);
    expect((await counted).users.map((user) => user.nickname)).toEqual(['Ada', 'Bob']);

    const arriving = waitFor<ClientMessage>(bobOnTwo, 'new message');
    const sent = (await adaOnOne.emitWithAck('new message', { room: 'general', body: 'across processes' })) as {
      ok: boolean;
      message: ClientMessage;
    };
    expect(sent.ok).toBe(true);
    expect(await arriving).toEqual(sent.message);

    const deleted = waitFor<{ id: number }>(bobOnTwo, 'message deleted');
    expect(await adaOnOne.emitWithAck('delete message', { id: sent.message.id })).toMatchObject({ ok: true });
    expect(await deleted).toEqual({ id: sent.message.id });

    // Bob closes his tab on process two: process one's client sees him go.
    const alone = waitUntil<Presence>(adaOnOne, 'user count', (presence) => presence.count === 1, 10_000);
    bobOnTwo.disconnect();
    expect((await alone).users.map((user) => user.nickname)).toEqual(['Ada']);
  }, 60_000);

  it('signing out on one process disconnects the sockets of that session on the other', async () => {
    const cy = await signUpOver(one.url, 'Cy', `cy.${randomUUID()}@example.com`);
    const onTwo = await join(two.url, cy);
    const closed = waitFor<string>(onTwo, 'disconnect', 10_000);
    const page = await fetch(`${one.url}/rooms/general`, { headers: { accept: 'text/html', cookie: cy } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    // The form's token goes with the CSRF secret's own cookie, which the page set (as a browser sends both).
    const secret = page.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .filter((pair) => pair?.startsWith('csrf='));
    const out = await fetch(`${one.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: [cy, ...secret].join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(out.status).toBe(303);
    expect(await closed).toBe('io server disconnect');
  }, 30_000);
});
