import { and, asc, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Counted } from '../core/pagination.js';
import type { Db } from '../db/client.js';
import { type Conversation, conversations, type Message, messages } from '../db/schema/index.js';

/** The only code that reads or writes conversations. Every read by a user is scoped to that user's rows. */
export class ConversationRepository {
  // Prepared statements for the reads every client repeats: Drizzle builds their SQL once, here (on PostgreSQL the
  // server also plans each once per connection); execute() fills in the placeholders.
  private readonly findOwnedQuery;
  private readonly pageByUserQuery;
  private readonly openQuery;

  constructor(private readonly db: Db) {
    this.findOwnedQuery = db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, sql.placeholder('id')), eq(conversations.userId, sql.placeholder('userId'))))
      .prepare('conversations_find_owned');
    this.pageByUserQuery = db
      .select({ item: conversations, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(conversations)
      .where(eq(conversations.userId, sql.placeholder('userId')))
      .orderBy(desc(conversations.updatedAt), desc(conversations.id))
      .offset(sql.placeholder('offset'))
      .limit(sql.placeholder('limit'))
      .prepare('conversations_page_by_user');
    // One query for the conversation and its messages (a relational query: src/db/schema/conversations.ts).
    this.openQuery = db.query.conversations
      .findFirst({
        where: and(eq(conversations.id, sql.placeholder('id')), eq(conversations.userId, sql.placeholder('userId'))),
        with: { messages: { orderBy: asc(messages.id) } },
      })
      .prepare('conversations_open');
  }

  async create(userId: number, title: string): Promise<Conversation> {
    const [created] = await this.db.insert(conversations).values({ userId, title }).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** undefined when it does not exist or belongs to someone else: the two are the same to the caller. */
  async findOwned(id: number, userId: number): Promise<Conversation | undefined> {
    const [found] = await this.findOwnedQuery.execute({ id, userId });
    return found;
  }

  /** The conversation with its messages, oldest first; undefined as findOwned() says. */
  async findOwnedWithMessages(
    id: number,
    userId: number,
  ): Promise<(Conversation & { messages: Message[] }) | undefined> {
    return this.openQuery.execute({ id, userId });
  }

  async findById(id: number): Promise<Conversation | undefined> {
    const [found] = await this.db.select().from(conversations).where(eq(conversations.id, id));
    return found;
  }

  /** Most recently used first, each row with the number of the user's conversations (`count(*) over ()`). */
  async pageByUser(userId: number, offset: number, limit: number): Promise<Counted<Conversation>[]> {
    return this.pageByUserQuery.execute({ userId, offset, limit });
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
