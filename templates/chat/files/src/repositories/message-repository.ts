import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Message, messages, type User, users } from '../db/schema/index.js';

export type MessageWithAuthor = Message & { author: Pick<User, 'id' | 'nickname' | 'avatarHash'> };

const withAuthor = {
  id: messages.id,
  room: messages.room,
  authorId: messages.authorId,
  body: messages.body,
  html: messages.html,
  createdAt: messages.createdAt,
  author: { id: users.id, nickname: users.nickname, avatarHash: users.avatarHash },
};

export class MessageRepository {
  constructor(private readonly db: Db) {}

  async create(values: Pick<Message, 'room' | 'authorId' | 'body' | 'html'>): Promise<Message> {
    const [message] = await this.db.insert(messages).values(values).returning();
    if (!message) throw new Error('insert returned no row');
    return message;
  }

  async byId(id: number): Promise<Message | undefined> {
    const [message] = await this.db.select().from(messages).where(eq(messages.id, id));
    return message;
  }

  async withAuthor(id: number): Promise<MessageWithAuthor | undefined> {
    const [message] = await this.db
      .select(withAuthor)
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.id, id));
    return message;
  }

  /**
   * Up to `limit` messages of a room, newest first, older than the message `before` when given. The cursor is an
   * id, not a page number: messages written meanwhile do not shift the pages (no duplicates, no gaps).
   */
  async page(room: string, limit: number, before?: number): Promise<MessageWithAuthor[]> {
    return this.db
      .select(withAuthor)
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.room, room), before === undefined ? undefined : lt(messages.id, before)))
      .orderBy(desc(messages.id))
      .limit(limit);
  }

  /** Up to `limit` messages of a room written after the message `after`, oldest first (to catch up). */
  async after(room: string, after: number, limit: number): Promise<MessageWithAuthor[]> {
    return this.db
      .select(withAuthor)
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.room, room), gt(messages.id, after)))
      .orderBy(messages.id)
      .limit(limit);
  }

  async delete(id: number): Promise<void> {
    await this.db.delete(messages).where(eq(messages.id, id));
  }
}
