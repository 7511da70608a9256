import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { photos, reports, users } from '../db/schema/index.js';
import { userCard } from './user-repository.js';

export class ReportRepository {
  constructor(private readonly db: Db) {}

  /** false when this user had reported this photo already. */
  async insert(report: typeof reports.$inferInsert): Promise<boolean> {
    const rows = await this.db.insert(reports).values(report).onConflictDoNothing().returning({ id: reports.id });
    return rows.length > 0;
  }

  async page(offset: number, limit: number) {
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          id: reports.id,
          reason: reports.reason,
          createdAt: reports.createdAt,
          photoId: reports.photoId,
          photoFile: photos.filenameS,
          reporter: userCard,
        })
        .from(reports)
        .innerJoin(photos, eq(photos.id, reports.photoId))
        .innerJoin(users, eq(users.id, reports.reporterId))
        .orderBy(desc(reports.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(reports),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  /** Dismisses a report (the photo stays); false when there was none. */
  async delete(id: number): Promise<boolean> {
    const rows = await this.db.delete(reports).where(eq(reports.id, id)).returning({ id: reports.id });
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(reports);
    return row?.n ?? 0;
  }
}
