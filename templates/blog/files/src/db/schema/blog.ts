import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

/** The blog's author: the one account that can log in to the admin area. */
export const admins = pgTable('admins', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  username: varchar('username', { length: 40 }).notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  name: varchar('name', { length: 60 }).notNull(),
  /** Where new comments are announced; none: no mail. */
  email: varchar('email', { length: 254 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The blog's settings: a single row (id 1), edited in the admin area. */
export const settings = pgTable('settings', {
  id: integer('id').primaryKey(),
  title: varchar('title', { length: 60 }).notNull(),
  subtitle: varchar('subtitle', { length: 120 }).notNull(),
  about: text('about').notNull(),
});

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: varchar('name', { length: 40 }).notNull().unique(),
    slug: varchar('slug', { length: 60 }).notNull().unique(),
    /** The category posts move to when theirs is deleted; exactly one, and it cannot be deleted. */
    isDefault: boolean('is_default').notNull().default(false),
  },
  (table) => [
    uniqueIndex('categories_one_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: varchar('title', { length: 120 }).notNull(),
    /** The permalink: set once from the title, changed only on purpose, so links keep working. */
    slug: varchar('slug', { length: 140 }).notNull().unique(),
    /** Markdown, as the author wrote it. */
    body: text('body').notNull(),
    /** The body rendered to HTML and sanitised when saved: pages show this. */
    bodyHtml: text('body_html').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    canComment: boolean('can_comment').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('posts_created_at_idx').on(table.createdAt.desc(), table.id.desc()),
    index('posts_category_idx').on(table.categoryId),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** An adjacency list: a reply points at the comment it answers; deleting a comment deletes its replies. */
    repliedId: integer('replied_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    author: varchar('author', { length: 30 }).notNull(),
    email: varchar('email', { length: 254 }).notNull(),
    site: varchar('site', { length: 255 }),
    body: varchar('body', { length: 1000 }).notNull(),
    fromAdmin: boolean('from_admin').notNull().default(false),
    /** Visitors' comments wait for the admin's approval before anyone sees them. */
    reviewed: boolean('reviewed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('comments_post_idx').on(table.postId, table.reviewed, table.createdAt),
    index('comments_pending_idx').on(table.reviewed, table.createdAt),
  ],
);

export type Admin = typeof admins.$inferSelect;
export type Settings = typeof settings.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
