import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { loggedIn, makeUser, manyPosts, photoServices, uploadPhoto } from '../helpers/photo.js';
import { startServer } from '../helpers/server.js';
import { resetDatabase } from '../helpers/database.js';

describe('following, collecting, comments and notifications', () => {
  const t = useTestApp(manyPosts);

  it('follows and collects without a page reload (htmx answers with the new button) and with a plain form', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada, 'Sunset');
    const bob = await loggedIn(t.app, 'bob');
    await bob.get(`/photos/${photo.id}`);
    const ajax = await t.app.inject({
      method: 'POST',
      url: '/users/ada/follow',
      headers: {
        'hx-request': 'true',
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        ...bob.cookieHeader(),
      },
      payload: new URLSearchParams({ _csrf: bob.csrfToken(), state: 'on' }).toString(),
    });
    expect(ajax.statusCode).toBe(200);
    expect(ajax.body).toContain('Following');
    expect(ajax.body).not.toContain('<html');
    expect(
      (await bob.submit(`/photos/${photo.id}/collect`, { state: 'on', next: `/photos/${photo.id}` })).headers.location,
    ).toBe(`/photos/${photo.id}`);
    const page = await bob.get(`/photos/${photo.id}`);
    expect(page.body).toContain('1 collector');
    expect((await bob.get(`/photos/${photo.id}/collectors`)).body).toContain('/users/bob');
    expect((await bob.get('/users/ada/followers')).body).toContain('/users/bob');
    expect((await bob.get('/users/bob/following')).body).toContain('/users/ada');
    // Bob's feed has Ada's photo.
    expect((await bob.get('/')).body).toContain(`/photos/${photo.id}`);
    // Ada was told twice.
    expect(await services.notifications.unreadCount(ada.id)).toBe(2);
    expect((await bob.submit('/users/ada/follow', { state: 'off' })).statusCode).toBe(303);
    expect((await bob.get('/users/ada/followers')).body).toContain('No followers yet.');
  });

  it('threads replies under the comment they answer and tells the photo’s author', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const first = await services.comments.add(bob, photo.id, 'Lovely light');
    await services.comments.add(ada, photo.id, 'Thank you!', first.id);
    const threads = await services.comments.threads(photo.id);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.replies.map((reply) => reply.body)).toEqual(['Thank you!']);
    const other = await uploadPhoto(services, ada);
    await expect(services.comments.add(bob, other.id, 'wrong thread', first.id)).rejects.toThrow('not on this photo');
    const client = await loggedIn(t.app, 'bob');
    const empty = await client.submit(`/photos/${photo.id}/comments`, { body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write something first.');
    expect(await services.notifications.unreadCount(ada.id)).toBe(1);
  });

  it('respects the notification switches, lists and marks notifications read', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const client = await loggedIn(t.app, 'ada');
    await client.get('/settings');
    expect((await client.submit('/settings/notifications', { notifyOnFollow: 'on' })).statusCode).toBe(303);
    await services.social.collect(bob, photo.id);
    await services.comments.add(bob, photo.id, 'Nice');
    expect(await services.notifications.unreadCount(ada.id)).toBe(0);
    await services.social.follow(bob, 'ada');
    const list = await client.get('/notifications');
    expect(list.body).toContain('started following you');
    const id = /\/notifications\/(\d+)\/read/.exec(list.body)![1]!;
    expect((await client.submit(`/notifications/${id}/read`, {})).statusCode).toBe(303);
    expect(
      (await t.app.inject({ url: '/notifications/unread-count', headers: { ...client.cookieHeader() } })).json(),
    ).toEqual({ count: 0 });
    expect((await client.get('/notifications?filter=unread')).body).toContain('No notifications.');
  });

  it('pushes the unread count over server-sent events as it changes', async () => {
    const server = await startServer();
    try {
      const services = await photoServices(server.database);
      const ada = await makeUser(services, 'ada');
      const bob = await makeUser(services, 'bob');
      const login = await loggedIn(server.app, 'ada');
      const controller = new AbortController();
      const response = await fetch(`${server.url}/notifications/events`, {
        headers: { ...login.cookieHeader(), accept: 'text/event-stream' },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const until = async (fragment: string) => {
        while (!text.includes(fragment)) text += (await reader.read()).value ?? '';
      };
      await until('data: {"count":0}');
      // The app's own hub is the one the server's services publish to: follow through HTTP.
      const bobClient = await loggedIn(server.app, 'bob');
      await bobClient.submit('/users/ada/follow', { state: 'on' });
      await until('data: {"count":1}');
      controller.abort();
      void ada;
      void bob;
    } finally {
      await resetDatabase(server.database);
      await server.close();
    }
  });

  it('answers the event stream with 401 to a visitor', async () => {
    expect(
      (await t.app.inject({ url: '/notifications/events', headers: { accept: 'text/event-stream' } })).statusCode,
    ).toBe(401);
  });
});
