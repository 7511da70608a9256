import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { imageBytes } from '../helpers/images.js';
import { makeUser, password, photoServices } from '../helpers/photo.js';
import { type RunningServer, startServer } from '../helpers/server.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

describe.skipIf(!hasBrowser)('the photo site in a browser', () => {
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: Browser;
  // Two people, two browsers (separate cookies): Ada, who uploads, and Bob, who follows her.
  let ada: BrowserContext;
  let bob: BrowserContext;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [server, browser] = await Promise.all([
      startServer({ SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '100' }),
      launchBrowser(),
    ]);
    [ada, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
  });
  afterAll(async () => {
    await browser?.close();
    await resetDatabase(server.database);
    await server?.close();
    await smtp?.close();
  });

  it('A registers and uploads by drag and drop; B follows, collects and comments; A sees it live', async () => {
    // Ada registers, by label and role, and confirms with the link from her mail.
    const a: Page = await ada.newPage();
    await a.goto(`${server.url}/auth/register`);
    await a.getByLabel('Name', { exact: true }).fill('Ada');
    await a.getByLabel('Username', { exact: true }).fill('ada');
    await a.getByLabel('E-mail').fill('ada@example.com');
    await a.getByLabel('Password', { exact: true }).fill(password);
    await a.getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(() => a.getByRole('status').textContent()).toContain('We sent a confirmation link');
    const [mail] = await smtp.waitFor(1, 5000);
    const link = /http:\/\/\S+\/auth\/confirm\?token=\S+/.exec(mail!.text)![0];
    await a.goto(`${server.url}${new URL(link).pathname}${new URL(link).search}`);
    await expect.poll(() => a.getByRole('status').textContent()).toContain('your address is confirmed');

    // …and uploads a photo with a tag, dropping the file on the drop zone.
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upload' }).click();
    const bytes = [...(await imageBytes('jpeg', { width: 1200, height: 900 }))];
    const dropped = await a.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'cat.jpg', { type: 'image/jpeg' }));
      return transfer;
    }, bytes);
    await a.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => a.locator('[data-dropzone-files]').textContent()).toBe('cat.jpg');
    await a.getByLabel('Description', { exact: true }).fill('我的猫在睡觉');
    await a.getByLabel('Tags', { exact: true }).fill('sleepy');
    await a.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => a.getByRole('status').textContent()).toContain('Your photo is up.');
    const photoUrl = a.url();
    expect(await a.getByRole('img', { name: '我的猫在睡觉' }).count()).toBe(1);

    // Bob (an account made beforehand) logs in, follows Ada without a reload, and sees her photo in his feed.
    await makeUser(await photoServices(server.database), 'bob');
    const b = await bob.newPage();
    await b.goto(`${server.url}/login`);
    await b.getByLabel('Username or e-mail').fill('bob');
    await b.getByLabel('Password', { exact: true }).fill(password);
    await b.getByRole('button', { name: 'Log in' }).click();
    await b.goto(`${server.url}/users/ada`);
    const followForm = b.locator('form.toggle');
    await b.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => followForm.getByRole('button').textContent()).toBe('Following');
    expect(b.url()).toBe(`${server.url}/users/ada`);

    // Ada's unread count rises without her reloading the page.
    const badge = a.getByLabel('unread notifications');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('1');

    await b.goto(`${server.url}/`);
    await b.getByRole('link', { name: '我的猫在睡觉' }).click();
    await b.getByRole('button', { name: 'Collect' }).click();
    await expect.poll(() => b.getByRole('button', { name: 'Collected' }).count()).toBe(1);
    await b.getByLabel('Your comment').fill('So peaceful!');
    await b.getByRole('button', { name: 'Post the comment' }).click();
    await expect.poll(() => b.getByRole('article', { name: 'Comment by Bob' }).textContent()).toContain('So peaceful!');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('3');
    expect(a.url()).toBe(photoUrl);

    // Ada reads her notifications and marks them read.
    await a.getByRole('link', { name: /Notifications/ }).click();
    // click() does not wait for the next page to load: ask until it is there.
    await expect.poll(() => a.getByRole('listitem', { name: 'Bob started following you' }).count()).toBe(1);
    expect(await a.getByRole('listitem', { name: 'Bob collected your photo' }).count()).toBe(1);
    await a.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => a.getByLabel('unread notifications').isHidden()).toBe(true);

    // Search finds the photo by its tag and by a Chinese word of its description.
    for (const q of ['sleepy', '猫']) {
      await b.goto(`${server.url}/search`);
      await b.getByLabel('Search photos, people and tags').fill(q);
      await b.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => b.getByRole('link', { name: '我的猫在睡觉' }).count()).toBe(1);
    }
  });
});
