import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import type { PublicUser } from '../../src/services/account-service.js';
import { messagesPerPage, type Services } from '../../src/services/index.js';
import { closeTestServices, testServices } from '../helpers/app.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
let services: Services;
let ada: PublicUser;
let bob: PublicUser;

beforeAll(async () => {
  database = await sharedTestDatabase();
  services = await testServices(database);
});
const people = async () => {
  const make = async (email: string, nickname: string, isAdmin = false) => {
    const user = await services.accounts.register({ email, nickname, password: 'a long enough password' });
    return { id: user.id, nickname, avatarHash: user.avatarHash, isAdmin };
  };
  ada = await make('ada@example.com', 'Ada');
  bob = await make('bob@example.com', 'Bob');
};
afterEach(async () => resetDatabase(database));
afterAll(closeTestServices);

describe('MessageService', () => {
  it('stores a message with its rendered HTML and author', async () => {
    await people();
    const message = await services.messages.post(ada, 'general', 'Hi `code`');
    expect(message).toMatchObject({
      room: 'general',
      html: '<p>Hi <code>code</code></p>',
      author: { id: ada.id, nickname: 'Ada', avatarHash: ada.avatarHash },
    });
    expect(new Date(message.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses an unknown room and a message that renders to nothing', async () => {
    await people();
    await expect(services.messages.post(ada, 'nowhere', 'hi')).rejects.toMatchObject({ code: 'not_found' });
    await expect(services.messages.post(ada, 'general', '![](https://example.com/x.png)')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(services.messages.history('nowhere')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pages by cursor: no message twice and none missed while new ones arrive', async () => {
    await people();
    const total = messagesPerPage * 2 + 3;
    for (let i = 1; i <= total; i++) await services.messages.post(i % 2 ? ada : bob, 'general', `m${i}`);
    await services.messages.post(ada, 'coders', 'another room');
    const seen: string[] = [];
    let page = await services.messages.history('general');
    seen.push(...page.messages.map((message) => message.html));
    while (page.before !== null) {
      // Someone writes while the reader scrolls up: the pages below are not shifted by it.
      await services.messages.post(bob, 'general', 'written meanwhile');
      page = await services.messages.history('general', page.before);
      seen.push(...page.messages.map((message) => message.html));
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `<p>m${total - i}</p>`));
  });

  it('catches up from a message id, oldest first, and says when more than a page was missed', async () => {
    await people();
    const first = await services.messages.post(ada, 'general', 'first');
    for (let i = 0; i < 3; i++) await services.messages.post(bob, 'general', `after ${i}`);
    const missed = await services.messages.since('general', first.id as number);
    expect(missed).toMatchObject({
      complete: true,
      messages: [{ html: '<p>after 0</p>' }, {}, { html: '<p>after 2</p>' }],
    });
    for (let i = 0; i < messagesPerPage; i++) await services.messages.post(bob, 'general', `more ${i}`);
    const many = await services.messages.since('general', first.id as number);
    expect(many.complete).toBe(false);
    expect(many.messages).toHaveLength(messagesPerPage);
  });

  it('deletes for the author or an admin only', async () => {
    await people();
    const message = await services.messages.post(ada, 'general', 'mine');
    const id = message.id as number;
    await expect(services.messages.remove(bob, id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await services.messages.remove({ ...bob, isAdmin: true }, id)).toEqual({ id, room: 'general' });
    await expect(services.messages.remove(ada, id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('anonymous messages are rendered the same way, get an id of their own, and are not stored', async () => {
    const one = services.messages.anonymous('**hi**');
    expect(one).toMatchObject({
      room: 'anonymous',
      html: '<p><strong>hi</strong></p>',
      author: { id: null, nickname: 'Anonymous' },
    });
    expect(services.messages.anonymous('hi').id).not.toBe(one.id);
    expect((await services.messages.history('general')).messages).toEqual([]);
  });
});

describe('AccountService', () => {
  it('links a provider account by the provider id, once, even when two sign-ins race', async () => {
    const profile = { provider: 'github', id: '4242', nickname: 'octocat' };
    const [first, second] = await Promise.all([
      services.accounts.signInWithProvider(profile),
      services.accounts.signInWithProvider(profile),
    ]);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ email: null, passwordHash: null, nickname: 'octocat' });
    expect((await services.accounts.signInWithProvider({ ...profile, id: '4243' })).id).not.toBe(first.id);
  });

  it('an account made through a provider cannot be signed into with a password', async () => {
    await services.accounts.signInWithProvider({ provider: 'github', id: '1', nickname: '' });
    expect(await services.accounts.authenticate('', '')).toBeUndefined();
  });

  it('saveAdmin makes an admin, or promotes an account and gives it a new password', async () => {
    await services.accounts.register({ email: 'ada@example.com', nickname: 'Ada', password: 'first password' });
    const admin = await services.accounts.saveAdmin({
      email: 'ADA@example.com',
      nickname: 'Ada',
      password: 'second password',
    });
    expect(admin.isAdmin).toBe(true);
    expect(await services.accounts.authenticate('ada@example.com', 'first password')).toBeUndefined();
    expect(await services.accounts.authenticate('ada@example.com', 'second password')).toMatchObject({ isAdmin: true });
    expect(
      (await services.accounts.saveAdmin({ email: 'new@example.com', nickname: 'New', password: 'a password' }))
        .isAdmin,
    ).toBe(true);
  });
});
