import { describe, expect, it } from 'vitest';
import { postsPerPage } from '../../src/services/index.js';
import { useTestApp } from '../helpers/app.js';
import { blogWithAdmin, writePost } from '../helpers/blog.js';
import { WebClient } from '../helpers/web-client.js';

const t = useTestApp();
const visitor = { author: 'Vic', email: 'vic@example.com', site: '', body: 'A fine post.' };

describe('reading the blog', () => {
  it('lists posts newest first with their category, paged', async () => {
    const services = await blogWithAdmin(t.database);
    for (let i = 1; i <= postsPerPage + 1; i++) await writePost(services, `Post number ${i}`);
    const client = new WebClient(t.app);
    const home = await client.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body.indexOf(`Post number ${postsPerPage + 1}<`)).toBeLessThan(
      home.body.indexOf(`Post number ${postsPerPage}<`),
    );
    expect(home.body).not.toContain('Post number 1<');
    expect(home.body).toContain('>Default</a>');
    expect((await client.get('/?page=2')).body).toContain('Post number 1<');
    expect((await client.get('/?page=3')).statusCode).toBe(404);
  });

  it("shows a post at its slug, rendered from Markdown, with the blog's title from the settings", async () => {
    const services = await blogWithAdmin(t.database);
    await services.settings.update({ title: 'My Notes', subtitle: 'on things', about: 'Me.' });
    await writePost(services, 'Hello, World!', 'Some **bold** text.');
    const page = await new WebClient(t.app).get('/posts/hello-world');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 id="post-title">Hello, World!</h1>');
    expect(page.body).toContain('<p>Some <strong>bold</strong> text.</p>');
    expect(page.body).toContain('<title>Hello, World! · My Notes</title>');
  });

  it('answers an unknown slug with the 404 page', async () => {
    const page = await new WebClient(t.app).get('/posts/no-such-post');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('There is no post at this address.');
    expect(page.body).toContain('class="site-header"');
  });

  it("lists a category's posts, and the about page shows the settings' text", async () => {
    const services = await blogWithAdmin(t.database);
    const travel = await services.categories.create({ name: 'Travel' });
    await writePost(services, 'Kyoto', 'b', travel.id);
    await writePost(services, 'Elsewhere');
    const client = new WebClient(t.app);
    const category = await client.get('/categories/travel');
    expect(category.body).toContain('Category: Travel');
    expect(category.body).toContain('Kyoto');
    expect(category.body).not.toContain('Elsewhere');
    expect((await client.get('/categories/nowhere')).statusCode).toBe(404);
    await services.settings.update({ title: 'B', subtitle: '', about: 'I write about *travel*.' });
    expect((await client.get('/about')).body).toContain('<p>I write about <em>travel</em>.</p>');
  });

  it('keeps the sidebar and the title in memory, yet shows every change at once', async () => {
    const services = await blogWithAdmin(t.database);
    const client = new WebClient(t.app);
    expect((await client.get('/')).body).toContain('>Default</a> <span class="count">(0)</span>');
    // Through services of their own on the same database, as a command in this process would write.
    await writePost(services, 'First');
    await services.settings.update({ title: 'Renamed', subtitle: 'anew', about: '' });
    const home = (await client.get('/')).body;
    expect(home).toContain('>Default</a> <span class="count">(1)</span>');
    expect(home).toContain('Renamed');
    const travel = await services.categories.create({ name: 'Travel' });
    expect((await client.get('/')).body).toContain('>Travel</a> <span class="count">(0)</span>');
    await services.categories.rename(travel.id, { name: 'Trips' });
    expect((await client.get('/')).body).toContain('>Trips</a> <span class="count">(0)</span>');
  });

  it('remembers the theme in a cookie and goes back to the page, never to another site', async () => {
    const client = new WebClient(t.app);
    const switched = await client.get('/theme/dark?next=/about');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/about');
    expect((await client.get('/about')).body).toContain('<html lang="en" data-theme="dark">');
    expect((await client.get('/theme/light?next=//evil.example')).headers.location).toBe('/');
    expect((await client.get('/theme/purple')).statusCode).toBe(400);
  });
});

describe('commenting', () => {
  it('waits for approval: a thank-you, and the comment is not shown yet', async () => {
    const services = await blogWithAdmin(t.database);
    await writePost(services, 'Hello');
    const client = new WebClient(t.app);
    await client.get('/posts/hello');
    const posted = await client.submit('/posts/hello/comments', visitor);
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/posts/hello#comments');
    const page = await client.follow(posted);
    expect(page.body).toContain('Your comment will appear once it is approved.');
    expect(page.body).not.toContain('A fine post.');
  });

  it('shows the errors next to the fields and keeps what was typed', async () => {
    const services = await blogWithAdmin(t.database);
    await writePost(services, 'Hello');
    const client = new WebClient(t.app);
    await client.get('/posts/hello');
    const response = await client.submit('/posts/hello/comments', {
      ...visitor,
      email: 'not-an-address',
      site: 'javascript:alert(1)',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Please give a valid e-mail address.');
    expect(response.body).toContain('A site must be an http:// or https:// address.');
    expect(response.body).toContain('>A fine post.</textarea>');
    expect((await services.comments.page('all', 1)).total).toBe(0);
  });

  it('offers a reply form for a comment, and the reply is shown under it once approved', async () => {
    const services = await blogWithAdmin(t.database);
    const post = await writePost(services, 'Hello');
    const first = await services.comments.add(post.slug, { ...visitor, body: 'First!' }, false);
    await services.comments.approve(first.id);
    const client = new WebClient(t.app);
    const form = await client.get(`/posts/hello?reply=${first.id}`);
    expect(form.body).toContain('Reply to Vic');
    expect(form.body).toContain(`name="repliedId" value="${first.id}"`);
    await client.submit('/posts/hello/comments', {
      ...visitor,
      author: 'Rae',
      body: 'Second!',
      repliedId: String(first.id),
    });
    const [pending] = (await services.comments.page('pending', 1)).items;
    await services.comments.approve(pending!.id);
    const page = await client.get('/posts/hello');
    const firstAt = page.body.indexOf('First!');
    const nestedList = page.body.indexOf('<ol class="comments">', firstAt);
    expect(firstAt).toBeGreaterThan(0);
    expect(nestedList).toBeGreaterThan(firstAt);
    expect(page.body.indexOf('Second!')).toBeGreaterThan(nestedList);
  });

  it('is refused on a post whose comments are closed', async () => {
    const services = await blogWithAdmin(t.database);
    const post = await writePost(services, 'Hello');
    const client = new WebClient(t.app);
    await client.get('/posts/hello');
    await services.posts.setCommentsOpen(post.id, false);
    expect((await client.get('/posts/hello')).body).toContain('Comments on this post are closed.');
    const response = await client.submit('/posts/hello/comments', visitor);
    expect(response.statusCode).toBe(403);
    expect((await services.comments.page('all', 1)).total).toBe(0);
  });
});
