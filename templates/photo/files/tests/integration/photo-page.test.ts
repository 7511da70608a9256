import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { imageBytes } from '../helpers/images.js';
import { loggedIn, makeUser, manyPosts, photoServices, postFiles, uploadPhoto } from '../helpers/photo.js';
import { WebClient } from '../helpers/web-client.js';

describe('the photo page and what its author does on it', () => {
  const t = useTestApp(manyPosts);

  it('edits the description, adds and removes tags, and the tag page follows', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const photo = await uploadPhoto(services, ada, '');
    const client = await loggedIn(t.app, 'ada');
    const page = await client.get(`/photos/${photo.id}`);
    // No description yet: the page is titled after its author.
    expect(page.body).toContain('<title>Photo by Ada');
    const described = await client.submit(`/photos/${photo.id}/description`, { description: '  My cat 我的猫  ' });
    expect(described.headers.location).toBe(`/photos/${photo.id}`);
    expect((await client.follow(described)).body).toContain('The description is saved.');
    const tagged = await client.submit(`/photos/${photo.id}/tags`, { tags: 'cat, 猫 #cat' });
    expect((await client.follow(tagged)).body).toContain('The tags are added.');
    const json = await t.app.inject({ url: `/photos/${photo.id}`, headers: { accept: 'application/json' } });
    expect(json.json()).toMatchObject({ description: 'My cat 我的猫', author: 'ada' });
    expect(json.json<{ tags: string[] }>().tags.sort()).toEqual(['cat', '猫'].sort());

    // The description and the tags are searchable.
    expect((await client.get('/search?q=%E7%8C%AB')).body).toContain(`/photos/${photo.id}`);
    const [cat] = (await services.photos.popularTags()).filter((tag) => tag.name === 'cat');
    const tagPage = await client.get(`/tags/${cat!.id}`);
    expect(tagPage.body).toContain('#cat');
    expect(tagPage.body).toContain('1 photo<');
    const removed = await client.submit(`/photos/${photo.id}/tags/${cat!.id}/delete`, {});
    expect((await client.follow(removed)).body).toContain('The tag is removed.');
    expect((await client.get(`/tags/${cat!.id}`)).body).toContain('No photo has this tag any more.');
    expect((await client.get('/tags/2147483647')).statusCode).toBe(404);
  });

  it('refuses a too long description, no tags, too many tags and bad tag names with the reason', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const photo = await uploadPhoto(services, ada, 'Kept');
    const client = await loggedIn(t.app, 'ada');
    await client.get(`/photos/${photo.id}`);
    const long = await client.submit(`/photos/${photo.id}/description`, { description: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('at most 500 characters');
    const none = await client.submit(`/photos/${photo.id}/tags`, { tags: ' , ' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Give at least one tag.');
    const bad = await client.submit(`/photos/${photo.id}/tags`, { tags: '<script>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('A tag is 1 to 30 letters');
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`).join(' ');
    expect((await client.submit(`/photos/${photo.id}/tags`, { tags: eleven })).body).toContain(
      'At most 10 tags at once.',
    );
    // Ten at a time is allowed, but a photo keeps at most 20 in all: the third batch is refused whole.
    for (const batch of [0, 1]) {
      const tags = Array.from({ length: 10 }, (_, i) => `b${batch}x${i}`).join(' ');
      expect((await client.submit(`/photos/${photo.id}/tags`, { tags })).statusCode).toBe(303);
    }
    const full = await client.submit(`/photos/${photo.id}/tags`, { tags: 'b0x0 extra' });
    expect(full.statusCode).toBe(400);
    expect(full.body).toContain('at most 20 tags');
    expect((await services.photos.page(photo.id)).tags).toHaveLength(20);
    expect((await services.photos.get(photo.id)).description).toBe('Kept');
  });

  it('closes and reopens the comments; while closed nobody can comment', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const author = await loggedIn(t.app, 'ada');
    expect((await author.get(`/photos/${photo.id}`)).body).toContain('Close the comments');
    expect((await author.submit(`/photos/${photo.id}/comments/close`, {})).headers.location).toBe(
      `/photos/${photo.id}#comments`,
    );
    expect((await author.get(`/photos/${photo.id}`)).body).toContain('Open the comments');
    const bob = await loggedIn(t.app, 'bob');
    const closed = await bob.get(`/photos/${photo.id}`);
    expect(closed.body).toContain('Comments are closed.');
    expect(closed.body).not.toContain('id="comment-form"');
    const refused = await bob.submit(`/photos/${photo.id}/comments`, { body: 'let me in' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Comments on this photo are closed.');
    expect((await author.submit(`/photos/${photo.id}/comments/open`, {})).statusCode).toBe(303);
    await bob.get(`/photos/${photo.id}`);
    expect((await bob.submit(`/photos/${photo.id}/comments`, { body: 'in at last' })).statusCode).toBe(303);
    expect((await author.submit(`/photos/${photo.id}/comments/ajar`, {})).statusCode).toBe(400);
  });

  it('replies through the Reply link, and refuses a reply to a comment of another photo in the page', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const other = await uploadPhoto(services, ada);
    const first = await services.comments.add(bob, photo.id, 'Lovely');
    const elsewhere = await services.comments.add(bob, other.id, 'Elsewhere');
    const client = await loggedIn(t.app, 'ada');
    const page = await client.get(`/photos/${photo.id}`);
    expect(page.body).toContain(`?reply=${first.id}#comment-form`);
    const replying = await client.get(`/photos/${photo.id}?reply=${first.id}`);
    expect(replying.body).toContain('Replying to Bob');
    expect(replying.body).toContain(`name="repliedId" value="${first.id}"`);
    const posted = await client.submit(`/photos/${photo.id}/comments`, {
      body: 'Thanks!',
      repliedId: String(first.id),
    });
    expect(posted.headers.location).toMatch(new RegExp(`^/photos/${photo.id}#comment-\\d+$`));
    expect((await client.follow(posted)).body).toContain('Your comment is posted.');
    const wrong = await client.submit(`/photos/${photo.id}/comments`, { body: 'x', repliedId: String(elsewhere.id) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The comment you answer is not on this photo.');
    const junk = await client.submit(`/photos/${photo.id}/comments`, { body: 'x', repliedId: 'abc' });
    expect(junk.statusCode).toBe(422);
    expect(junk.body).toContain('field-error');
    expect((await client.submit('/photos/2147483647/comments', { body: 'x' })).statusCode).toBe(404);
    expect((await services.comments.threads(photo.id))[0]!.replies.map((reply) => reply.body)).toEqual(['Thanks!']);
  });

  it('lets the photo’s author delete any comment on it, and sends them back where they were', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const bob = await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const comment = await services.comments.add(bob, photo.id, 'Rude words');
    const own = await services.comments.add(bob, photo.id, 'Kind words');
    const client = await loggedIn(t.app, 'ada');
    expect((await client.get(`/photos/${photo.id}`)).body).toContain('Delete the comment by Bob');
    const deleted = await client.submit(`/comments/${comment.id}/delete`, { next: '/notifications' });
    expect(deleted.headers.location).toBe('/notifications');
    // An address elsewhere is not followed.
    const author = await loggedIn(t.app, 'bob');
    await author.get(`/photos/${photo.id}`);
    const mine = await author.submit(`/comments/${own.id}/delete`, { next: 'https://evil.example/' });
    expect(mine.headers.location).toBe(`/photos/${photo.id}#comments`);
    expect(await services.comments.threads(photo.id)).toEqual([]);
    expect((await author.submit(`/comments/${own.id}/delete`, {})).statusCode).toBe(404);
  });

  it('collects and uncollects for a script (JSON) and with a plain form', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const bob = await loggedIn(t.app, 'bob');
    await bob.get(`/photos/${photo.id}`);
    const post = (state: string, accept = 'application/json') =>
      t.app.inject({
        method: 'POST',
        url: `/photos/${photo.id}/collect`,
        headers: { accept, 'content-type': 'application/json', ...bob.cookieHeader() },
        payload: { state },
      });
    expect((await post('on')).json()).toEqual({ collected: true });
    expect(await services.social.hasCollected((await services.accounts.byUsername('bob')).id, photo.id)).toBe(true);
    expect((await post('off')).json()).toEqual({ collected: false });
    const maybe = await post('maybe');
    expect(maybe.statusCode).toBe(400);
    expect(maybe.json()).toMatchObject({ error: { message: 'Say whether to collect (state=on) or not (state=off).' } });
    await bob.submit(`/photos/${photo.id}/collect`, { state: 'on' });
    const off = await bob.submit(`/photos/${photo.id}/collect`, { state: 'off' });
    expect(off.headers.location).toBe(`/photos/${photo.id}`);
    expect((await bob.follow(off)).body).toContain('Removed from your collection.');
    expect((await bob.submit('/photos/2147483647/collect', { state: 'off' })).statusCode).toBe(404);
    expect((await bob.get('/photos/2147483647/collectors')).statusCode).toBe(404);
  });

  it('shows a visitor the photo without forms, and a link to log in to comment', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const photo = await uploadPhoto(services, ada, 'Public');
    const page = await new WebClient(t.app).get(`/photos/${photo.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/login?next=${encodeURIComponent(`/photos/${photo.id}`)}`);
    expect(page.body).not.toContain('Report the photo');
    expect(page.body).not.toContain('Delete the photo');
    const visitor = new WebClient(t.app);
    await visitor.get('/login');
    const report = await visitor.submit(`/photos/${photo.id}/report`, { reason: 'spam' });
    expect(report.statusCode).toBe(401);
    expect(report.body).toContain('Log in first.');
  });

  it('tells an unconfirmed user to confirm before commenting or uploading', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'newbie', { confirmed: false });
    const photo = await uploadPhoto(services, ada);
    const client = await loggedIn(t.app, 'newbie');
    expect((await client.get(`/photos/${photo.id}`)).body).toContain('Confirm your e-mail address to comment.');
    const upload = await client.get('/upload');
    expect(upload.statusCode).toBe(403);
    expect(upload.body).toContain('Confirm your e-mail address first');
  });

  it('refuses a report with a reason over 200 characters', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await makeUser(services, 'bob');
    const photo = await uploadPhoto(services, ada);
    const bob = await loggedIn(t.app, 'bob');
    await bob.get(`/photos/${photo.id}`);
    const long = await bob.submit(`/photos/${photo.id}/report`, { reason: 'x'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('at most 200 characters');
    expect((await bob.submit('/photos/2147483647/report', { reason: 'gone' })).statusCode).toBe(404);
  });

  it('links a user’s photos to each other, and sends the author to their page after deleting one', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    const older = await uploadPhoto(services, ada, 'Older');
    const newer = await uploadPhoto(services, ada, 'Newer');
    const client = await loggedIn(t.app, 'ada');
    const page = await client.get(`/photos/${newer.id}`);
    expect(page.body).toContain(`href="/photos/${older.id}" rel="next"`);
    expect((await client.get(`/photos/${older.id}`)).body).toContain(`href="/photos/${newer.id}" rel="prev"`);
    const profile = await client.get('/users/ada');
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain(`/photos/${newer.id}`);
    expect(profile.body).not.toContain('>Follow<');
    const deleted = await client.submit(`/photos/${newer.id}/delete`, {});
    expect(deleted.headers.location).toBe('/users/ada');
    expect((await client.follow(deleted)).body).toContain('The photo is deleted.');
    expect((await client.get(`/photos/${newer.id}`)).statusCode).toBe(404);
  });
});

describe('uploading, for a script and with mistakes', () => {
  const t = useTestApp(manyPosts);

  it('answers a script with 201 and the new photos’ addresses', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    await client.get('/upload');
    const response = await postFiles(
      t.app,
      client,
      '/upload',
      { description: 'By script' },
      [{ data: await imageBytes('jpeg') }],
      'application/json',
    );
    expect(response.statusCode).toBe(201);
    const { photos } = response.json<{ photos: { id: number; url: string }[] }>();
    expect(photos).toHaveLength(1);
    expect(photos[0]!.url).toBe(`/photos/${photos[0]!.id}`);
    expect((await client.get(photos[0]!.url)).body).toContain('By script');
  });

  it('shows the upload page again with the reason: no file, a bad tag, a long description', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    await client.get('/upload');
    const none = await postFiles(t.app, client, '/upload', { description: 'Nothing' }, []);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose at least one photo.');
    // A file input left empty still sends a part (no name, no bytes): it is no file, not a broken one.
    const empty = await postFiles(t.app, client, '/upload', {}, [{ data: Buffer.alloc(0), name: '' }]);
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Choose at least one photo.');
    const data = await imageBytes('jpeg');
    const tag = await postFiles(t.app, client, '/upload', { tags: 'ok, not/ok' }, [{ data }]);
    expect(tag.statusCode).toBe(422);
    expect(tag.body).toContain('A tag is 1 to 30 letters');
    const long = await postFiles(t.app, client, '/upload', { description: 'x'.repeat(501) }, [{ data }]);
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('At most 500 characters.');
    const json = await postFiles(t.app, client, '/upload', {}, [], 'application/json');
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: { code: 'validation_failed', message: 'Choose at least one photo.' } });
    expect((await services.photos.newest(1)).total).toBe(0);
  });
});
