import { relations } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** A conversation of one user with the bot. `updatedAt` moves with every message: lists are newest first. */
export const conversations = pgTable(
  'conversations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 120 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('conversations_user_updated_idx').on(table.userId, table.updatedAt.desc())],
);

/**
 * One turn: what the user asked, or what the model answered. `finishReason` says how an answer ended:
 * `stop` (complete), `stopped` (the client went away mid-stream), `error` (the provider failed mid-stream).
 */
export const messages = pgTable(
  'messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 10, enum: ['system', 'user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    tokens: integer('tokens').notNull().default(0),
    provider: varchar('provider', { length: 40 }),
    finishReason: varchar('finish_reason', { length: 10, enum: ['stop', 'stopped', 'error'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('messages_conversation_idx').on(table.conversationId, table.id)],
);

/**
 * How the tables relate, for Drizzle's relational queries (`db.query.conversations.findFirst({ with: { messages } })`):
 * a conversation with its messages in one query. Not part of the database; migrations do not change.
 */
export const conversationsRelations = relations(conversations, ({ many }) => ({ messages: many(messages) }));
export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
}));

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
