import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { collects, follows, users } from '../db/schema/index.js';
import { type UserCard, userCard } from './user-repository.js';

/** Following and collecting: two association tables. */
export class SocialRepository {
  constructor(private readonly db: Db) {}

  /** true when this made a new follow (false: already following). */
  async follow(followerId: number, followedId: number): Promise<boolean> {
    const rows = await this.db
      .insert(follows)
      .values({ followerId, followedId })
      .onConflictDoNothing()
      .returning({ id: follows.followerId });
    return rows.length > 0;
  }

  async unfollow(followerId: number, followedId: number): Promise<void> {
    await this.db.delete(follows).where(and(eq(follows.followerId, followerId), eq(follows.followedId, followedId)));
  }

  async isFollowing(followerId: number, followedId: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: follows.followerId })
      .from(follows)
      .where(and(eq(follows.followerId, followerId), eq(follows.followedId, followedId)));
    return row !== undefined;
  }

  /** Who follows `userId` (followers) or whom `userId` follows (following), newest first. */
  async people(
    userId: number,
    direction: 'followers' | 'following',
    offset: number,
    limit: number,
  ): Promise<{ items: UserCard[]; total: number }> {
    const [mine, theirs] =
      direction === 'followers' ? [follows.followedId, follows.followerId] : [follows.followerId, follows.followedId];
    const [items, [total]] = await Promise.all([
      this.db
        .select(userCard)
        .from(follows)
        .innerJoin(users, eq(users.id, theirs))
        .where(eq(mine, userId))
        .orderBy(desc(follows.createdAt))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(follows).where(eq(mine, userId)),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async counts(userId: number): Promise<{ followers: number; following: number; collections: number }> {
    const countOf = (query: Promise<{ n: number }[]>) => query.then(([row]) => row?.n ?? 0);
    const [followers, following, collections] = await Promise.all([
      countOf(this.db.select({ n: count() }).from(follows).where(eq(follows.followedId, userId))),
      countOf(this.db.select({ n: count() }).from(follows).where(eq(follows.followerId, userId))),
      countOf(this.db.select({ n: count() }).from(collects).where(eq(collects.userId, userId))),
    ]);
    return { followers, following, collections };
  }

  async collect(userId: number, photoId: number): Promise<boolean> {
    const rows = await this.db
      .insert(collects)
      .values({ userId, photoId })
      .onConflictDoNothing()
      .returning({ id: collects.userId });
    return rows.length > 0;
  }

  async uncollect(userId: number, photoId: number): Promise<void> {
    await this.db.delete(collects).where(and(eq(collects.userId, userId), eq(collects.photoId, photoId)));
  }

  async hasCollected(userId: number, photoId: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: collects.userId })
      .from(collects)
      .where(and(eq(collects.userId, userId), eq(collects.photoId, photoId)));
    return row !== undefined;
  }

  async collectors(photoId: number, offset: number, limit: number): Promise<{ items: UserCard[]; total: number }> {
    const [items, [total]] = await Promise.all([
      this.db
        .select(userCard)
        .from(collects)
        .innerJoin(users, eq(users.id, collects.userId))
        .where(eq(collects.photoId, photoId))
        .orderBy(desc(collects.createdAt))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(collects).where(eq(collects.photoId, photoId)),
    ]);
    return { items, total: total?.n ?? 0 };
  }
}
