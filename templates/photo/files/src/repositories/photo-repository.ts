import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  collects,
  comments,
  follows,
  type Photo,
  photos,
  photoTags,
  type Tag,
  tags,
  users,
} from '../db/schema/index.js';
import { type UserCard, userCard } from './user-repository.js';

export type NewPhoto = typeof photos.$inferInsert;

/** A photo in a grid or a feed: the photo, its author, and how often it was collected and commented on. */
export interface PhotoCard {
  id: number;
  description: string;
  filenameS: string;
  filenameM: string;
  width: number;
  height: number;
  createdAt: Date;
  author: UserCard;
  collects: number;
  comments: number;
}

const photoCard = {
  id: photos.id,
  description: photos.description,
  filenameS: photos.filenameS,
  filenameM: photos.filenameM,
  width: photos.width,
  height: photos.height,
  createdAt: photos.createdAt,
  author: userCard,
  // Correlated counts in the one query: a list of 12 photos is one round trip, not 1 + 2 × 12 (N+1).
  collects: sql<number>`(select count(*)::int from ${collects} where ${collects.photoId} = ${photos.id})`,
  comments: sql<number>`(select count(*)::int from ${comments} where ${comments.photoId} = ${photos.id})`,
};

export class PhotoRepository {
  constructor(private readonly db: Db) {}

  async insert(photo: NewPhoto, db: Db = this.db): Promise<Photo> {
    const [row] = await db.insert(photos).values(photo).returning();
    return row!;
  }

  async byId(id: number, db: Db = this.db): Promise<Photo | undefined> {
    const [row] = await db.select().from(photos).where(eq(photos.id, id));
    return row;
  }

  async update(id: number, changes: Partial<NewPhoto>, db: Db = this.db): Promise<void> {
    await db.update(photos).set(changes).where(eq(photos.id, id));
  }

  async delete(id: number, db: Db = this.db): Promise<void> {
    await db.delete(photos).where(eq(photos.id, id));
  }

  /** The author's next older and next newer photo: the photo page's previous/next links. */
  async neighbours(photo: Pick<Photo, 'id' | 'authorId'>): Promise<{ previous?: number; next?: number }> {
    const [[newer], [older]] = await Promise.all([
      this.db
        .select({ id: photos.id })
        .from(photos)
        .where(and(eq(photos.authorId, photo.authorId), gt(photos.id, photo.id)))
        .orderBy(asc(photos.id))
        .limit(1),
      this.db
        .select({ id: photos.id })
        .from(photos)
        .where(and(eq(photos.authorId, photo.authorId), lt(photos.id, photo.id)))
        .orderBy(desc(photos.id))
        .limit(1),
    ]);
    return { previous: newer?.id, next: older?.id };
  }

  /** Photos of one author, newest first. */
  async byAuthor(authorId: number, offset: number, limit: number): Promise<{ items: PhotoCard[]; total: number }> {
    return this.cards(eq(photos.authorId, authorId), offset, limit);
  }

  /** The home feed: photos of the people this user follows, and their own, newest first, in one joined query. */
  async feed(userId: number, offset: number, limit: number): Promise<{ items: PhotoCard[]; total: number }> {
    const followed = this.db.select({ id: follows.followedId }).from(follows).where(eq(follows.followerId, userId));
    return this.cards(sql`(${photos.authorId} = ${userId} or ${photos.authorId} in ${followed})`, offset, limit);
  }

  async newest(offset: number, limit: number): Promise<{ items: PhotoCard[]; total: number }> {
    return this.cards(undefined, offset, limit);
  }

  /** Explore: a few photos picked at random. */
  async random(limit: number): Promise<PhotoCard[]> {
    return this.db
      .select(photoCard)
      .from(photos)
      .innerJoin(users, eq(users.id, photos.authorId))
      .orderBy(sql`random()`)
      .limit(limit);
  }

  async byTag(tagId: number, offset: number, limit: number): Promise<{ items: PhotoCard[]; total: number }> {
    const tagged = this.db.select({ id: photoTags.photoId }).from(photoTags).where(eq(photoTags.tagId, tagId));
    return this.cards(inArray(photos.id, tagged), offset, limit);
  }

