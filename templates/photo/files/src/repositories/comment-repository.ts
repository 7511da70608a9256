import { count, desc, eq, asc } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { type Comment, comments, photos, users } from '../db/schema/index.js';
import { type UserCard, userCard } from './user-repository.js';

export interface CommentView {
  id: number;
  body: string;
  createdAt: Date;
  repliedId: number | null;
  photoId: number;
  author: UserCard;
}

export class CommentRepository {
  constructor(private readonly db: Db) {}

  async insert(comment: typeof comments.$inferInsert): Promise<Comment> {
    const [row] = await this.db.insert(comments).values(comment).returning();
    return row!;
  }

  async byId(id: number): Promise<Comment | undefined> {
    const [row] = await this.db.select().from(comments).where(eq(comments.id, id));
    return row;
  }

  async delete(id: number): Promise<void> {
    await this.db.delete(comments).where(eq(comments.id, id));
  }

  /** A photo's comments, oldest first, each with its author: one join. */
  async ofPhoto(photoId: number): Promise<CommentView[]> {
    return this.db
      .select({
        id: comments.id,
        body: comments.body,
        createdAt: comments.createdAt,
        repliedId: comments.repliedId,
        photoId: comments.photoId,
        author: userCard,
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.photoId, photoId))
      .orderBy(asc(comments.id))
      .limit(500);
  }

  /** Every comment, newest first, for moderators. */
  async page(offset: number, limit: number) {
    const photo = alias(photos, 'photo');
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          id: comments.id,
          body: comments.body,
          createdAt: comments.createdAt,
          repliedId: comments.repliedId,
          photoId: comments.photoId,
          author: userCard,
          photoDescription: photo.description,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .innerJoin(photo, eq(photo.id, comments.photoId))
        .orderBy(desc(comments.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(comments),
    ]);
    return { items, total: total?.n ?? 0 };
  }
}
