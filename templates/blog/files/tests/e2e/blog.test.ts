import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { adminLogin, blogWithAdmin, writePost } from '../helpers/blog.js';
import { resetDatabase } from '../helpers/database.js';
import { type RunningServer, startServer } from '../helpers/server.js';

describe.skipIf(!hasBrowser)('the blog in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  // Two people, two browsers (separate cookies): the admin and a visitor.
  let admin: BrowserContext;
  let visitor: BrowserContext;
  let services: Awaited<ReturnType<typeof blogWithAdmin>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    services = await blogWithAdmin(server.database);
    await services.categories.create({ name: 'Travel' });
    [admin, visitor] = await Promise.all([browser.newContext(), browser.newContext()]);
  });
  afterAll(async () => {
    await browser?.close();
    await resetDatabase(server.database);
    await server?.close();
  });

  it('the admin writes a post, a visitor comments, the admin approves, the visitor sees it', async () => {
    // The admin logs in, by label and role.
    const adminPage: Page = await admin.newPage();
    await adminPage.goto(`${server.url}/admin/posts/new`);
    await expect.poll(() => adminPage.getByRole('heading', { name: 'Log in' }).count()).toBe(1);
    await adminPage.getByLabel('Username').fill(adminLogin.username);
    await adminPage.getByLabel('Password').fill(adminLogin.password);
    await adminPage.getByRole('button', { name: 'Log in' }).click();

    // …is sent back to the page asked for, and writes the post in the Travel category.
    await expect.poll(() => adminPage.getByRole('heading', { name: 'New post' }).count()).toBe(1);
    await adminPage.getByLabel('Title').fill('A week in Kyoto');
    await adminPage.getByLabel('Category').selectOption({ label: 'Travel' });
    await adminPage.getByLabel('Body (Markdown)').fill('Temples, *gardens* and tea.');
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => adminPage.url()).toBe(`${server.url}/posts/a-week-in-kyoto`);
    expect(await adminPage.getByRole('status').textContent()).toContain('“A week in Kyoto” is published.');

    // A visitor opens it by its slug and comments.
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(`${server.url}/posts/a-week-in-kyoto`);
    expect(await visitorPage.getByRole('heading', { level: 1 }).textContent()).toBe('A week in Kyoto');
    expect(await visitorPage.locator('.post-body em').textContent()).toBe('gardens');
    await visitorPage.getByLabel('Name', { exact: true }).fill('Vic');
    await visitorPage.getByLabel('E-mail').fill('vic@example.com');
    await visitorPage.getByLabel('Comment', { exact: true }).fill('Which temple did you like best?');
    await visitorPage.getByRole('button', { name: 'Post the comment' }).click();
    await expect.poll(() => visitorPage.getByRole('status').textContent()).toContain('once it is approved');
    expect(await visitorPage.getByText('Which temple did you like best?').count()).toBe(0);

    // The admin approves it from the moderation page.
    await adminPage.goto(`${server.url}/admin/comments?filter=pending`);
    await adminPage.getByRole('button', { name: 'Approve the comment by Vic' }).click();
    await expect.poll(() => adminPage.getByRole('status').textContent()).toContain('approved');

    // The visitor reloads and sees it.
    await visitorPage.reload();
    expect(await visitorPage.getByRole('article', { name: 'Comment by Vic' }).textContent()).toContain(
      'Which temple did you like best?',
    );
  });

  it('a reader finds the way to log in from any page, and comes back to it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/about`);
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Username').fill(adminLogin.username);
    await page.getByLabel('Password').fill(adminLogin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/about`);
    // The address changes before the new page is read: ask until it is there.
    await expect.poll(() => page.getByRole('link', { name: 'Admin' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Log in' }).count()).toBe(0);
    await context.close();
  });

  it('lists a post with the first words of its body as the reader wrote them', async () => {
    await writePost(services, 'Cartoons', 'Tom & Jerry say 1 < 2, and "quotes" stay.');
    const page = await visitor.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getByRole('article', { name: 'Cartoons' }).locator('p').last().textContent()).toBe(
      'Tom & Jerry say 1 < 2, and “quotes” stay.',
    );
  });

  it('switches the theme and remembers it', async () => {
    const page = await visitor.newPage();
    await page.goto(`${server.url}/about`);
    await page.getByRole('navigation', { name: 'Theme' }).getByRole('link', { name: 'dark' }).click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(page.url()).toBe(`${server.url}/about`);
    await page.goto(`${server.url}/`);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  });
});
