import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Conversation, conversations } from '../db/schema/index.js';

/** The only code that reads or writes conversations. Every read by a user is scoped to that user's rows. */
export class ConversationRepository {
  constructor(private readonly db: Db) {}

  async create(userId: number, title: string): Promise<Conversation> {
    const [created] = await this.db.insert(conversations).values({ userId, title }).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** undefined when it does not exist or belongs to someone else: the two are the same to the caller. */
  async findOwned(id: number, userId: number): Promise<Conversation | undefined> {
    const [found] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, userId)));
    return found;
  }

  async findById(id: number): Promise<Conversation | undefined> {
    const [found] = await this.db.select().from(conversations).where(eq(conversations.id, id));
    return found;
  }

  async listByUser(userId: number, offset: number, limit: number): Promise<Conversation[]> {
    return this.db
      .select()
      .from(conversations)
      .where(eq(conversations.userId, userId))
      .orderBy(desc(conversations.updatedAt), desc(conversations.id))
      .offset(offset)
      .limit(limit);
  }

  async countByUser(userId: number): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(conversations).where(eq(conversations.userId, userId));
    return row?.value ?? 0;
  }

  async update(id: number, changes: { title?: string; touch?: boolean }): Promise<Conversation | undefined> {
    const [updated] = await this.db
      .update(conversations)
      .set({
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.touch && { updatedAt: sql`now()` }),
      })
      .where(eq(conversations.id, id))
      .returning();
    return updated;
  }

  async deleteOwned(id: number, userId: number): Promise<boolean> {
    const deleted = await this.db
      .delete(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
      .returning({ id: conversations.id });
    return deleted.length > 0;
  }

  /** Deletes conversations untouched since `before` (their messages go with them: on delete cascade). */
  async deleteUntouchedSince(before: Date): Promise<number> {
    const deleted = await this.db
      .delete(conversations)
      .where(lt(conversations.updatedAt, before))
      .returning({ id: conversations.id });
    return deleted.length;
  }
}
