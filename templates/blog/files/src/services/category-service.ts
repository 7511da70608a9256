import type { Cache, Cached } from '../core/cached.js';
import { AppError } from '../core/errors.js';
import { slugify } from '../core/slug.js';
import type { Category } from '../db/schema/index.js';
import type { CategoryRepository, CategoryWithCount } from '../repositories/category-repository.js';
import type { CategoryInput } from '../schemas/blog.js';

export const defaultCategoryName = 'Default';

export class CategoryService {
  // Every page's sidebar lists the categories with their number of posts: read once, kept in memory
  // (src/core/cached.ts) until a category or a post changes (postsChanged()).
  private readonly withCounts: Cached<CategoryWithCount[]>;

  constructor(
    private readonly categories: CategoryRepository,
    cache: Cache,
  ) {
    this.withCounts = cache.named('categories with counts', () => this.categories.listWithCounts());
  }

  list(): Promise<CategoryWithCount[]> {
    return this.withCounts.get();
  }

  /** Called by PostService after it created, moved or deleted a post: the sidebar's counts changed. */
  postsChanged(): void {
    this.withCounts.invalidate();
  }

  async bySlug(slug: string): Promise<Category> {
    const category = await this.categories.bySlug(slug);
    if (!category) throw new AppError('not_found', 'There is no such category.');
    return category;
  }

  async byId(id: number): Promise<Category> {
    const category = await this.categories.byId(id);
    if (!category) throw new AppError('not_found', 'There is no such category.');
    return category;
  }

  /** The category a post falls back to; made the first time it is needed. */
  async defaultCategory(): Promise<Category> {
    const found = await this.categories.defaultCategory();
    if (found) return found;
    const created = await this.categories.create({
      name: defaultCategoryName,
      slug: slugify(defaultCategoryName),
      isDefault: true,
    });
    this.withCounts.invalidate();
    return created;
  }

  async create({ name }: CategoryInput): Promise<Category> {
    await this.ensureFree(name);
    const created = await this.categories.create({ name, slug: slugify(name), isDefault: false });
    this.withCounts.invalidate();
    return created;
  }

  async rename(id: number, { name }: CategoryInput): Promise<void> {
    const category = await this.byId(id);
    if (category.name === name) return;
    await this.ensureFree(name, id);
    await this.categories.rename(id, name, slugify(name));
    this.withCounts.invalidate();
  }

  /** Deletes a category; its posts move to the default category, which itself cannot be deleted. */
  async delete(id: number): Promise<void> {
    const category = await this.byId(id);
    if (category.isDefault) throw new AppError('conflict', 'The default category cannot be deleted.');
    const fallback = await this.defaultCategory();
    await this.categories.deleteMovingPosts(id, fallback.id);
    this.withCounts.invalidate();
  }

  private async ensureFree(name: string, exceptId?: number): Promise<void> {
    const sameName = await this.categories.byName(name);
    const sameSlug = await this.categories.bySlug(slugify(name));
    for (const other of [sameName, sameSlug]) {
      if (other && other.id !== exceptId)
        throw new AppError('conflict', `There is already a category “${other.name}”.`);
    }
  }
}
