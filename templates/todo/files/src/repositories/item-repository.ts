import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Item, items } from '../db/schema/index.js';

export type Filter = 'all' | 'active' | 'completed';

export interface Counts {
  all: number;
  active: number;
  completed: number;
}

export interface ItemChanges {
  title?: string;
  completed?: boolean;
}

/**
 * The only code that reads or writes todo items. Every method takes the owner's id and every query is scoped by
 * it, so one user's item cannot be read or changed through another user's request, whatever id is asked for.
 */
export class ItemRepository {
  // Prepared statements for what the SPA asks on every view: Drizzle builds their SQL once, here (on PostgreSQL the
  // server also plans each once per connection); execute() fills in the placeholders.
  private readonly listAllQuery;
  private readonly listFilteredQuery;
  private readonly countsQuery;

  constructor(private readonly db: Db) {
    const owner = eq(items.userId, sql.placeholder('userId'));
    const list = (where: SQL | undefined) =>
      db
        .select()
        .from(items)
        .where(where)
        .orderBy(asc(items.id))
        .offset(sql.placeholder('offset'))
        .limit(sql.placeholder('limit'));
    this.listAllQuery = list(owner).prepare('items_list_all');
    this.listFilteredQuery = list(and(owner, eq(items.completed, sql.placeholder('completed')))).prepare(
      'items_list_filtered',
    );
    this.countsQuery = db
      .select({
        all: count(),
        completed: sql<number>`count(*) filter (where ${items.completed})`.mapWith(Number),
      })
      .from(items)
      .where(owner)
      .prepare('items_counts');
  }

  private scope(userId: number, filter: Filter = 'all') {
    const owner = eq(items.userId, userId);
    if (filter === 'all') return owner;
    return and(owner, eq(items.completed, filter === 'completed'));
  }

  async list(userId: number, filter: Filter, offset: number, limit: number): Promise<Item[]> {
    if (filter === 'all') return this.listAllQuery.execute({ userId, offset, limit });
    return this.listFilteredQuery.execute({ userId, offset, limit, completed: filter === 'completed' });
  }

  /** All, active and completed in one query (`count(*) filter (where …)`). */
  async counts(userId: number): Promise<Counts> {
    const [row] = await this.countsQuery.execute({ userId });
    const all = row?.all ?? 0;
    const completed = row?.completed ?? 0;
    return { all, active: all - completed, completed };
  }

  async find(userId: number, id: number): Promise<Item | undefined> {
    const [item] = await this.db
      .select()
      .from(items)
      .where(and(this.scope(userId), eq(items.id, id)));
    return item;
  }

  async create(userId: number, rows: { title: string; completed?: boolean }[]): Promise<Item[]> {
    if (rows.length === 0) return [];
    return this.db
      .insert(items)
      .values(rows.map((row) => ({ userId, title: row.title, completed: row.completed ?? false })))
      .returning();
  }

  async update(userId: number, id: number, changes: ItemChanges): Promise<Item | undefined> {
    const [item] = await this.db
      .update(items)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(this.scope(userId), eq(items.id, id)))
      .returning();
    return item;
  }

  async delete(userId: number, id: number): Promise<boolean> {
    const deleted = await this.db
      .delete(items)
      .where(and(this.scope(userId), eq(items.id, id)))
      .returning({ id: items.id });
    return deleted.length > 0;
  }

  /** Sets every item of the user to `completed`; how many changed. */
  async completeAll(userId: number, completed: boolean): Promise<number> {
    const changed = await this.db
      .update(items)
      .set({ completed, updatedAt: new Date() })
      .where(and(this.scope(userId), eq(items.completed, !completed)))
      .returning({ id: items.id });
    return changed.length;
  }

  async deleteCompleted(userId: number): Promise<number> {
    const deleted = await this.db.delete(items).where(this.scope(userId, 'completed')).returning({ id: items.id });
    return deleted.length;
  }
}
