import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { imageBytes } from '../helpers/images.js';
import { loggedIn, makeUser, manyPosts, photoServices, postFiles, system, uploadPhoto } from '../helpers/photo.js';
import { WebClient } from '../helpers/web-client.js';

describe('who may do what, over HTTP', () => {
  const t = useTestApp(manyPosts);

  it('a locked user cannot upload or comment, but can follow and collect', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const photo = await uploadPhoto(services, ada);
    await makeUser(services, 'lock', { role: 'locked' });
    const client = await loggedIn(t.app, 'lock');
    expect((await client.get('/upload')).statusCode).toBe(403);
    const upload = await postFiles(t.app, client, '/upload', {}, [{ data: await imageBytes('jpeg') }]);
    expect(upload.statusCode).toBe(403);
    expect(upload.body).toContain('locked');
    await client.get(`/photos/${photo.id}`);
    expect((await client.submit(`/photos/${photo.id}/comments`, { body: 'hi' })).statusCode).toBe(403);
    expect((await client.submit(`/photos/${photo.id}/collect`, { state: 'on' })).statusCode).toBe(303);
    expect((await client.submit('/users/ada/follow', { state: 'on' })).statusCode).toBe(303);
  });

  it('a moderator deletes another user’s comment; a user cannot', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    await makeUser(services, 'mod', { role: 'moderator' });
    const photo = await uploadPhoto(services, ada);
    const comment = await services.comments.add(ada, photo.id, 'my own words');
    const other = await loggedIn(t.app, 'bob');
    expect((await other.submit(`/comments/${comment.id}/delete`, {})).statusCode).toBe(403);
    const moderator = await loggedIn(t.app, 'mod');
    expect((await moderator.submit(`/comments/${comment.id}/delete`, {})).statusCode).toBe(303);
    expect(await services.comments.threads(photo.id)).toEqual([]);
    void bob;
  });

  it('only an administrator changes roles or blocks accounts', async () => {
    const services = await photoServices(t.database);
    const victim = await makeUser(services, 'vic');
    await makeUser(services, 'mod', { role: 'moderator' });
    await makeUser(services, 'root', { role: 'administrator' });
    const moderator = await loggedIn(t.app, 'mod');
    expect((await moderator.get('/admin/users')).statusCode).toBe(200);
    expect((await moderator.get(`/admin/users/${victim.id}`)).statusCode).toBe(403);
    expect((await moderator.submit(`/admin/users/${victim.id}/block`, {})).statusCode).toBe(403);
    expect((await moderator.submit(`/admin/users/${victim.id}`, { name: 'V', role: 'administrator' })).statusCode).toBe(
      403,
    );
    expect((await moderator.submit(`/admin/users/${victim.id}/lock`, {})).statusCode).toBe(303);
    const admin = await loggedIn(t.app, 'root');
    expect((await admin.submit(`/admin/users/${victim.id}`, { name: 'Vic', role: 'moderator' })).statusCode).toBe(303);
    expect((await admin.submit(`/admin/users/${victim.id}/block`, {})).statusCode).toBe(303);
    expect(await services.accounts.byId(victim.id)).toMatchObject({ role: 'moderator', active: false });
    const user = await makeUser(services, 'plain');
    const plain = await loggedIn(t.app, 'plain');
    expect((await plain.get('/admin')).statusCode).toBe(403);
    void user;
  });

  it('another user’s photo cannot be edited, tagged or deleted', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'mallory');
    const photo = await uploadPhoto(services, ada, 'Mine');
    const client = await loggedIn(t.app, 'mallory');
    await client.get(`/photos/${photo.id}`);
    for (const [url, fields] of [
      [`/photos/${photo.id}/description`, { description: 'Hacked' }],
      [`/photos/${photo.id}/tags`, { tags: 'spam' }],
      [`/photos/${photo.id}/delete`, {}],
      [`/photos/${photo.id}/comments/close`, {}],
    ] as const) {
      expect((await client.submit(url, fields)).statusCode).toBe(403);
    }
    expect((await services.photos.get(photo.id)).description).toBe('Mine');
  });

  it('refuses every form and AJAX post without the CSRF token', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const client = await loggedIn(t.app, 'bob');
    const forms = [
      `/photos/${photo.id}/collect`,
      '/users/ada/follow',
      `/photos/${photo.id}/comments`,
      `/photos/${photo.id}/report`,
      '/settings/profile',
      '/settings/password',
      '/settings/delete',
      '/notifications/read-all',
      '/logout',
    ];
    for (const url of forms) {
      const response = await client.submit(url, { state: 'on', body: 'x', name: 'X' }, { csrf: false });
      expect(response.statusCode, url).toBe(403);
    }
    // The htmx request of the follow button, without the form's token.
    const ajax = await t.app.inject({
      method: 'POST',
      url: '/users/ada/follow',
      headers: {
        'hx-request': 'true',
        'content-type': 'application/x-www-form-urlencoded',
        ...client.cookieHeader(),
      },
      payload: 'state=on',
    });
    expect(ajax.statusCode).toBe(403);
  });

  it('keeps private collections private', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada, 'Collected one');
    await services.social.collect(bob, photo.id);
    await services.accounts.setPublicCollections(bob.id, false);
    const visitor = await new WebClient(t.app).get('/users/bob/collections');
    expect(visitor.body).toContain('collections are private');
    expect(visitor.body).not.toContain('Collected one');
    const owner = await loggedIn(t.app, 'bob');
    expect((await owner.get('/users/bob/collections')).body).toContain('Collected one');
  });

  // Only decimal digits are an id (decision 19): 1e3 is refused, not read as 1000.
  it.each(['0', '-1', '2147483648', String(2 ** 53), 'abc', '1.5', '1e10', '1e3'])(
    'answers a bad photo id %s with 400, never 500',
    async (id) => {
      const response = await t.app.inject({ url: `/photos/${id}`, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(400);
    },
  );

  it('answers unknown ids with 404 and stored-file names that escape with 404', async () => {
    for (const url of [
      '/photos/2147483647',
      '/tags/2147483647',
      '/users/nobody',
      '/uploads/..%2F..%2Fetc%2Fpasswd',
      '/uploads/%2e%2e%2fapp.ts',
    ]) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(404);
    }
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    expect((await client.submit('/notifications/2147483647/read', {})).statusCode).toBe(404);
    expect((await client.submit('/comments/2147483648/delete', {})).statusCode).toBe(400);
    void system;
  });
});
