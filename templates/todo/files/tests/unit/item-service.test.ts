import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import type { Database } from '../../src/db/client.js';
import { UserRepository } from '../../src/repositories/user-repository.js';
import { ItemRepository } from '../../src/repositories/item-repository.js';
import { demoItems } from '../../src/services/demo-service.js';
import { ItemService } from '../../src/services/item-service.js';
import type { Services } from '../../src/services/index.js';
import { closeTestServices, testServices } from '../helpers/app.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

// The rules of the list, on the real database (PGlite, or PostgreSQL with DATABASE_URL): no mocks.
let database: Database;
let services: Services;

beforeAll(async () => {
  database = await sharedTestDatabase();
  services = await testServices(database);
});
afterEach(() => resetDatabase(database));
afterAll(closeTestServices);

let n = 0;
async function user() {
  const created = await new UserRepository(database.db).create({
    email: `owner${++n}@example.com`,
    name: 'Owner',
    passwordHash: 'not used here',
  });
  return created!.id;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe('ItemService', () => {
  it('lists a user’s items oldest first, a page at a time, with the counts of the whole list', async () => {
    const owner = await user();
    for (const title of ['one', 'two', 'three', 'four', 'five']) await services.items.create(owner, { title });
    const second = await services.items.list(owner, { filter: 'all', page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.title)).toEqual(['three', 'four']);
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
    expect(second.counts).toEqual({ all: 5, active: 5, completed: 0 });
    expect(await code(services.items.list(owner, { filter: 'all', page: 4, pageSize: 2 }))).toBe('not_found');
  });

  it('filters active and completed, and counts them', async () => {
    const owner = await user();
    const [a, b] = [
      await services.items.create(owner, { title: 'a' }),
      await services.items.create(owner, { title: 'b' }),
    ];
    await services.items.update(owner, b.id, { completed: true });
    const active = await services.items.list(owner, { filter: 'active', page: 1, pageSize: 20 });
    const completed = await services.items.list(owner, { filter: 'completed', page: 1, pageSize: 20 });
    expect(active.items.map((item) => item.id)).toEqual([a.id]);
    expect(completed.items.map((item) => item.id)).toEqual([b.id]);
    expect(completed.counts).toEqual({ all: 2, active: 1, completed: 1 });
    // An empty filter is one empty page, not a 404.
    const none = await services.items.list(await user(), { filter: 'completed', page: 1, pageSize: 20 });
    expect(none).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it('never shows, changes or deletes another user’s item: it is not found', async () => {
    const [owner, other] = [await user(), await user()];
    const item = await services.items.create(owner, { title: 'mine' });
    expect(await code(services.items.get(other, item.id))).toBe('not_found');
    expect(await code(services.items.update(other, item.id, { title: 'taken' }))).toBe('not_found');
    expect(await code(services.items.remove(other, item.id))).toBe('not_found');
    await services.items.completeAll(other, true);
    await services.items.clearCompleted(other);
    expect(await services.items.get(owner, item.id)).toMatchObject({ title: 'mine', completed: false });
  });

  it('marks all as complete and back, and clears the completed ones', async () => {
    const owner = await user();
    for (const title of ['a', 'b', 'c']) await services.items.create(owner, { title });
    expect(await services.items.completeAll(owner, true)).toEqual({
      updated: 3,
      counts: { all: 3, active: 0, completed: 3 },
    });
    const [first] = (await services.items.list(owner, { filter: 'all', page: 1, pageSize: 20 })).items;
    await services.items.update(owner, first!.id, { completed: false });
    expect(await services.items.clearCompleted(owner)).toEqual({
      deleted: 2,
      counts: { all: 1, active: 1, completed: 0 },
    });
  });

  it('bounds the list: past the most it holds, a new item is a conflict', async () => {
    const owner = await user();
    const small = new ItemService(new ItemRepository(database.db), 2);
    await small.create(owner, { title: 'a' });
    await small.create(owner, { title: 'b' });
    expect(await code(small.create(owner, { title: 'c' }))).toBe('conflict');
  });

  it('makes demo accounts with sample items in the asker’s language, one of them done', async () => {
    const account = await services.demo.create('zh-CN');
    expect(account.name).toBe('演示用户');
    const tokens = await services.auth.login({ email: account.email, password: account.password });
    expect(tokens.accessToken).toBeTruthy();
    const owner = (await new UserRepository(database.db).findByEmail(account.email))!.id;
    const list = await services.items.list(owner, { filter: 'all', page: 1, pageSize: 20 });
    expect(list.items.map((item) => item.title)).toEqual(demoItems['zh-CN'].map((item) => item.title));
    expect(list.counts).toEqual({ all: 4, active: 3, completed: 1 });
    const another = await services.demo.create('en');
    expect(another.email).not.toBe(account.email);
    expect(another.password).not.toBe(account.password);
  });
});
