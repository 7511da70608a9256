import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../helpers/app.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { relaxedLimits } from '../helpers/chat.js';
import { resetDatabase } from '../helpers/database.js';
import { type RunningServer, startServer } from '../helpers/server.js';

describe.skipIf(!hasBrowser)('the chat in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  // Two people, two browsers (separate cookies).
  let ada: BrowserContext;
  let bob: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(relaxedLimits), launchBrowser()]);
  });
  afterEach(async () => {
    await Promise.all([ada?.close(), bob?.close()]);
    await resetDatabase(server.database);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Registers through the form, by label and role, and lands in the general room. */
  async function register(context: BrowserContext, nickname: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/register`);
    await page.getByLabel('E-mail').fill(`${nickname.toLowerCase()}@example.com`);
    await page.getByLabel('Nickname').fill(nickname);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'General' }).count()).toBe(1);
    return page;
  }

  const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
  const online = (page: Page) => page.locator('#online-count').textContent();

  it('two people chat: a message appears on both pages, highlighted, and its deletion too', async () => {
    [ada, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const adaPage = await register(ada, 'Ada');
    const bobPage = await register(bob, 'Bob');
    await expect.poll(() => online(adaPage)).toBe('2');
    expect(await adaPage.getByRole('list', { name: 'Online now' }).textContent()).toBe('AdaBob');

    await adaPage.getByLabel('Message', { exact: true }).fill('Hello **Bob**, look:\n```js\nconst answer = 42;\n```');
    await adaPage.getByLabel('Message', { exact: true }).press('Enter');
    const onBob = bobPage.getByRole('listitem', { name: 'Message from Ada' });
    await expect.poll(() => onBob.count()).toBe(1);
    expect(await onBob.locator('strong', { hasText: 'Bob' }).count()).toBe(1);
    expect(await onBob.locator('.hljs-keyword').textContent()).toBe('const');
    // Sent means stored: the composer is emptied once the server has acknowledged it. The acknowledgement and
    // the broadcast to Bob travel separately, so either may arrive first.
    await expect.poll(() => adaPage.getByLabel('Message', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => messages(adaPage).count()).toBe(1);

    // Bob answers; only the author gets a delete button, and deleting removes it from both pages.
    await bobPage.getByLabel('Message', { exact: true }).fill('Hi Ada');
    await bobPage.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => messages(adaPage).count()).toBe(2);
    expect(await bobPage.getByRole('button', { name: /^Delete message/ }).count()).toBe(1);
    await bobPage.getByRole('button', { name: /^Delete message/ }).click();
    await expect.poll(() => adaPage.getByRole('listitem', { name: 'Message from Bob' }).count()).toBe(0);
    await expect.poll(() => messages(bobPage).count()).toBe(1);

    // A refusal from the server is shown, and nothing appears.
    await bobPage.getByLabel('Message', { exact: true }).fill('![only a picture](https://example.com/cat.png)');
    await bobPage.getByLabel('Message', { exact: true }).press('Enter');
    await expect.poll(() => bobPage.locator('#composer-status').textContent()).toBe('The message is empty.');
    expect(await messages(adaPage).count()).toBe(1);

    // Bob closes his tab: Ada sees one person online.
    await bobPage.close();
    await expect.poll(() => online(adaPage)).toBe('1');
  });

  it('while the tab is hidden: the unread count in the title, and a desktop notification', async () => {
    [ada, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    await bob.grantPermissions(['notifications'], { origin: server.url });
    // Records the notifications the page shows (the headless browser draws none).
    await bob.addInitScript(() => {
      const shown: string[] = [];
      const Real = window.Notification;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(`${title}: ${options?.body ?? ''}`);
        }
      }
      Object.assign(window, { Notification: Recorded, shownNotifications: shown });
    });
    const adaPage = await register(ada, 'Ada');
    const bobPage = await register(bob, 'Bob');
    await expect.poll(() => online(adaPage)).toBe('2');
    const title = await bobPage.title();
    expect(title).toBe('General · CatChat');

    // Bob switches to another tab: the page is told as a browser tells it.
    await bobPage.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    for (const text of ['First', 'Second']) {
      await adaPage.getByLabel('Message', { exact: true }).fill(text);
      await adaPage.getByLabel('Message', { exact: true }).press('Enter');
    }
    await expect.poll(() => bobPage.title()).toBe(`(2) ${title}`);
    expect(
      await bobPage.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications),
    ).toEqual(['Message from Ada: First', 'Message from Ada: Second']);
    // Ada's own tab counts nothing: the messages are hers.
    expect(await adaPage.title()).toBe(title);

    await bobPage.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => bobPage.title()).toBe(title);
  });

  it('infinite scroll: older messages load at the top, none twice and none missing, while new ones arrive', async () => {
    [ada, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const adaPage = await register(ada, 'Ada');
    const services = await testServices(server.database);
    const writer = await services.accounts.register({
      email: 'w@example.com',
      nickname: 'Writer',
      password: 'long password',
    });
    const author = { ...writer, isAdmin: false };
    for (let i = 1; i <= 70; i++) await services.messages.post(author, 'general', `old ${i}`);
    await adaPage.reload();
    await expect.poll(() => messages(adaPage).count()).toBe(30);
    const bobPage = await register(bob, 'Bob');

    const toTop = () => adaPage.locator('#scroller').evaluate((scroller) => (scroller.scrollTop = 0));
    await toTop();
    await expect.poll(() => messages(adaPage).count()).toBe(60);
    // Bob writes while Ada scrolls up.
    await bobPage.getByLabel('Message', { exact: true }).fill('new while scrolling');
    await bobPage.getByLabel('Message', { exact: true }).press('Enter');
    await expect.poll(() => messages(adaPage).count()).toBe(61);
    await toTop();
    await expect.poll(() => messages(adaPage).count()).toBe(71);
    expect(await adaPage.getByRole('status').filter({ hasText: 'No more messages.' }).count()).toBe(1);
    const texts = await adaPage.locator('.message-body').allTextContents();
    expect(texts).toEqual([...Array.from({ length: 70 }, (_, i) => `old ${i + 1}`), 'new while scrolling']);
  });

  it('the anonymous room: no account, messages to everyone there', async () => {
    [ada, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [one, two] = await Promise.all([ada.newPage(), bob.newPage()]);
    await Promise.all([one.goto(`${server.url}/anonymous`), two.goto(`${server.url}/anonymous`)]);
    await expect.poll(() => one.getByRole('heading', { name: 'Anonymous' }).count()).toBe(1);
    await one.getByLabel('Message', { exact: true }).fill('Who is there?');
    await one.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => two.getByRole('listitem', { name: 'Message from Anonymous' }).count()).toBe(1);
    expect(await two.locator('.message-body').textContent()).toBe('Who is there?');
  });
});
