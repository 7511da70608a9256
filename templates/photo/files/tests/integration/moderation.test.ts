import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { loggedIn, makeUser, manyPosts, password, photoServices, uploadPhoto } from '../helpers/photo.js';
import { WebClient } from '../helpers/web-client.js';

describe('the back office, step by step', () => {
  const t = useTestApp(manyPosts);

  it('an administrator edits a user: form errors in the form, an unknown id is 404, their own role stays', async () => {
    const services = await photoServices(t.database);
    const root = await makeUser(services, 'root', { role: 'administrator' });
    const bob = await makeUser(services, 'bob');
    const admin = await loggedIn(t.app, 'root');
    const form = await admin.get(`/admin/users/${bob.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Edit bob');
    const invalid = await admin.submit(`/admin/users/${bob.id}`, { name: '', role: 'emperor' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Tell us your name.');
    expect((await admin.get('/admin/users/2147483647')).statusCode).toBe(404);
    expect((await admin.submit('/admin/users/2147483647', { name: 'X', role: 'user' })).statusCode).toBe(404);
    const saved = await admin.submit(`/admin/users/${bob.id}`, {
      name: 'Robert',
      role: 'moderator',
      bio: 'Moderates',
      location: 'Leeds',
      website: 'https://bob.example',
    });
    expect(saved.headers.location).toBe('/admin/users');
    expect((await admin.follow(saved)).body).toContain('bob is saved.');
    const profile = await admin.get('/users/bob');
    for (const text of ['Robert', 'Moderates', 'Leeds', 'href="https://bob.example"', 'class="badge"'])
      expect(profile.body).toContain(text);
    // The role field of one's own form is ignored: an administrator cannot demote (or lock out) themself.
    expect((await admin.submit(`/admin/users/${root.id}`, { name: 'Root', role: 'user' })).statusCode).toBe(303);
    expect(await services.accounts.byId(root.id)).toMatchObject({ name: 'Root', role: 'administrator' });
    const self = await admin.submit(`/admin/users/${root.id}/block`, {});
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('You cannot change your own role or block yourself.');
  });

  it('a blocked user can no longer log in, nor use the session they had; unblocked they can', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'root', { role: 'administrator' });
    const bob = await makeUser(services, 'bob');
    const session = await loggedIn(t.app, 'bob');
    const admin = await loggedIn(t.app, 'root');
    expect((await admin.submit(`/admin/users/${bob.id}/block`, {})).statusCode).toBe(303);
    const list = await admin.get('/admin/users');
    expect(list.body).toContain(`Unblock bob`);
    expect(list.body).toContain('blocked');
    const settings = await session.get('/settings');
    expect(settings.statusCode).toBe(403);
    expect(settings.body).toContain('This account is blocked.');
    expect((await admin.get('/users/bob')).body).toContain('Blocked');
    const login = new WebClient(t.app);
    await login.get('/login');
    const refused = await login.submit('/login', { login: 'bob', password });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain('This account is blocked.');
    expect((await admin.submit(`/admin/users/${bob.id}/unblock`, {})).statusCode).toBe(303);
    expect((await login.submit('/login', { login: 'bob', password })).statusCode).toBe(303);
  });

  it('a moderator locks and unlocks users, but not moderators, and finds users by name', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'mod', { role: 'moderator' });
    const other = await makeUser(services, 'othermod', { role: 'moderator' });
    const bob = await makeUser(services, 'bob');
    await makeUser(services, 'carol', { confirmed: false });
    const moderator = await loggedIn(t.app, 'mod');
    const all = await moderator.get('/admin/users');
    expect(all.body).toContain('Lock bob');
    expect(all.body).toContain(', unconfirmed');
    // A moderator sees no block or edit buttons: those are for administrators.
    expect(all.body).not.toContain('Block bob');
    expect((await moderator.submit(`/admin/users/${bob.id}/lock`, {})).statusCode).toBe(303);
    expect((await moderator.get('/admin/users')).body).toContain('Unlock bob');
    expect(await services.accounts.byId(bob.id)).toMatchObject({ role: 'locked' });
    expect((await moderator.submit(`/admin/users/${bob.id}/unlock`, {})).statusCode).toBe(303);
    expect(await services.accounts.byId(bob.id)).toMatchObject({ role: 'user' });
    const refused = await moderator.submit(`/admin/users/${other.id}/lock`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('cannot be locked');
    expect((await moderator.submit('/admin/users/2147483647/lock', {})).statusCode).toBe(404);
    expect((await moderator.submit(`/admin/users/${bob.id}/ban`, {})).statusCode).toBe(400);
    const found = await moderator.get('/admin/users?q=carol');
    expect(found.body).toContain('/users/carol');
    expect(found.body).not.toContain('/users/bob');
    expect((await moderator.get(`/admin/users?q=${'x'.repeat(61)}`)).statusCode).toBe(400);
  });

  it('dismisses a report once; unknown reports and tags are 404', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    await makeUser(services, 'mod', { role: 'moderator' });
    const photo = await uploadPhoto(services, ada, 'Fine', ['fine']);
    expect(await services.photos.report(bob, photo.id, '')).toBe(true);
    const moderator = await loggedIn(t.app, 'mod');
    const reports = await moderator.get('/admin/reports');
    expect(reports.body).toContain('(no reason given)');
    const id = /\/admin\/reports\/(\d+)\/dismiss/.exec(reports.body)![1]!;
    const dismissed = await moderator.submit(`/admin/reports/${id}/dismiss`, {});
    expect((await moderator.follow(dismissed)).body).toContain('No open reports.');
    expect((await moderator.submit(`/admin/reports/${id}/dismiss`, {})).statusCode).toBe(404);
    expect((await moderator.submit('/admin/tags/2147483647/delete', {})).statusCode).toBe(404);
    // The photo stays, and so does its tag.
    expect((await moderator.get('/admin/tags')).body).toContain('fine');
    expect((await moderator.get('/admin/photos')).body).toContain(`/photos/${photo.id}`);
    expect((await moderator.get('/admin')).statusCode).toBe(200);
  });

  it('refuses the back office to a visitor and to a user', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'plain');
    const visitor = await new WebClient(t.app).get('/admin/reports');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/login');
    const plain = await loggedIn(t.app, 'plain');
    const refused = await plain.get('/admin/comments');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You are not allowed to do this.');
  });
});
