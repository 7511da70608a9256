import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Category, categories, posts } from '../db/schema/index.js';

export type CategoryWithCount = Category & { postCount: number };

export class CategoryRepository {
  // Every page's sidebar and every category page run these: prepared once (see PostRepository).
  private readonly listWithCountsQuery;
  private readonly bySlugQuery;

  constructor(private readonly db: Db) {
    this.listWithCountsQuery = db
      .select({
        id: categories.id,
        name: categories.name,
        slug: categories.slug,
        isDefault: categories.isDefault,
        postCount: count(posts.id),
      })
      .from(categories)
      .leftJoin(posts, eq(posts.categoryId, categories.id))
      .groupBy(categories.id)
      .orderBy(asc(categories.isDefault), asc(categories.name))
      .prepare('categories_with_counts');
    this.bySlugQuery = db
      .select()
      .from(categories)
      .where(eq(categories.slug, sql.placeholder('slug')))
      .prepare('categories_by_slug');
  }

  /** Every category with its number of posts, default first, then by name. */
  async listWithCounts(): Promise<CategoryWithCount[]> {
    return this.listWithCountsQuery.execute();
  }

  async byId(id: number): Promise<Category | undefined> {
    const [category] = await this.db.select().from(categories).where(eq(categories.id, id));
    return category;
  }

  async bySlug(slug: string): Promise<Category | undefined> {
    const [category] = await this.bySlugQuery.execute({ slug });
    return category;
  }

  async byName(name: string): Promise<Category | undefined> {
    const [category] = await this.db.select().from(categories).where(eq(categories.name, name));
    return category;
  }

  async defaultCategory(): Promise<Category | undefined> {
    const [category] = await this.db.select().from(categories).where(eq(categories.isDefault, true));
    return category;
  }

  async create(values: Pick<Category, 'name' | 'slug' | 'isDefault'>): Promise<Category> {
    const [created] = await this.db.insert(categories).values(values).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async rename(id: number, name: string, slug: string): Promise<void> {
    await this.db.update(categories).set({ name, slug }).where(eq(categories.id, id));
  }

  /**
   * Moves the category's posts to another one and deletes it, in one transaction: never a post without a
   * category, never a category deleted with its posts. Every query goes through `tx`, not `this.db` (see Db).
   */
  async deleteMovingPosts(id: number, toCategoryId: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(posts).set({ categoryId: toCategoryId }).where(eq(posts.categoryId, id));
      await tx.delete(categories).where(eq(categories.id, id));
    });
  }
}
