import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { adminClient, adminLogin, blogWithAdmin, writePost } from '../helpers/blog.js';
import { WebClient } from '../helpers/web-client.js';

// Logging in many times from one address: above the login rate limit (security.test.ts checks the limit).
const t = useTestApp({ LOGIN_RATE_LIMIT: '1000' });

describe('the admin area', () => {
  it('is closed to anonymous visitors: pages redirect to the login, posts change nothing', async () => {
    const services = await blogWithAdmin(t.database);
    const client = new WebClient(t.app);
    for (const path of [
      '/admin',
      '/admin/posts',
      '/admin/posts/new',
      '/admin/categories',
      '/admin/comments',
      '/admin/settings',
    ]) {
      const response = await client.get(path);
      expect(response.statusCode, path).toBe(303);
      expect(response.headers.location, path).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    await client.get('/login'); // a real CSRF token: only the missing login should stop the post
    const forged = await client.submit('/admin/posts', { title: 'Forged', categoryId: '1', body: 'x' });
    expect(forged.statusCode).toBe(303);
    expect((await services.posts.page(1)).total).toBe(0);
    const json = await t.app.inject({ url: '/admin', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(401);
  });

  it('logs in with the right password only, and goes where it was asked to', async () => {
    await blogWithAdmin(t.database);
    const client = new WebClient(t.app);
    await client.get('/login?next=/admin/comments');
    const wrong = await client.submit('/login', {
      username: adminLogin.username,
      password: 'nope',
      next: '/admin/comments',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong username or password.');
    expect(wrong.body).toContain(`value="${adminLogin.username}"`);
    const right = await client.submit('/login', { ...adminLogin, next: '/admin/comments' });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/admin/comments');
    const page = await client.follow(right);
    expect(page.body).toContain('Welcome back, Ada.');
    expect(page.body).toContain('>Log out</button>');
  });

  it('writes, edits and deletes a post', async () => {
    const services = await blogWithAdmin(t.database);
    const category = await services.categories.create({ name: 'Travel' });
    const client = await adminClient(t.app);
    await client.get('/admin/posts/new');
    const created = await client.submit('/admin/posts', {
      title: 'In Kyoto',
      categoryId: String(category.id),
      body: 'Temples.',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/posts/in-kyoto');
    expect((await client.follow(created)).body).toContain('“In Kyoto” is published.');

    const post = await services.posts.bySlug('in-kyoto');
    await client.get(`/admin/posts/${post.id}/edit`);
    const edited = await client.submit(`/admin/posts/${post.id}`, {
      title: 'Kyoto in spring',
      slug: '',
      categoryId: String(category.id),
      body: 'Cherry trees.',
    });
    expect(edited.headers.location).toBe('/posts/in-kyoto');
    expect((await client.get('/posts/in-kyoto')).body).toContain('<p>Cherry trees.</p>');

    await client.get('/admin/posts');
    expect((await client.submit(`/admin/posts/${post.id}/delete`, {})).statusCode).toBe(303);
    expect((await client.get('/posts/in-kyoto')).statusCode).toBe(404);
  });

  it('shows what is wrong with a post form', async () => {
    await blogWithAdmin(t.database);
    const client = await adminClient(t.app);
    await client.get('/admin/posts/new');
    const response = await client.submit('/admin/posts', { title: '', categoryId: 'abc', body: 'Kept' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('A post needs a title.');
    expect(response.body).toContain('Choose a category.');
    expect(response.body).toContain('>Kept</textarea>');
  });

  it('closes and opens the comments of a post', async () => {
    const services = await blogWithAdmin(t.database);
    const post = await writePost(services, 'Hello');
    const client = await adminClient(t.app);
    // The button says what it does; the state is written beside it.
    expect((await client.get('/admin/posts')).body).toMatch(/Open <form[^]*>Close comments<\/button>/);
    await client.submit(`/admin/posts/${post.id}/comments`, { open: 'false' });
    expect((await services.posts.byId(post.id)).canComment).toBe(false);
    expect((await client.get('/admin/posts')).body).toMatch(/Closed <form[^]*>Open comments<\/button>/);
    await client.submit(`/admin/posts/${post.id}/comments`, { open: 'true' });
    expect((await services.posts.byId(post.id)).canComment).toBe(true);
  });

  it('manages categories: create, rename, delete moving the posts', async () => {
    const services = await blogWithAdmin(t.database);
    const client = await adminClient(t.app);
    await client.get('/admin/categories');
    await client.submit('/admin/categories', { name: 'Travel' });
    const travel = (await services.categories.list()).find((category) => category.name === 'Travel')!;
    const post = await writePost(services, 'Kyoto', 'b', travel.id);
    await client.submit(`/admin/categories/${travel.id}`, { name: 'Trips' });
    expect((await client.get('/admin/categories')).body).toContain('>Trips</a>');
    const duplicate = await client.submit('/admin/categories', { name: 'Trips' });
    expect(duplicate.statusCode).toBe(409);
    await client.get('/admin/categories');
    await client.submit(`/admin/categories/${travel.id}/delete`, {});
    expect((await services.posts.byId(post.id)).categoryId).toBe((await services.categories.defaultCategory()).id);
    const fallback = await services.categories.defaultCategory();
    expect((await client.submit(`/admin/categories/${fallback.id}/delete`, {})).statusCode).toBe(409);
  });

  it('moderates comments: waiting ones are listed, approved ones are shown, deleted ones are gone', async () => {
    const services = await blogWithAdmin(t.database);
    const post = await writePost(services, 'Hello');
    const visitor = { author: 'Vic', email: 'vic@example.com' };
    const good = await services.comments.add(post.slug, { ...visitor, body: 'Good comment' }, false);
    const spam = await services.comments.add(post.slug, { ...visitor, body: 'Buy pills' }, false);
    const client = await adminClient(t.app);
    const pending = await client.get('/admin/comments?filter=pending');
    expect(pending.body).toContain('Good comment');
    expect(pending.body).toContain('Buy pills');
    await client.submit(`/admin/comments/${good.id}/approve`, {});
    await client.get('/admin/comments');
    await client.submit(`/admin/comments/${spam.id}/delete`, {});
    const page = await client.get('/posts/hello');
    expect(page.body).toContain('Good comment');
    expect(page.body).not.toContain('Buy pills');
    expect((await client.get('/admin/comments?filter=pending')).body).toContain('Nothing waits for approval.');
  });

  it("edits the blog's settings, shown on every page", async () => {
    await blogWithAdmin(t.database);
    const client = await adminClient(t.app);
    await client.get('/admin/settings');
    const saved = await client.submit('/admin/settings', {
      title: 'Field Notes',
      subtitle: 'Out and about',
      about: 'Hi.',
    });
    expect(saved.statusCode).toBe(303);
    const home = await client.get('/');
    expect(home.body).toContain('>Field Notes</a>');
    expect(home.body).toContain('Out and about');
    const invalid = await client.submit('/admin/settings', { title: '', subtitle: '', about: '' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('The blog needs a title.');
  });

  it('logs out: the admin area is closed again', async () => {
    await blogWithAdmin(t.database);
    const client = await adminClient(t.app);
    await client.get('/admin');
    expect((await client.submit('/logout', {})).statusCode).toBe(303);
    expect((await client.get('/admin')).statusCode).toBe(303);
  });
});
