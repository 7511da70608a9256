import { count, desc, sql } from 'drizzle-orm';
import type { Counted } from '../core/pagination.js';
import type { Db } from '../db/client.js';
import { type Message, messages, type NewMessage } from '../db/schema/index.js';

/** The only code that reads or writes the messages table. */
export class MessageRepository {
  private readonly pageQuery;

  constructor(private readonly db: Db) {
    // A prepared statement: Drizzle builds the home page's SQL once here, not on every request (on PostgreSQL the
    // server also parses and plans it once per connection). The placeholders are filled in by execute().
    this.pageQuery = db
      .select({ item: messages, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(messages)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .offset(sql.placeholder('offset'))
      .limit(sql.placeholder('limit'))
      .prepare('messages_page');
  }

  async create(message: NewMessage): Promise<Message> {
    const [created] = await this.db.insert(messages).values(message).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /**
   * Newest first (the id breaks ties between messages posted in the same instant), each with the number of
   * messages in all: `count(*) over ()` counts the whole list in the same query, so a page costs one round trip.
   */
  async page(offset: number, limit: number): Promise<Counted<Message>[]> {
    return this.pageQuery.execute({ offset, limit });
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(messages);
    return row?.value ?? 0;
  }
}
