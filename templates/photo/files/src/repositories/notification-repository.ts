import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type NotificationKind, notifications, photos, users } from '../db/schema/index.js';
import { type UserCard, userCard } from './user-repository.js';

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  isRead: boolean;
  createdAt: Date;
  actor: UserCard;
  photoId: number | null;
  photoFile: string | null;
}

export class NotificationRepository {
  constructor(private readonly db: Db) {}

  async insert(notification: typeof notifications.$inferInsert): Promise<void> {
    await this.db.insert(notifications).values(notification);
  }

  async page(receiverId: number, unreadOnly: boolean, offset: number, limit: number) {
    const where = and(
      eq(notifications.receiverId, receiverId),
      unreadOnly ? eq(notifications.isRead, false) : undefined,
    );
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          id: notifications.id,
          kind: notifications.kind,
          isRead: notifications.isRead,
          createdAt: notifications.createdAt,
          actor: userCard,
          photoId: notifications.photoId,
          photoFile: photos.filenameS,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.actorId))
        .leftJoin(photos, eq(photos.id, notifications.photoId))
        .where(where)
        .orderBy(desc(notifications.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(notifications).where(where),
    ]);
    return { items: items as NotificationView[], total: total?.n ?? 0 };
  }

  async unreadCount(receiverId: number): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.receiverId, receiverId), eq(notifications.isRead, false)));
    return row?.n ?? 0;
  }

  /** Marks one of the receiver's notifications read; false when it is not theirs (or does not exist). */
  async markRead(receiverId: number, id: number): Promise<boolean> {
    const rows = await this.db
      .update(notifications)
      .set({ isRead: true })
      .where(and(eq(notifications.id, id), eq(notifications.receiverId, receiverId)))
      .returning({ id: notifications.id });
    return rows.length > 0;
  }

  async markAllRead(receiverId: number): Promise<void> {
    await this.db
      .update(notifications)
      .set({ isRead: true })
      .where(and(eq(notifications.receiverId, receiverId), eq(notifications.isRead, false)));
  }
}
