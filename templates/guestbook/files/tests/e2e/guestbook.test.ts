import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../helpers/database.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { type RunningServer, startServer } from '../helpers/server.js';
import { messagesPerPage } from '../../src/services/index.js';
import { testServices } from '../helpers/app.js';

describe.skipIf(!hasBrowser)('the guestbook in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
    await resetDatabase(server.database);
  });

  it('posts a message: flash, then the message at the top of the list', async () => {
    await page.goto(server.url);
    await page.getByLabel('Name', { exact: true }).fill('Grace');
    await page.getByLabel('Message', { exact: true }).fill('Hello from a real browser');
    await page.getByRole('button', { name: 'Send' }).click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your message has been sent');
    const first = page.getByRole('article').first();
    expect(await first.getByText('Grace').count()).toBe(1);
    expect(await first.textContent()).toContain('Hello from a real browser');
    // public/app.js redid the time in the browser's language and zone: "now", the full local date on hover.
    const time = first.locator('time');
    await expect.poll(() => time.textContent()).toBe('now');
    expect(await time.getAttribute('title')).toMatch(/\d{4}/);
    expect(await time.getAttribute('title')).not.toContain('UTC');
    expect(page.url()).toBe(`${server.url}/`);
  });

  it('shows the errors next to the fields and keeps what was typed', async () => {
    await page.goto(server.url);
    await page.getByLabel('Message', { exact: true }).fill('I forgot my name');
    await page.getByRole('button', { name: 'Send' }).click();

    const name = page.getByLabel('Name', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await name.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toBe('Please tell us your name.');
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe('I forgot my name');
    expect(await page.getByText('No messages yet').count()).toBe(1);
  });

  it('pages through older messages without reloading the page', async () => {
    const services = await testServices(server.database);
    const total = messagesPerPage + 2;
    for (let i = 1; i <= total; i++) await services.messages.post({ name: `Visitor ${i}`, body: `Message ${i}` });
    await page.goto(server.url);
    expect(await page.getByRole('article').count()).toBe(messagesPerPage);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    await page.getByRole('link', { name: 'Older →' }).click();
    await expect.poll(() => page.getByText('Page 2 of 2').count()).toBe(1);
    expect(await page.getByRole('article').count()).toBe(2);
    expect(page.url()).toBe(`${server.url}/?page=2`);
    // Same document: htmx swapped the list in, the page was not reloaded.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    await page.getByRole('link', { name: '← Newer' }).click();
    await expect.poll(() => page.getByText('Page 1 of 2').count()).toBe(1);
    expect(await page.getByRole('article').first().textContent()).toContain(`Message ${total}`);
  });

  it('shows the 404 page in the site layout', async () => {
    const response = await page.goto(`${server.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByRole('link', { name: 'Back to the home page' }).count()).toBe(1);
  });
});
