import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../helpers/app.js';
import { imageBytes } from '../helpers/images.js';
import { loggedIn, makeUser, manyPosts, password, photoServices, postFiles, uploadPhoto } from '../helpers/photo.js';

describe('admin, settings and deleting an account', () => {
  const t = useTestApp(manyPosts);

  it('moderators handle reports, photos, tags and comments', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    await makeUser(services, 'mod', { role: 'moderator' });
    const photo = await uploadPhoto(services, ada, 'Reported', ['spam']);
    await services.comments.add(bob, photo.id, 'a comment to moderate');
    const reporter = await loggedIn(t.app, 'bob');
    await reporter.get(`/photos/${photo.id}`);
    expect(
      (await reporter.follow(await reporter.submit(`/photos/${photo.id}/report`, { reason: 'spam' }))).body,
    ).toContain('a moderator will look');
    expect(
      (await reporter.follow(await reporter.submit(`/photos/${photo.id}/report`, { reason: 'spam' }))).body,
    ).toContain('reported this photo already');
    const moderator = await loggedIn(t.app, 'mod');
    for (const page of ['/admin', '/admin/users', '/admin/photos', '/admin/tags', '/admin/comments', '/admin/reports'])
      expect((await moderator.get(page)).statusCode, page).toBe(200);
    expect((await moderator.get('/admin/reports')).body).toContain('spam');
    expect((await moderator.get('/admin/comments')).body).toContain('a comment to moderate');
    const [tag] = (await services.photos.tags({ ...bob, role: 'moderator' }, 1)).items;
    expect((await moderator.submit(`/admin/tags/${tag!.id}/delete`, {})).statusCode).toBe(303);
    expect((await moderator.submit(`/photos/${photo.id}/delete`, { next: '/admin/reports' })).headers.location).toBe(
      '/admin/reports',
    );
    expect((await moderator.get('/admin/reports')).body).toContain('No open reports.');
  });

  it('saves the profile, password, privacy and avatar (cropped, in three sizes)', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    await client.get('/settings');
    expect(
      (
        await client.submit('/settings/profile', {
          name: 'Ada L.',
          bio: '拍照',
          website: 'https://ada.example',
          location: 'London',
        })
      ).statusCode,
    ).toBe(303);
    expect((await client.submit('/settings/profile', { name: '', website: 'javascript:alert(1)' })).statusCode).toBe(
      422,
    );
    expect(
      (await client.submit('/settings/password', { current: 'wrong', password: 'a newer password' })).body,
    ).toContain('The current password is wrong.');
    expect(
      (await client.submit('/settings/password', { current: password, password: 'a newer password' })).statusCode,
    ).toBe(303);
    expect((await client.submit('/settings/privacy', {})).statusCode).toBe(303);
    expect((await services.accounts.byId(ada.id))?.publicCollections).toBe(false);
    await client.get('/settings');
    const avatar = await postFiles(t.app, client, '/settings/avatar', { left: '10', top: '0', size: '100' }, [
      { field: 'avatar', data: await imageBytes('png', { width: 200, height: 100 }), type: 'image/png' },
    ]);
    expect(avatar.statusCode).toBe(303);
    const user = (await services.accounts.byId(ada.id))!;
    expect(user.avatarL).not.toBe(ada.avatarL);
    expect(readdirSync(testConfig().UPLOAD_DIR)).not.toContain(ada.avatarL);
    await client.get('/settings');
    const bad = await postFiles(t.app, client, '/settings/avatar', { left: '150', top: '0', size: '100' }, [
      { field: 'avatar', data: await imageBytes('png', { width: 200, height: 100 }), type: 'image/png' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('The crop lies outside the image.');
  });

  it('deletes an account with its photos, files, comments, follows and notifications', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const bobsPhoto = await uploadPhoto(services, bob);
    await services.comments.add(ada, bobsPhoto.id, 'from Ada');
    await services.social.follow(ada, 'bob');
    await services.social.follow(bob, 'ada');
    await services.social.collect(bob, photo.id);
    const files = [photo.filename, photo.filenameM, photo.filenameS, ada.avatarS, ada.avatarM, ada.avatarL];
    const client = await loggedIn(t.app, 'ada');
    await client.get('/settings');
    expect((await client.submit('/settings/delete', { password: 'wrong one' })).statusCode).toBe(422);
    expect((await client.submit('/settings/delete', { password })).statusCode).toBe(303);
    expect(await services.accounts.byId(ada.id)).toBeUndefined();
    const left = readdirSync(testConfig().UPLOAD_DIR);
    for (const name of files) expect(left).not.toContain(name);
    expect(await services.comments.threads(bobsPhoto.id)).toEqual([]);
    expect(await services.social.counts(bob.id)).toEqual({ followers: 0, following: 0, collections: 0 });
    expect(await services.notifications.unreadCount(bob.id)).toBe(0);
    expect((await client.get('/settings')).statusCode).toBe(303);
  });
});
