import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/tokens.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { type RunningServer, startServer } from '../helpers/server.js';
import { buildSpa } from '../helpers/spa-build.js';

// The production build of the SPA (dist/web), served by the API process as in production, in the system's
// Chromium. Found by label and role, as a person (or a screen reader) finds things; TodoMVC's class names are
// checked too, since they are part of its specification.

const jwtSecret = randomBytes(32).toString('base64url');
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

interface Account {
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let accounts = 0;
/** A new account with an empty list, made over HTTP like any client would. */
async function newAccount(): Promise<Account> {
  const email = `e2e-${++accounts}-${Date.now()}@example.com`;
  const password = 'a long passphrase';
  const registered = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: `Tester ${accounts}`, password }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
  const token = await fetch(`${server.url}/api/v1/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username: email, password }),
  });
  const pair = (await token.json()) as { access_token: string; refresh_token: string };
  return { email, password, accessToken: pair.access_token, refreshToken: pair.refresh_token };
}

/** The app in a fresh browser profile (its own storage) speaking `locale`, signed in as `account` if given. */
async function open(locale: 'en-US' | 'zh-CN' = 'en-US', account?: Account, hash = '') {
  context = await browser.newContext({ locale });
  if (account) {
    const session = JSON.stringify({ accessToken: account.accessToken, refreshToken: account.refreshToken });
    // Before the app's scripts, and only once: a reload keeps what the app itself stored since.
    await context.addInitScript((value) => {
      if (!localStorage.getItem('todo.session')) localStorage.setItem('todo.session', value);
    }, session);
  }
  page = await context.newPage();
  await page.goto(`${server.url}/${hash}`);
  return page;
}

/** What the server holds for an account: the list the API gives it. */
async function stored(account: Account) {
  const refreshed = await fetch(`${server.url}/api/v1/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username: account.email, password: account.password }),
  });
  const { access_token: token } = (await refreshed.json()) as { access_token: string };
  const list = await fetch(`${server.url}/api/v1/user/items?pageSize=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await list.json()) as { items: { id: number; title: string; completed: boolean }[] }).items;
}

const newTodo = () => page.getByRole('textbox', { name: 'New todo' });
const items = () => page.locator('ul.todo-list > li');
const titles = () => items().locator('label').allTextContents();
const count = () => page.locator('span.todo-count').textContent();
const classes = async () => Promise.all((await items().all()).map((item) => item.getAttribute('class')));

async function add(...todos: string[]) {
  for (const todo of todos) {
    await newTodo().fill(todo);
    await newTodo().press('Enter');
  }
  await expect.poll(() => items().count()).toBeGreaterThanOrEqual(todos.length);
}

const TODO_ONE = 'buy some cheese';
const TODO_TWO = 'feed the cat';
const TODO_THREE = 'book a doctors appointment';

async function withThree() {
  await open('en-US', await newAccount());
  await add(TODO_ONE, TODO_TWO, TODO_THREE);
  await expect.poll(() => count()).toBe('3 items left');
}

describe.skipIf(!hasBrowser)('the todo app in a browser', () => {
  beforeAll(async () => {
    buildSpa();
    [server, browser] = await Promise.all([
      startServer({ JWT_SECRET: jwtSecret, AUTH_RATE_LIMIT: '100000', RATE_LIMIT: '100000' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  describe('TodoMVC, in English', () => {
    it('focuses the new-todo field when the page opens; with no todos, hides the list and the footer', async () => {
      await open('en-US', await newAccount());
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('new-todo');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('todos');
      expect(await newTodo().getAttribute('placeholder')).toBe('What needs to be done?');
      await expect.poll(() => page.getByRole('status').count()).toBe(0);
      expect(await items().count()).toBe(0);
      expect(await page.locator('section.main').count()).toBe(0);
      expect(await page.locator('footer.footer').count()).toBe(0);
    });

    it('adds todos on Enter, at the bottom, trimmed; clears the field; ignores an empty one; shows main and footer', async () => {
      await open('en-US', await newAccount());
      await add(TODO_ONE);
      expect(await newTodo().inputValue()).toBe('');
      await newTodo().fill(`   ${TODO_TWO}  `);
      await newTodo().press('Enter');
      await newTodo().fill('    ');
      await newTodo().press('Enter');
      await add(TODO_THREE);
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_TWO, TODO_THREE]);
      expect(await page.locator('section.main').isVisible()).toBe(true);
      expect(await page.locator('footer.footer').isVisible()).toBe(true);
    });

    it('marks all as complete, and clears the complete state of all', async () => {
      await withThree();
      await page.getByLabel('Mark all as complete').check();
      await expect.poll(() => classes()).toEqual(['completed', 'completed', 'completed']);
      await page.getByLabel('Mark all as complete').uncheck();
      await expect.poll(() => page.locator('ul.todo-list > li.completed').count()).toBe(0);
    });

    it('"Mark all as complete" follows the items: checked when all are, unchecked when one is not', async () => {
      await withThree();
      const toggleAll = page.getByLabel('Mark all as complete');
      for (const todo of [TODO_ONE, TODO_TWO, TODO_THREE]) await page.getByRole('checkbox', { name: todo }).check();
      await expect.poll(() => toggleAll.isChecked()).toBe(true);
      await page.getByRole('checkbox', { name: TODO_ONE }).uncheck();
      await expect.poll(() => toggleAll.isChecked()).toBe(false);
    });

    it('marks items as complete and un-marks them', async () => {
      await withThree();
      await page.getByRole('checkbox', { name: TODO_ONE }).check();
      await expect.poll(() => items().nth(0).getAttribute('class')).toBe('completed');
      expect(await items().nth(1).getAttribute('class')).toBeNull();
      await page.getByRole('checkbox', { name: TODO_ONE }).uncheck();
      await expect.poll(() => items().nth(0).getAttribute('class')).toBeNull();
    });

    it('edits on double-click, hiding the other controls; saves on Enter and on blur, trimmed', async () => {
      const account = await newAccount();
      await open('en-US', account);
      await add(TODO_ONE, TODO_TWO, TODO_THREE);
      await page.getByText(TODO_TWO, { exact: true }).dblclick();
      const field = page.getByRole('textbox', { name: 'Edit todo' });
      expect(await field.inputValue()).toBe(TODO_TWO);
      expect(await items().nth(1).getAttribute('class')).toBe('editing');
      expect(await items().nth(1).locator('.toggle').isVisible()).toBe(false);
      expect(await items().nth(1).locator('label').isVisible()).toBe(false);
      await field.fill('    buy some sausages    ');
      await field.press('Enter');
      await expect.poll(() => titles()).toEqual([TODO_ONE, 'buy some sausages', TODO_THREE]);

      await page.getByText(TODO_THREE, { exact: true }).dblclick();
      await page.getByRole('textbox', { name: 'Edit todo' }).fill('book a dentist');
      await newTodo().click(); // the edit field loses the focus
      await expect.poll(() => titles()).toEqual([TODO_ONE, 'buy some sausages', 'book a dentist']);
      await expect
        .poll(async () => (await stored(account)).map((item) => item.title))
        .toEqual([TODO_ONE, 'buy some sausages', 'book a dentist']);
    });

    it('removes the item when the edit is empty; cancels the edit on Escape', async () => {
      const account = await newAccount();
      await open('en-US', account);
      await add(TODO_ONE, TODO_TWO, TODO_THREE);
      await page.getByText(TODO_TWO, { exact: true }).dblclick();
      await page.getByRole('textbox', { name: 'Edit todo' }).fill('  ');
      await page.getByRole('textbox', { name: 'Edit todo' }).press('Enter');
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_THREE]);

      await page.getByText(TODO_ONE, { exact: true }).dblclick();
      await page.getByRole('textbox', { name: 'Edit todo' }).fill('foo');
      await page.getByRole('textbox', { name: 'Edit todo' }).press('Escape');
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_THREE]);
      await expect.poll(async () => (await stored(account)).map((item) => item.title)).toEqual([TODO_ONE, TODO_THREE]);
    });

    it('counts what is left: 1 item left, 2 items left', async () => {
      await open('en-US', await newAccount());
      await add(TODO_ONE);
      await expect.poll(() => count()).toBe('1 item left');
      expect(await page.locator('span.todo-count strong').textContent()).toBe('1');
      await add(TODO_TWO);
      await expect.poll(() => count()).toBe('2 items left');
    });

    it('"Clear completed" is shown when something is completed, removes it, and is hidden again', async () => {
      const account = await newAccount();
      await open('en-US', account);
      await add(TODO_ONE, TODO_TWO, TODO_THREE);
      const clear = page.getByRole('button', { name: 'Clear completed' });
      expect(await clear.count()).toBe(0);
      await page.getByRole('checkbox', { name: TODO_TWO }).check();
      await clear.click();
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_THREE]);
      expect(await clear.count()).toBe(0);
      await expect.poll(async () => (await stored(account)).map((item) => item.title)).toEqual([TODO_ONE, TODO_THREE]);
    });

    it('deletes an item with its delete button (shown on hover)', async () => {
      await withThree();
      await items().nth(0).hover();
      await page.getByRole('button', { name: `Delete “${TODO_ONE}”` }).click();
      await expect.poll(() => titles()).toEqual([TODO_TWO, TODO_THREE]);
    });

    it('keeps its data on the server: a reload shows the same list and states', async () => {
      const account = await newAccount();
      await open('en-US', account);
      await add(TODO_ONE, TODO_TWO);
      await page.getByRole('checkbox', { name: TODO_ONE }).check();
      await expect.poll(async () => (await stored(account)).map((item) => item.completed)).toEqual([true, false]);
      await page.reload();
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_TWO]);
      expect(await page.getByRole('checkbox', { name: TODO_ONE }).isChecked()).toBe(true);
    });

    it('routes: #/active, #/completed, #/ with the current filter highlighted, and the back button', async () => {
      await withThree();
      await page.getByRole('checkbox', { name: TODO_TWO }).check();
      const selected = () => page.locator('ul.filters a.selected').textContent();
      expect(await selected()).toBe('All');

      await page.getByRole('link', { name: 'Active' }).click();
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_THREE]);
      expect(page.url()).toMatch(/#\/active$/);
      expect(await selected()).toBe('Active');
      // An item completed while "Active" is shown leaves the list (click: check() would wait to see it checked).
      await page.getByRole('checkbox', { name: TODO_ONE }).click();
      await expect.poll(() => titles()).toEqual([TODO_THREE]);

      await page.getByRole('link', { name: 'Completed' }).click();
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_TWO]);
      expect(await selected()).toBe('Completed');

      await page.goBack();
      await expect.poll(() => titles()).toEqual([TODO_THREE]);
      expect(await selected()).toBe('Active');

      await page.getByRole('link', { name: 'All' }).click();
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_TWO, TODO_THREE]);
      // The filter survives a reload.
      await page.getByRole('link', { name: 'Completed' }).click();
      await page.reload();
      await expect.poll(() => titles()).toEqual([TODO_ONE, TODO_TWO]);
    });
  });

  describe('in 简体中文', () => {
    it('is detected from the browser: the whole UI, the counter, the filters and the dates in Chinese', async () => {
      await open('zh-CN', await newAccount());
      const field = page.getByRole('textbox', { name: '新的待办事项' });
      await expect.poll(() => field.getAttribute('placeholder')).toBe('接下来要做什么？');
      expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
      for (const todo of ['买奶酪', '喂猫']) {
        await field.fill(todo);
        await field.press('Enter');
      }
      await expect.poll(() => count()).toBe('还剩 2 项');
      await page.getByRole('checkbox', { name: '喂猫' }).check();
      await expect.poll(() => count()).toBe('还剩 1 项');
      await page.getByRole('link', { name: '已完成' }).click();
      await expect.poll(() => titles()).toEqual(['喂猫']);
      await page.getByRole('button', { name: '清除已完成' }).click();
      await page.getByRole('link', { name: '全部' }).click();
      await expect.poll(() => titles()).toEqual(['买奶酪']);
      expect(await page.getByText('买奶酪', { exact: true }).getAttribute('title')).toMatch(
        /^添加于 \d{4}年\d{1,2}月\d{1,2}日/,
      );
      await page.getByText('买奶酪', { exact: true }).dblclick();
      await page.getByRole('textbox', { name: '编辑待办事项' }).press('Escape');
      expect(await page.getByRole('checkbox', { name: '全部标记为已完成' }).count()).toBe(1);
    });

    it('switches language in the UI and remembers it', async () => {
      await open('en-US', await newAccount());
      await add(TODO_ONE, TODO_TWO);
      await page.getByLabel('Language · 语言').selectOption('简体中文');
      await expect.poll(() => count()).toBe('还剩 2 项');
      expect(await page.getByRole('link', { name: '未完成' }).count()).toBe(1);
      await page.reload();
      await expect.poll(() => count()).toBe('还剩 2 项');
      await page.getByLabel('语言 · Language').selectOption('English');
      await expect.poll(() => count()).toBe('2 items left');
    });

    it('undoes a change the API refuses, and shows why, in Chinese', async () => {
      const account = await newAccount();
      await open('zh-CN', account);
      const field = page.getByRole('textbox', { name: '新的待办事项' });
      await field.fill('别人删掉了它');
      await field.press('Enter');
      await expect.poll(async () => (await stored(account)).length).toBe(1);
      const [item] = await stored(account);
      // Deleted behind the app's back (another tab, another device): the app does not know yet.
      await fetch(`${server.url}/api/v1/user/items/${item!.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${account.accessToken}` },
      });
      const toggle = page.getByRole('checkbox', { name: '别人删掉了它' });
      // click, not check(): the change may be undone before check() looks at the box again.
      await toggle.click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(`更改未保存：没有编号为 ${item!.id} 的待办事项。`);
      await expect.poll(() => toggle.isChecked()).toBe(false);
      await alert.getByRole('button', { name: '关闭' }).click();
      expect(await alert.count()).toBe(0);
    });
  });

  describe('accounts and tokens', () => {
    it('a demo account in one click: four sample todos, one of them done', async () => {
      await open('en-US');
      await page.getByRole('button', { name: 'Try a demo account' }).click();
      await expect.poll(() => items().count()).toBe(4);
      expect(await count()).toBe('3 items left');
      expect(await page.locator('ul.todo-list > li.completed label').textContent()).toBe('Try the demo account');
      await expect.poll(() => page.getByText(/^Signed in as Demo/).count()).toBe(1);
    });

    it('signs up, signs out, refuses a wrong password, signs in again', async () => {
      await open('en-US');
      const signUp = page.getByRole('form', { name: 'Create an account' });
      const email = `signup-${Date.now()}@example.com`;
      await signUp.getByLabel('Name').fill('Ada');
      await signUp.getByLabel('Email').fill(email);
      await signUp.getByLabel('Password (8 characters or more)').fill('a long passphrase');
      await signUp.getByRole('button', { name: 'Create account' }).click();
      await add(TODO_ONE);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('You have signed out.');

      const signIn = page.getByRole('form', { name: 'Sign in' });
      await signIn.getByLabel('Email').fill(email);
      await signIn.getByLabel('Password').fill('not the passphrase');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong e-mail or password.');
      await signIn.getByLabel('Password').fill('a long passphrase');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => titles()).toEqual([TODO_ONE]);
    });

    it('keeps working when the access token expires mid-session: it refreshes once and retries', async () => {
      const account = await newAccount();
      await open('en-US', account);
      await add(TODO_ONE);
      await expect.poll(async () => (await stored(account)).length).toBe(1);
      // The access token expires (one signed an hour ago for this user, as the server would have).
      const { sub } = JSON.parse(Buffer.from(account.accessToken.split('.')[1]!, 'base64url').toString()) as {
        sub: string;
      };
      const expired = await new AccessTokens(jwtSecret, 60).sign(
        { userId: Number(sub), role: 'user' },
        new Date(Date.now() - 3600_000),
      );
      await page.evaluate((token) => {
        const session = JSON.parse(localStorage.getItem('todo.session')!) as { accessToken: string };
        localStorage.setItem('todo.session', JSON.stringify({ ...session, accessToken: token }));
      }, expired);

      await add(TODO_TWO);
      await expect.poll(async () => (await stored(account)).map((item) => item.title)).toEqual([TODO_ONE, TODO_TWO]);
      const session = await page.evaluate(
        () => JSON.parse(localStorage.getItem('todo.session')!) as { accessToken: string; refreshToken: string },
      );
      expect(session.accessToken).not.toBe(expired);
      expect(session.refreshToken).not.toBe(account.refreshToken);
      expect(await page.getByRole('alert').count()).toBe(0);
    });

    it('signs out cleanly when the refresh fails too', async () => {
      const account = await newAccount();
      await open('en-US', account);
      await add(TODO_ONE);
      await page.evaluate(() =>
        localStorage.setItem('todo.session', JSON.stringify({ accessToken: 'expired', refreshToken: 'revoked' })),
      );
      await newTodo().fill(TODO_TWO);
      await newTodo().press('Enter');
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Your session has ended. Please sign in again.');
      expect(await page.getByRole('form', { name: 'Sign in' }).isVisible()).toBe(true);
      expect(await page.evaluate(() => localStorage.getItem('todo.session'))).toBeNull();
      expect((await stored(account)).map((item) => item.title)).toEqual([TODO_ONE]);
    });
  });
});
