import { count, desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { photos, tags, users } from '../db/schema/index.js';
import { userCard } from './user-repository.js';

/**
 * Ranked full-text search: `search_vector @@ query` is answered from the GIN index, ts_rank orders the matches
 * (more and rarer matching words rank higher). `query` is a tsquery made by src/core/search-text.ts.
 */
export class SearchRepository {
  constructor(private readonly db: Db) {}

  async users(query: string, offset: number, limit: number) {
    const q = sql`to_tsquery('simple', ${query})`;
    const where = sql`${users.searchVector} @@ ${q}`;
    const [items, [total]] = await Promise.all([
      this.db
        .select({ ...userCard, bio: users.bio })
        .from(users)
        .where(where)
        .orderBy(desc(sql`ts_rank(${users.searchVector}, ${q})`), desc(users.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(users).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async photoIds(query: string, offset: number, limit: number) {
    const q = sql`to_tsquery('simple', ${query})`;
    const where = sql`${photos.searchVector} @@ ${q}`;
    const [items, [total]] = await Promise.all([
      this.db
        .select({ id: photos.id })
        .from(photos)
        .where(where)
        .orderBy(desc(sql`ts_rank(${photos.searchVector}, ${q})`), desc(photos.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(photos).where(where),
    ]);
    return { ids: items.map((item) => item.id), total: total?.n ?? 0 };
  }

  async tags(query: string, offset: number, limit: number) {
    const q = sql`to_tsquery('simple', ${query})`;
    const where = sql`${tags.searchVector} @@ ${q}`;
    const [items, [total]] = await Promise.all([
      this.db
        .select({ id: tags.id, name: tags.name })
        .from(tags)
        .where(where)
        .orderBy(desc(sql`ts_rank(${tags.searchVector}, ${q})`), tags.name)
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(tags).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }
}
