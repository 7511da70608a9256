import { and, count, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Counted } from '../core/pagination.js';
import type { Db } from '../db/client.js';
import { type Category, categories, type NewPost, type Post, posts } from '../db/schema/index.js';

export type PostWithCategory = Post & { category: Pick<Category, 'name' | 'slug'> };

export class PostRepository {
  // Prepared statements for what every reader's request runs: Drizzle builds their SQL once, here (on PostgreSQL
  // the server also plans each once per connection); execute() fills in the placeholders.
  private readonly pageQuery;
  private readonly categoryPageQuery;
  private readonly bySlugQuery;

  constructor(private readonly db: Db) {
    const page = (where?: SQL) =>
      db
        .select({
          post: posts,
          category: { name: categories.name, slug: categories.slug },
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(posts)
        .innerJoin(categories, eq(categories.id, posts.categoryId))
        .where(where)
        .orderBy(desc(posts.createdAt), desc(posts.id))
        .offset(sql.placeholder('offset'))
        .limit(sql.placeholder('limit'));
    this.pageQuery = page().prepare('posts_page');
    this.categoryPageQuery = page(eq(posts.categoryId, sql.placeholder('categoryId'))).prepare('posts_category_page');
    this.bySlugQuery = db
      .select({ post: posts, category: { name: categories.name, slug: categories.slug } })
      .from(posts)
      .innerJoin(categories, eq(categories.id, posts.categoryId))
      .where(eq(posts.slug, sql.placeholder('slug')))
      .prepare('posts_by_slug');
  }

  /**
   * Newest first, with the category's name for each; only one category's posts when given. Each row carries the
   * number of posts in all (`count(*) over ()`), so a page is one query.
   */
  async page(offset: number, limit: number, categoryId?: number): Promise<Counted<PostWithCategory>[]> {
    const rows =
      categoryId === undefined
        ? await this.pageQuery.execute({ offset, limit })
        : await this.categoryPageQuery.execute({ offset, limit, categoryId });
    return rows.map(({ post, category, total }) => ({ item: { ...post, category }, total }));
  }

  async count(categoryId?: number): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(posts).where(this.inCategory(categoryId));
    return row?.value ?? 0;
  }

  async bySlug(slug: string): Promise<PostWithCategory | undefined> {
    const [row] = await this.bySlugQuery.execute({ slug });
    return row && { ...row.post, category: row.category };
  }

  async byId(id: number): Promise<Post | undefined> {
    const [post] = await this.db.select().from(posts).where(eq(posts.id, id));
    return post;
  }

  /** Is the slug used by a post (other than `exceptId`)? */
  async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
    const where = exceptId === undefined ? eq(posts.slug, slug) : and(eq(posts.slug, slug), ne(posts.id, exceptId));
    const [row] = await this.db.select({ value: count() }).from(posts).where(where);
    return (row?.value ?? 0) > 0;
  }

  async create(values: NewPost): Promise<Post> {
    const [created] = await this.db.insert(posts).values(values).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async update(id: number, values: Partial<NewPost>): Promise<Post | undefined> {
    const [updated] = await this.db
      .update(posts)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(posts.id, id))
      .returning();
    return updated;
  }

  /** Deletes the post and (by the foreign key's cascade) its comments. */
  async delete(id: number): Promise<boolean> {
    const deleted = await this.db.delete(posts).where(eq(posts.id, id)).returning({ id: posts.id });
    return deleted.length > 0;
  }

  private inCategory(categoryId: number | undefined): SQL | undefined {
    return categoryId === undefined ? undefined : eq(posts.categoryId, categoryId);
  }
}
