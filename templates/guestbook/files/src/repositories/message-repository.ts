import { count, desc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Message, messages, type NewMessage } from '../db/schema/index.js';

/** The only code that reads or writes the messages table. */
export class MessageRepository {
  constructor(private readonly db: Db) {}

  async create(message: NewMessage): Promise<Message> {
    const [created] = await this.db.insert(messages).values(message).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** Newest first; the id breaks ties between messages posted in the same instant. */
  async list(offset: number, limit: number): Promise<Message[]> {
    return this.db
      .select()
      .from(messages)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .offset(offset)
      .limit(limit);
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(messages);
    return row?.value ?? 0;
  }
}
