import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import type { Services } from '../../src/services/index.js';
import { blogWithAdmin, writePost } from '../helpers/blog.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
let services: Services;
beforeAll(async () => {
  database = await sharedTestDatabase();
});
afterEach(() => resetDatabase(database));
const fresh = async () => (services = await blogWithAdmin(database));

describe('PostService', () => {
  it('makes the slug from the title, unique, and renders the body', async () => {
    await fresh();
    const first = await writePost(services, 'Hello, World!', 'Some *text*.');
    const second = await writePost(services, 'Hello world');
    expect(first.slug).toBe('hello-world');
    expect(second.slug).toBe('hello-world-2');
    expect(first.bodyHtml).toBe('<p>Some <em>text</em>.</p>\n');
  });

  it('keeps the slug when the title changes, and changes it only when asked', async () => {
    await fresh();
    const post = await writePost(services, 'First title');
    const input = { title: 'A new title', body: 'b', categoryId: post.categoryId };
    expect((await services.posts.update(post.id, input)).slug).toBe('first-title');
    expect((await services.posts.update(post.id, { ...input, slug: 'My Own Slug' })).slug).toBe('my-own-slug');
  });

  it('refuses an unknown category and answers 404 for an unknown post', async () => {
    await fresh();
    await expect(services.posts.create({ title: 't', body: 'b', categoryId: 999 })).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(services.posts.bySlug('nothing-here')).rejects.toMatchObject({ code: 'not_found' });
  });

  it("pages newest first, and a category's page only has its posts", async () => {
    await fresh();
    const other = await services.categories.create({ name: 'Travel' });
    for (let i = 1; i <= 7; i++) await writePost(services, `Post ${i}`, 'b', i % 2 ? other.id : undefined);
    const first = await services.posts.page(1);
    expect(first).toMatchObject({ total: 7, pageCount: 2 });
    expect(first.items[0]?.title).toBe('Post 7');
    const travel = await services.posts.page(1, (await services.categories.bySlug('travel')).id);
    expect(travel.items.map((post) => post.title)).toEqual(['Post 7', 'Post 5', 'Post 3', 'Post 1']);
    await expect(services.categories.bySlug('no-such-category')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('deletes a post with its comments', async () => {
    await fresh();
    const post = await writePost(services, 'Doomed');
    await services.comments.add(post.slug, { author: 'A', email: 'a@example.com', body: 'hi' }, true);
    await services.posts.delete(post.id);
    await expect(services.posts.byId(post.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await services.comments.page('all', 1)).total).toBe(0);
  });
});
