import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/**
 * People who can chat. An account has a password, a linked third-party account (OAuth), or both. The e-mail is
 * optional: a provider may keep it private, and an account made through a provider has none of its own.
 */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 254 }).unique(),
  nickname: varchar('nickname', { length: 30 }).notNull(),
  /** null for an account that signs in through a provider only. */
  passwordHash: text('password_hash'),
  /** md5 of the lower-cased e-mail, as Gravatar computes it (or of the provider's id): the avatar's seed. */
  avatarHash: varchar('avatar_hash', { length: 32 }).notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A third-party account linked to a user, by the provider's own id for that person (never by e-mail). */
export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    id: serial('id').primaryKey(),
    provider: varchar('provider', { length: 30 }).notNull(),
    providerUserId: varchar('provider_user_id', { length: 100 }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('oauth_accounts_provider_user_idx').on(table.provider, table.providerUserId)],
);

/** A message in a room: the Markdown as written and the sanitised HTML it renders to (rendered once, on write). */
export const messages = pgTable(
  'messages',
  {
    id: serial('id').primaryKey(),
    room: varchar('room', { length: 30 }).notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    html: text('html').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // History pages walk one room by id: (room, id) answers "the 30 before id N in room R" from the index alone.
  (table) => [index('messages_room_id_idx').on(table.room, table.id)],
);

export type User = typeof users.$inferSelect;
export type Message = typeof messages.$inferSelect;
