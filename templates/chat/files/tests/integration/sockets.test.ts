import { describe, expect, it } from 'vitest';
import type { Presence } from '../../src/services/presence.js';
import type { ClientMessage } from '../../src/sockets/messages.js';
import { type Person, signUp, useChatServer } from '../helpers/chat.js';
import { type ClientSocket, collect, useSockets, waitFor, waitUntil } from '../helpers/sockets.js';

const chat = useChatServer();
const sockets = useSockets();

interface Answer {
  ok: boolean;
  error?: { code: string; message: string };
  message?: ClientMessage;
  messages?: ClientMessage[];
  [key: string]: unknown;
}

const ask = (socket: ClientSocket, event: string, payload?: unknown) =>
  socket.emitWithAck(event, payload) as Promise<Answer>;

/** A signed-in socket that has joined a room. */
async function inRoom(person: Person, room = 'general'): Promise<ClientSocket> {
  const socket = await sockets.connect(chat.url, { cookie: person.cookie });
  const joined = await ask(socket, 'join', { room });
  expect(joined.ok).toBe(true);
  return socket;
}

describe('一条消息的旅程: a message travels client → server → every client in the room', () => {
  it('is stored, acknowledged to its sender, and sent to everyone in the room', async () => {
    const [ada, bob] = await Promise.all([signUp(chat, 'Ada'), signUp(chat, 'Bob')]);
    const adaSocket = await inRoom(ada);
    const bobSocket = await inRoom(bob);
    const arriving = waitFor<ClientMessage>(bobSocket, 'new message');

    const answer = await ask(adaSocket, 'new message', { room: 'general', body: 'Hello, **Bob**' });
    expect(answer).toMatchObject({
      ok: true,
      message: { room: 'general', html: '<p>Hello, <strong>Bob</strong></p>' },
    });
    const received = await arriving;
    expect(received).toEqual(answer.message);
    expect(received.author).toEqual({ id: ada.user.id, nickname: 'Ada', avatarHash: ada.user.avatarHash });
    expect(received.itemHtml).toContain('Message from Ada');

    // Stored: a page loaded afterwards shows it.
    const page = await bob.web.get('/rooms/general');
    expect(page.body).toContain('Hello, <strong>Bob</strong>');
  });

  it('joining a room answers with its newest messages', async () => {
    const ada = await signUp(chat, 'Ada');
    for (const body of ['one', 'two', 'three']) await chat.services.messages.post(ada.user, 'general', body);
    const socket = await sockets.connect(chat.url, { cookie: ada.cookie });
    const joined = await ask(socket, 'join', { room: 'general' });
    expect(joined.messages?.map((message) => message.html)).toEqual(['<p>three</p>', '<p>two</p>', '<p>one</p>']);
    expect(joined.before).toBeNull();
  });

  it('a form post (no JavaScript) reaches the sockets in the room too', async () => {
    const ada = await signUp(chat, 'Ada');
    const socket = await inRoom(ada);
    const arriving = waitFor<ClientMessage>(socket, 'new message');
    await ada.web.get('/rooms/general');
    const response = await ada.web.submit('/rooms/general/messages', { body: 'by form' });
    expect(response.statusCode).toBe(303);
    expect((await arriving).html).toBe('<p>by form</p>');
  });
});

