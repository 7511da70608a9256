import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Message, messages, type NewMessage } from '../db/schema/index.js';

/** The only code that reads or writes messages. */
export class MessageRepository {
  constructor(private readonly db: Db) {}

  async create(message: NewMessage): Promise<Message> {
    const [created] = await this.db.insert(messages).values(message).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** Every message of a conversation, oldest first. */
  async listByConversation(conversationId: number): Promise<Message[]> {
    return this.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.id));
  }

  /** The last `limit` messages, oldest first: the context sent to the model with a new question. */
  async recent(conversationId: number, limit: number): Promise<Message[]> {
    if (limit === 0) return [];
    const rows = await this.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(desc(messages.id))
      .limit(limit);
    return rows.reverse();
  }

  async setContent(id: number, content: string): Promise<void> {
    await this.db.update(messages).set({ content }).where(eq(messages.id, id));
  }

  async deleteMany(ids: number[]): Promise<void> {
    if (ids.length > 0) await this.db.delete(messages).where(inArray(messages.id, ids));
  }
}
