import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../core/permissions.js';

/** PostgreSQL's full-text document type; drizzle has no built-in column for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The searchable text of a row, segmented by the app (src/core/search-text.ts: Chinese is split into words,
 * which PostgreSQL's parser cannot do), and the tsvector PostgreSQL derives from it, kept in step by the
 * database itself (a generated column), indexed with GIN for ranked search.
 */
const searchable = () => ({
  searchText: text('search_text').notNull().default(''),
  searchVector: tsvector('search_vector')
    .notNull()
    .generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
});

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: varchar('username', { length: 30 }).notNull(),
    email: varchar('email', { length: 254 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    name: varchar('name', { length: 40 }).notNull(),
    bio: varchar('bio', { length: 200 }).notNull().default(''),
    website: varchar('website', { length: 255 }).notNull().default(''),
    location: varchar('location', { length: 60 }).notNull().default(''),
    role: varchar('role', { length: 20 }).$type<Role>().notNull().default('user'),
    /** The e-mail address was confirmed with the link mailed at registration. */
    confirmed: boolean('confirmed').notNull().default(false),
    /** false: blocked by an administrator; the account cannot log in. */
    active: boolean('active').notNull().default(true),
    /** The avatar's three sizes (file names in the upload store): the generated one until the user uploads one. */
    avatarS: varchar('avatar_s', { length: 64 }),
    avatarM: varchar('avatar_m', { length: 64 }),
    avatarL: varchar('avatar_l', { length: 64 }),
    notifyOnFollow: boolean('notify_on_follow').notNull().default(true),
    notifyOnComment: boolean('notify_on_comment').notNull().default(true),
    notifyOnCollect: boolean('notify_on_collect').notNull().default(true),
    /** Whether others may see what this user collected. */
    publicCollections: boolean('public_collections').notNull().default(true),
    ...searchable(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Unique regardless of case: "Ada" and "ada" are the same person to the people typing them.
    uniqueIndex('users_username_key').on(sql`lower(${table.username})`),
    uniqueIndex('users_email_key').on(sql`lower(${table.email})`),
    index('users_search_idx').using('gin', table.searchVector),
    check('users_role_check', sql`${table.role} in ('locked', 'user', 'moderator', 'administrator')`),
  ],
);

export const photos = pgTable(
  'photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    description: varchar('description', { length: 500 }).notNull().default(''),
    /** The re-encoded original and its 800 px and 400 px variants, in the upload store. */
    filename: varchar('filename', { length: 64 }).notNull(),
    filenameM: varchar('filename_m', { length: 64 }).notNull(),
    filenameS: varchar('filename_s', { length: 64 }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    canComment: boolean('can_comment').notNull().default(true),
    ...searchable(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('photos_author_idx').on(table.authorId, table.id),
    index('photos_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('photos_search_idx').using('gin', table.searchVector),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: varchar('name', { length: 30 }).notNull(),
    ...searchable(),
  },
  (table) => [
    uniqueIndex('tags_name_key').on(sql`lower(${table.name})`),
    index('tags_search_idx').using('gin', table.searchVector),
  ],
);

/** Many-to-many: a photo has tags, a tag has photos. */
export const photoTags = pgTable(
  'photo_tags',
  {
    photoId: integer('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.photoId, table.tagId] }), index('photo_tags_tag_idx').on(table.tagId)],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    photoId: integer('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A reply points at the comment it answers; deleting a comment deletes its replies. */
    repliedId: integer('replied_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    body: varchar('body', { length: 500 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('comments_photo_idx').on(table.photoId, table.id), index('comments_author_idx').on(table.authorId)],
);

/** Collecting (favouriting) a photo: an association with its own column (when), like Albumy's Collect model. */
export const collects = pgTable(
  'collects',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    photoId: integer('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.photoId] }), index('collects_photo_idx').on(table.photoId)],
);

/** A self-referential many-to-many: users follow users. */
export const follows = pgTable(
  'follows',
  {
    followerId: integer('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followedId: integer('followed_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.followerId, table.followedId] }),
    index('follows_followed_idx').on(table.followedId),
    check('follows_not_self', sql`${table.followerId} <> ${table.followedId}`),
  ],
);

export type NotificationKind = 'follow' | 'comment' | 'collect';

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    receiverId: integer('receiver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 10 }).$type<NotificationKind>().notNull(),
    /** Who followed, commented or collected. */
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    photoId: integer('photo_id').references(() => photos.id, { onDelete: 'cascade' }),
    isRead: boolean('is_read').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('notifications_receiver_idx').on(table.receiverId, table.isRead, table.id)],
);

/** A photo reported as inappropriate, waiting for a moderator. */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    photoId: integer('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: varchar('reason', { length: 200 }).notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('reports_once_key').on(table.photoId, table.reporterId)],
);

export type User = typeof users.$inferSelect;
export type Photo = typeof photos.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Report = typeof reports.$inferSelect;