  /** Photos a user collected, most recently collected first. */
  async collectedBy(userId: number, offset: number, limit: number): Promise<{ items: PhotoCard[]; total: number }> {
    const where = eq(collects.userId, userId);
    const [items, [total]] = await Promise.all([
      this.db
        .select(photoCard)
        .from(collects)
        .innerJoin(photos, eq(photos.id, collects.photoId))
        .innerJoin(users, eq(users.id, photos.authorId))
        .where(where)
        .orderBy(desc(collects.createdAt), desc(photos.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(collects).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async cardsByIds(ids: number[]): Promise<PhotoCard[]> {
    if (ids.length === 0) return [];
    return this.db
      .select(photoCard)
      .from(photos)
      .innerJoin(users, eq(users.id, photos.authorId))
      .where(inArray(photos.id, ids));
  }

  private async cards(where: ReturnType<typeof eq> | undefined, offset: number, limit: number) {
    const [items, [total]] = await Promise.all([
      this.db
        .select(photoCard)
        .from(photos)
        .innerJoin(users, eq(users.id, photos.authorId))
        .where(where)
        .orderBy(desc(photos.createdAt), desc(photos.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(photos).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  /** Every file of a user's photos: what deleting the account must remove from the store. */
  async filesOf(authorId: number, db: Db = this.db): Promise<string[]> {
    const rows = await db
      .select({ a: photos.filename, b: photos.filenameM, c: photos.filenameS })
      .from(photos)
      .where(eq(photos.authorId, authorId));
    return rows.flatMap((row) => [row.a, row.b, row.c]);
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(photos);
    return row?.n ?? 0;
  }

  // Tags

  async tagsOf(photoId: number, db: Db = this.db): Promise<Tag[]> {
    return db
      .select({ id: tags.id, name: tags.name, searchText: tags.searchText, searchVector: tags.searchVector })
      .from(photoTags)
      .innerJoin(tags, eq(tags.id, photoTags.tagId))
      .where(eq(photoTags.photoId, photoId))
      .orderBy(asc(tags.name));
  }

  /** The tags with these names, created when missing (case-insensitively: "Cat" and "cat" are one tag). */
  async ensureTags(names: { name: string; searchText: string }[], db: Db = this.db): Promise<Tag[]> {
    if (names.length === 0) return [];
    await db.insert(tags).values(names).onConflictDoNothing();
    return db
      .select()
      .from(tags)
      .where(
        inArray(
          sql`lower(${tags.name})`,
          names.map((tag) => tag.name.toLowerCase()),
        ),
      );
  }

  async tag(photoId: number, tagIds: number[], db: Db = this.db): Promise<void> {
    if (tagIds.length === 0) return;
    await db
      .insert(photoTags)
      .values(tagIds.map((tagId) => ({ photoId, tagId })))
      .onConflictDoNothing();
  }

  async untag(photoId: number, tagId: number, db: Db = this.db): Promise<void> {
    await db.delete(photoTags).where(and(eq(photoTags.photoId, photoId), eq(photoTags.tagId, tagId)));
  }

  async tagById(id: number): Promise<Tag | undefined> {
    const [row] = await this.db.select().from(tags).where(eq(tags.id, id));
    return row;
  }

  /** The most used tags: a join and a group by. */
  async popularTags(limit: number): Promise<{ id: number; name: string; photos: number }[]> {
    return this.db
      .select({ id: tags.id, name: tags.name, photos: count(photoTags.photoId) })
      .from(tags)
      .innerJoin(photoTags, eq(photoTags.tagId, tags.id))
      .groupBy(tags.id)
      .orderBy(desc(count(photoTags.photoId)), asc(tags.name))
      .limit(limit);
  }

  async allTags(offset: number, limit: number) {
    const [items, [total]] = await Promise.all([
      this.db
        .select({ id: tags.id, name: tags.name, photos: count(photoTags.photoId) })
        .from(tags)
        .leftJoin(photoTags, eq(photoTags.tagId, tags.id))
        .groupBy(tags.id)
        .orderBy(asc(tags.name))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(tags),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async deleteTag(id: number): Promise<void> {
    await this.db.delete(tags).where(eq(tags.id, id));
  }
}
