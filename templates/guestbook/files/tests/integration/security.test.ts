import { describe, expect, it } from 'vitest';
import { type TestApp, useTestApp } from '../helpers/app.js';
import { WebClient } from '../helpers/web-client.js';

// The web layer's own tests (tests/integration/web.test.tsx) check CSRF, limits and headers on a test form;
// these check that the guestbook's form is covered by them and that a refused post leaves nothing behind.
async function messageCount(t: TestApp): Promise<number> {
  const page = await new WebClient(t.app).get('/');
  return Number(/class="count">\((\d+)\)/.exec(page.body)?.[1]);
}

describe('the guestbook form', () => {
  const t = useTestApp();

  it('shows a <script> message as text, never as markup', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    await client.submit('/messages', { name: '<b>Mallory</b>', body: '<script>alert("x")</script>' });
    const page = await client.get('/');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
    expect(page.body).toContain('&lt;b>Mallory&lt;/b>');
  });

  it('refuses a post without the CSRF token and saves nothing', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    const response = await client.submit('/messages', { name: 'Eve', body: 'forged' }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(await messageCount(t)).toBe(0);
  });

  it('refuses a body over the limit with 413 and saves nothing', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    const response = await client.submit('/messages', { name: 'Big', body: 'x'.repeat(70 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(await messageCount(t)).toBe(0);
  });
});

describe('posting too often', () => {
  const t = useTestApp({ WRITE_RATE_LIMIT: '3' });

  it('is refused with 429 once over the limit, and the refused posts are not saved', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++)
      statuses.push((await client.submit('/messages', { name: 'Spam', body: `post ${i}` })).statusCode);
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
    expect(await messageCount(t)).toBe(3);
  });
});
