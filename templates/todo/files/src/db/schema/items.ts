import { boolean, index, integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** The longest title of a todo: the column, the API's schema and the SPA's input agree on it. */
export const maxTitleLength = 500;

/**
 * A todo item (Todoism's `item`: body, done, author): one user's, never seen by another. Items are listed in the
 * order they were made, which the identity column gives for free (TodoMVC appends new todos at the bottom).
 */
export const items = pgTable(
  'items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: maxTitleLength }).notNull(),
    completed: boolean('completed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every query is "this user's items, in order": one index serves the lists, the counts and the lookups.
  (table) => [index('items_user_id_idx').on(table.userId, table.id)],
);

export type Item = typeof items.$inferSelect;
