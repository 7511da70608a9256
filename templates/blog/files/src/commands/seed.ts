/**
 * `npm run db:seed [-- --posts 30]`: fills the blog with fake categories, posts and comments with replies
 * (Faker), and an admin when there is none yet — its password is printed once. The book's `flask forge`.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import { z } from 'zod';
import { renderMarkdown } from '../core/markdown.js';
import { slugify } from '../core/slug.js';
import type { Db } from '../db/client.js';
import { runCommand } from './command.js';
import { categories, comments, posts } from '../db/schema/index.js';
import type { Services } from '../services/index.js';

export interface SeedResult {
  posts: number;
  comments: number;
  /** Set when an admin was created: its username and password. */
  admin?: { username: string; password: string };
}

/**
 * The admin and the settings go through the services (the password is hashed there); the fake posts and comments
 * are written in bulk, back-dated over the last months, so that the pages have a history to page through.
 */
export async function seed(services: Services, db: Db, postCount: number): Promise<SeedResult> {
  const result: SeedResult = { posts: 0, comments: 0 };
  if (!(await services.auth.hasAdmin())) {
    const password = randomBytes(9).toString('base64url');
    await services.auth.saveAdmin({ username: 'admin', password, name: 'Admin' });
    result.admin = { username: 'admin', password };
  }
  await services.settings.update({
    title: 'Notes',
    subtitle: faker.company.catchPhrase().slice(0, 120),
    about: faker.lorem.paragraphs(2),
  });

  const names = ['Default', ...new Set(Array.from({ length: 5 }, () => faker.word.noun()))];
  const created = await db
    .insert(categories)
    .values(names.map((name, index) => ({ name, slug: slugify(name), isDefault: index === 0 })))
    .onConflictDoNothing()
    .returning();
  const categoryIds = (created.length > 0 ? created : await db.select().from(categories)).map((c) => c.id);

  for (let i = 0; i < postCount; i++) {
    const title = faker.lorem.sentence({ min: 3, max: 8 }).replace(/\.$/, '');
    const body = [faker.lorem.paragraphs(2), `## ${faker.lorem.words(3)}`, faker.lorem.paragraphs(3)].join('\n\n');
    const [post] = await db
      .insert(posts)
      .values({
        title,
        slug: `${slugify(title)}-${randomBytes(3).toString('hex')}`,
        body,
        bodyHtml: renderMarkdown(body),
        categoryId: faker.helpers.arrayElement(categoryIds),
        createdAt: faker.date.recent({ days: 120 }),
      })
      .returning();
    if (!post) continue;
    result.posts += 1;
    const commentRows = Array.from({ length: faker.number.int({ min: 0, max: 5 }) }, () => fakeComment(post.id));
    if (commentRows.length === 0) continue;
    const made = await db.insert(comments).values(commentRows).returning({ id: comments.id });
    const replies = made.slice(0, 2).map(({ id }) => ({ ...fakeComment(post.id), repliedId: id }));
    if (replies.length > 0) await db.insert(comments).values(replies);
    result.comments += made.length + replies.length;
  }
  return result;
}

function fakeComment(postId: number) {
  return {
    postId,
    author: faker.person.firstName().slice(0, 30),
    email: faker.internet.email(),
    site: faker.datatype.boolean() ? faker.internet.url() : null,
    body: faker.lorem.sentences({ min: 1, max: 3 }).slice(0, 1000),
    // Most are approved; a few wait, so the moderation page has something to show.
    reviewed: faker.number.float() < 0.8,
    createdAt: faker.date.recent({ days: 30 }),
  };
}

const postsOption = z.coerce.number().int().min(1).max(1000);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCommand(
    () => {
      const { values } = parseArgs({ options: { posts: { type: 'string', default: '30' } } });
      const count = postsOption.safeParse(values.posts);
      if (!count.success) throw new Error(`--posts must be a whole number from 1 to 1000, not "${values.posts}".`);
      return count.data;
    },
    async (count, { services, database }) => {
      const result = await seed(services, database.db, count);
      console.log(`Added ${result.posts} posts and ${result.comments} comments (${database.kind}).`);
      if (result.admin) {
        console.log(
          `Created the admin: log in at /login as “${result.admin.username}” with “${result.admin.password}”.`,
        );
      }
    },
  );
}
