import { index, integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** A guestbook message. The limits here are the ones the form schema enforces (src/schemas/message.ts). */
export const messages = pgTable(
  'messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: varchar('name', { length: 20 }).notNull(),
    body: varchar('body', { length: 200 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('messages_created_at_idx').on(table.createdAt.desc(), table.id.desc())],
);

export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
