import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { blogWithAdmin, writePost } from '../helpers/blog.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
beforeAll(async () => {
  database = await sharedTestDatabase();
});
afterEach(() => resetDatabase(database));

describe('CategoryService', () => {
  it('refuses a second category with the same name (or slug)', async () => {
    const services = await blogWithAdmin(database);
    await services.categories.create({ name: 'Travel' });
    await expect(services.categories.create({ name: 'Travel' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(services.categories.create({ name: 'travel!' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('renames, and the slug follows', async () => {
    const services = await blogWithAdmin(database);
    const travel = await services.categories.create({ name: 'Travel' });
    await services.categories.rename(travel.id, { name: 'Trips abroad' });
    expect((await services.categories.byId(travel.id)).slug).toBe('trips-abroad');
  });

  it('deleting a category moves its posts to the default one', async () => {
    const services = await blogWithAdmin(database);
    const fallback = await services.categories.defaultCategory();
    const travel = await services.categories.create({ name: 'Travel' });
    const post = await writePost(services, 'A trip', 'b', travel.id);
    await services.categories.delete(travel.id);
    expect((await services.posts.byId(post.id)).categoryId).toBe(fallback.id);
    await expect(services.categories.byId(travel.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('never deletes the default category', async () => {
    const services = await blogWithAdmin(database);
    const fallback = await services.categories.defaultCategory();
    await expect(services.categories.delete(fallback.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists categories with their number of posts', async () => {
    const services = await blogWithAdmin(database);
    const travel = await services.categories.create({ name: 'Travel' });
    await writePost(services, 'One', 'b', travel.id);
    await writePost(services, 'Two', 'b', travel.id);
    const counts = Object.fromEntries((await services.categories.list()).map((c) => [c.name, c.postCount]));
    expect(counts).toEqual({ Travel: 2, Default: 0 });
  });
});
