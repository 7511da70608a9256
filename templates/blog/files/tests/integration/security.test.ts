import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { adminClient, adminLogin, blogWithAdmin, writePost } from '../helpers/blog.js';
import { WebClient } from '../helpers/web-client.js';

const payloads = {
  script: '<script>alert("xss")</script>',
  image: '<img src=x onerror=alert(1)>',
  link: '[click me](javascript:alert(1))',
};

describe('hostile input comes out inert', () => {
  const t = useTestApp();

  it('in a post written by the admin', async () => {
    await blogWithAdmin(t.database);
    const client = await adminClient(t.app);
    await client.get('/admin/posts/new');
    await client.submit('/admin/posts', {
      title: `Title ${payloads.script}`,
      categoryId: '1',
      body: Object.values(payloads).join('\n\n'),
    });
    const page = await client.get('/posts/title-script-alert-xss-script');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script>alert|<img[^>]*onerror|href="javascript:/i);
    expect(page.body).toContain('&lt;script>alert(&quot;xss&quot;)&lt;/script>');
  });

  it('in a comment: name, site and text', async () => {
    const services = await blogWithAdmin(t.database);
    const post = await writePost(services, 'Hello');
    const comment = await services.comments.add(
      post.slug,
      {
        author: payloads.image.slice(0, 30),
        email: 'x@example.com',
        site: 'https://example.com/"onmouseover="alert(1)',
        body: payloads.script,
      },
      false,
    );
    await services.comments.approve(comment.id);
    const page = await new WebClient(t.app).get('/posts/hello');
    expect(page.body).not.toMatch(/<script>alert|<img[^>]*onerror|"onmouseover="/i);
    expect(page.body).toContain('&lt;script>');
  });
});

describe('forms need their CSRF token', () => {
  const t = useTestApp();

  it('the comment form and the admin forms refuse a post without it', async () => {
    const services = await blogWithAdmin(t.database);
    await writePost(services, 'Hello');
    const visitor = new WebClient(t.app);
    await visitor.get('/posts/hello');
    const comment = await visitor.submit(
      '/posts/hello/comments',
      { author: 'A', email: 'a@example.com', body: 'b' },
      { csrf: false },
    );
    expect(comment.statusCode).toBe(403);
    const admin = await adminClient(t.app);
    for (const [path, fields] of [
      ['/admin/posts', { title: 'T', categoryId: '1', body: 'b' }],
      ['/admin/settings', { title: 'Hacked', subtitle: '', about: '' }],
      ['/logout', {}],
    ] as const) {
      expect((await admin.submit(path, fields, { csrf: false })).statusCode, path).toBe(403);
    }
    expect((await services.comments.page('all', 1)).total).toBe(0);
    expect((await services.settings.get()).title).not.toBe('Hacked');
  });
});

describe('logging in', () => {
  const t = useTestApp({ LOGIN_RATE_LIMIT: '3' });

  it('is rate-limited per address', async () => {
    await blogWithAdmin(t.database);
    const client = new WebClient(t.app);
    await client.get('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await client.submit('/login', { username: adminLogin.username, password: `guess ${i}` })).statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('a session', () => {
  const t = useTestApp();

  it('renews the session id, so a planted one is worth nothing', async () => {
    await blogWithAdmin(t.database);
    const client = new WebClient(t.app);
    // Sent to the login page with a flash message: that starts a session, whose id an attacker could have planted.
    await client.get('/admin');
    await client.get('/login');
    const before = client.cookie('sid');
    expect(before).toBeDefined();
    const planted = await t.app.inject({ url: '/admin', headers: { accept: 'text/html', cookie: `sid=${before}` } });
    expect(planted.statusCode).toBe(303);
    await client.submit('/login', { username: adminLogin.username, password: adminLogin.password });
    expect(client.cookie('sid')).not.toBe(before);
    const replay = await t.app.inject({ url: '/admin', headers: { accept: 'text/html', cookie: `sid=${before}` } });
    expect(replay.statusCode).toBe(303);
  });
});