describe('rooms and namespaces', () => {
  it('a message stays in its room', async () => {
    const [ada, bob] = await Promise.all([signUp(chat, 'Ada'), signUp(chat, 'Bob')]);
    const adaSocket = await inRoom(ada, 'general');
    const bobSocket = await inRoom(bob, 'coders');
    const bobGot = collect<ClientMessage>(bobSocket, 'new message');
    const adaGot = waitFor<ClientMessage>(adaSocket, 'new message');
    await ask(adaSocket, 'new message', { room: 'general', body: 'for general' });
    await adaGot;
    // Bob's room hears its own next message, and never the other room's.
    const bobOwn = waitFor<ClientMessage>(bobSocket, 'new message');
    await ask(bobSocket, 'new message', { room: 'coders', body: 'for coders' });
    await bobOwn;
    expect(bobGot.map((message) => message.html)).toEqual(['<p>for coders</p>']);
  });

  it('joining another room leaves the first one', async () => {
    const ada = await signUp(chat, 'Ada');
    const socket = await inRoom(ada, 'general');
    await ask(socket, 'join', { room: 'coders' });
    expect(await ask(socket, 'new message', { room: 'general', body: 'still here?' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Join the room first.' },
    });
  });

  it('the anonymous namespace needs no account and stores nothing', async () => {
    const ada = await signUp(chat, 'Ada');
    const watcher = await inRoom(ada);
    const watched = collect(watcher, 'new message');
    const [one, two] = await Promise.all([
      sockets.connect(`${chat.url}/anonymous`),
      sockets.connect(`${chat.url}/anonymous`),
    ]);
    const arriving = waitFor<ClientMessage>(two, 'new message');
    const answer = await ask(one, 'new message', { body: 'Who am I?' });
    expect(answer).toMatchObject({
      ok: true,
      message: { room: 'anonymous', author: { id: null, nickname: 'Anonymous' } },
    });
    expect((await arriving).html).toBe('<p>Who am I?</p>');
    expect((await chat.services.messages.history('general')).messages).toEqual([]);
    expect(watched).toEqual([]);
  });
});

describe('the handshake', () => {
  it('refuses a socket without a session in the signed-in namespace', async () => {
    await expect(sockets.connect(chat.url)).rejects.toThrow('unauthorized');
    await expect(sockets.connect(chat.url, { cookie: 'sid=forged.value' })).rejects.toThrow('unauthorized');
  });

  it('signing out disconnects the sockets of that session, and its cookie gets no new one', async () => {
    const ada = await signUp(chat, 'Ada');
    const socket = await inRoom(ada);
    const closed = waitFor<string>(socket, 'disconnect');
    await ada.web.get('/rooms/general');
    expect((await ada.web.submit('/logout', {})).statusCode).toBe(303);
    expect(await closed).toBe('io server disconnect');
    await expect(sockets.connect(chat.url, { cookie: ada.cookie })).rejects.toThrow('unauthorized');
  });
});

describe('presence (user count)', () => {
  const counted = (socket: ClientSocket, count: number) =>
    waitUntil<Presence>(socket, 'user count', (presence) => presence.count === count);

  it('counts people, not tabs; a closed tab leaves, and the anonymous room is nobody', async () => {
    const [ada, bob] = await Promise.all([signUp(chat, 'Ada'), signUp(chat, 'Bob')]);
    const watcher = await inRoom(ada);
    const adaAgain = await inRoom(ada);
    await sockets.connect(`${chat.url}/anonymous`);
    const withBob = counted(watcher, 2);
    const bobSocket = await inRoom(bob);
    expect((await withBob).users.map((user) => user.nickname)).toEqual(['Ada', 'Bob']);

    const withoutBob = counted(watcher, 1);
    bobSocket.disconnect();
    expect((await withoutBob).users).toEqual([{ id: ada.user.id, nickname: 'Ada', avatarHash: ada.user.avatarHash }]);

    // One of Ada's two tabs closes: she is still online.
    adaAgain.disconnect();
    const still = await waitFor<Presence>(watcher, 'user count');
    expect(still.count).toBe(1);
  });
});

describe('deleting messages', () => {
  it('the author deletes their message, and it goes from every client', async () => {
    const [ada, bob] = await Promise.all([signUp(chat, 'Ada'), signUp(chat, 'Bob')]);
    const adaSocket = await inRoom(ada);
    const bobSocket = await inRoom(bob);
    const { message } = await ask(adaSocket, 'new message', { room: 'general', body: 'oops' });
    const gone = waitFor<{ id: number }>(bobSocket, 'message deleted');
    expect(await ask(adaSocket, 'delete message', { id: message?.id })).toEqual({ ok: true, id: message?.id });
    expect(await gone).toEqual({ id: message?.id });
    expect((await chat.services.messages.history('general')).messages).toEqual([]);
  });

  it("nobody deletes another's message, but an admin deletes any", async () => {
    const [ada, bob, root] = await Promise.all([
      signUp(chat, 'Ada'),
      signUp(chat, 'Bob'),
      signUp(chat, 'Root', { admin: true }),
    ]);
    const message = await chat.services.messages.post(ada.user, 'general', 'mine');
    const bobSocket = await inRoom(bob);
    expect(await ask(bobSocket, 'delete message', { id: message.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const rootSocket = await inRoom(root);
    expect(await ask(rootSocket, 'delete message', { id: message.id })).toMatchObject({ ok: true });
    expect(await ask(rootSocket, 'delete message', { id: message.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('bad input is refused with a reason, nothing is stored, and the socket stays usable', () => {
  it.each([
    ['no payload', undefined],
    ['a string', 'hello'],
    ['an array', ['general', 'hello']],
    ['no body', { room: 'general' }],
    ['a number as body', { room: 'general', body: 42 }],
    ['an empty body', { room: 'general', body: '   ' }],
    ['an oversized body', { room: 'general', body: 'x'.repeat(2001) }],
    ['a room name that is too long', { room: 'g'.repeat(31), body: 'hi' }],
  ])('new message with %s', async (_case, payload) => {
    const ada = await signUp(chat, 'Ada');
    const socket = await inRoom(ada);
    expect(await ask(socket, 'new message', payload)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect((await chat.services.messages.history('general')).messages).toEqual([]);
    expect(await ask(socket, 'new message', { room: 'general', body: 'fine' })).toMatchObject({ ok: true });
  });

  it('a message to a room the socket has not joined, or that does not exist', async () => {
    const ada = await signUp(chat, 'Ada');
    const socket = await inRoom(ada, 'general');
    expect(await ask(socket, 'new message', { room: 'coders', body: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(socket, 'join', { room: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await chat.services.messages.history('coders')).messages).toEqual([]);
  });

  it.each([0, -1, 1.5, '12', 2 ** 31, 2 ** 53, 1e3 * 1e9, null])('delete message with id %s', async (id) => {
    const ada = await signUp(chat, 'Ada');
    const socket = await inRoom(ada);
    expect(await ask(socket, 'delete message', { id })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
  });

  it('an unknown message id is not found', async () => {
    const socket = await inRoom(await signUp(chat, 'Ada'));
    expect(await ask(socket, 'delete message', { id: 2_147_483_647 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('a frame bigger than the transport allows closes that connection only', async () => {
    const ada = await signUp(chat, 'Ada');
    const [big, other] = [await inRoom(ada), await inRoom(ada)];
    const closed = waitFor<string>(big, 'disconnect');
    big.emit('new message', { room: 'general', body: 'x'.repeat(100 * 1024) });
    expect(await closed).toBe('transport close');
    expect(await ask(other, 'new message', { room: 'general', body: 'still fine' })).toMatchObject({ ok: true });
  });
});

describe('a flood of messages', () => {
  const limited = useChatServer({ SOCKET_RATE_LIMIT: '5' });

  it('is cut at SOCKET_RATE_LIMIT events per 10 s for that socket, which stays connected', async () => {
    const ada = await signUp(limited, 'Ada');
    const socket = await sockets.connect(limited.url, { cookie: ada.cookie });
    await ask(socket, 'join', { room: 'general' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ask(socket, 'new message', { room: 'general', body: `flood ${i}` })),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(4);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await limited.services.messages.history('general')).messages).toHaveLength(4);
    expect(socket.connected).toBe(true);
  });
});

describe('reconnecting', () => {
  it('a short drop is recovered: same rooms, and the events missed meanwhile are delivered', async () => {
    const [ada, bob] = await Promise.all([signUp(chat, 'Ada'), signUp(chat, 'Bob')]);
    const adaSocket = await sockets.connect(chat.url, {
      cookie: ada.cookie,
      reconnection: true,
      reconnectionDelay: 100,
    });
    await ask(adaSocket, 'join', { room: 'general' });
    const bobSocket = await inRoom(bob);
    // Recovery needs the server to have sent something with an offset first.
    const first = waitFor(adaSocket, 'new message');
    await ask(bobSocket, 'new message', { room: 'general', body: 'before the drop' });
    await first;

    const dropped = waitFor(adaSocket, 'disconnect');
    adaSocket.io.engine.close();
    await dropped;
    await ask(bobSocket, 'new message', { room: 'general', body: 'while Ada was away' });
    const missed = waitFor<ClientMessage>(adaSocket, 'new message');
    await waitFor(adaSocket, 'connect');
    expect(adaSocket.recovered).toBe(true);
    expect((await missed).html).toBe('<p>while Ada was away</p>');
  });

  it('after a long absence a client catches up on what was written since its last message', async () => {
    const ada = await signUp(chat, 'Ada');
    const last = await chat.services.messages.post(ada.user, 'general', 'seen');
    await chat.services.messages.post(ada.user, 'general', 'missed one');
    await chat.services.messages.post(ada.user, 'general', 'missed two');
    const socket = await inRoom(ada);
    const caughtUp = await ask(socket, 'catch up', { room: 'general', after: last.id });
    expect(caughtUp.messages?.map((message) => message.html)).toEqual(['<p>missed one</p>', '<p>missed two</p>']);
    expect(caughtUp.complete).toBe(true);
    expect(await ask(socket, 'catch up', { room: 'coders', after: last.id })).toMatchObject({ ok: false });
  });
});
