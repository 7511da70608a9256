import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.js';
import { signUp, useChatServer } from '../helpers/chat.js';
import { useSockets } from '../helpers/sockets.js';

const chat = useChatServer();
const sockets = useSockets();

describe('signing in and up when it makes no sense, or with input of the wrong shape', () => {
  it('sends someone signed in on from the sign-in and register pages, and only to this site', async () => {
    const ada = await signUp(chat, 'Ada');
    expect((await ada.web.get('/login?next=/rooms/coders')).headers.location).toBe('/rooms/coders');
    expect((await ada.web.get('/login?next=//evil.example/')).headers.location).toBe('/rooms/general');
    expect((await ada.web.get('/register')).headers.location).toBe('/rooms/general');
  });

  it('answers a sign-in or a registration whose fields are not strings with the form again, and makes nothing', async () => {
    const post = (url: string, payload: object) =>
      chat.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', accept: 'text/html' },
        payload,
      });
    const login = await post('/login', { email: { $gt: '' }, password: ['x'], next: 42 });
    expect(login.statusCode).toBe(401);
    expect(login.body).toContain('Wrong e-mail or password.');
    expect(login.body).toContain('name="next" value="/rooms/general"');
    const register = await post('/register', { email: ['a@example.com'], nickname: { length: 3 }, password: 12345678 });
    expect(register.statusCode).toBe(400);
    expect(register.body).toContain('aria-invalid="true"');
    expect(await chat.services.accounts.authenticate('a@example.com', '12345678')).toBeUndefined();
  });

  it('refuses the socket and the form post of a session whose account is gone, and stores nothing', async () => {
    const ada = await signUp(chat, 'Ada');
    const socket = await sockets.connect(chat.url, { cookie: ada.cookie });
    socket.disconnect();
    await ada.web.get('/rooms/general');
    await chat.server.database.db.delete(users).where(eq(users.id, ada.user.id));
    await expect(sockets.connect(chat.url, { cookie: ada.cookie })).rejects.toThrow('unauthorized');
    const posted = await ada.web.submit('/rooms/general/messages', { body: 'from beyond' });
    expect(posted.statusCode).toBe(401);
    expect(posted.body).toContain('Sign in first.');
    expect((await chat.services.messages.history('general')).messages).toEqual([]);
  });
});
