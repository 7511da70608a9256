import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Comment, comments, type NewComment, type Post, posts } from '../db/schema/index.js';

export type CommentFilter = 'pending' | 'all';
export type CommentWithPost = Comment & { post: Pick<Post, 'title' | 'slug'> };

export class CommentRepository {
  // Every post page runs it: prepared once (see PostRepository).
  private readonly approvedForPostQuery;

  constructor(private readonly db: Db) {
    this.approvedForPostQuery = db
      .select()
      .from(comments)
      .where(and(eq(comments.postId, sql.placeholder('postId')), eq(comments.reviewed, true)))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .prepare('comments_approved_for_post');
  }

  /** A post's approved comments, oldest first (replies are arranged under their parents by the service). */
  async approvedForPost(postId: number): Promise<Comment[]> {
    return this.approvedForPostQuery.execute({ postId });
  }

  async byId(id: number): Promise<Comment | undefined> {
    const [comment] = await this.db.select().from(comments).where(eq(comments.id, id));
    return comment;
  }

  async create(values: NewComment): Promise<Comment> {
    const [created] = await this.db.insert(comments).values(values).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** For moderation: newest first, with the post each belongs to. */
  async page(filter: CommentFilter, offset: number, limit: number): Promise<CommentWithPost[]> {
    const rows = await this.db
      .select({ comment: comments, post: { title: posts.title, slug: posts.slug } })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .where(this.matching(filter))
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .offset(offset)
      .limit(limit);
    return rows.map(({ comment, post }) => ({ ...comment, post }));
  }

  async count(filter: CommentFilter): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(comments).where(this.matching(filter));
    return row?.value ?? 0;
  }

  async approve(id: number): Promise<Comment | undefined> {
    const [approved] = await this.db.update(comments).set({ reviewed: true }).where(eq(comments.id, id)).returning();
    return approved;
  }

  /** Deletes the comment and, through the foreign key's cascade, every reply under it. */
  async delete(id: number): Promise<boolean> {
    const deleted = await this.db.delete(comments).where(eq(comments.id, id)).returning({ id: comments.id });
    return deleted.length > 0;
  }

  private matching(filter: CommentFilter): SQL | undefined {
    return filter === 'pending' ? eq(comments.reviewed, false) : undefined;
  }
}
