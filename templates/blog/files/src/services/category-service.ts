import { AppError } from '../core/errors.js';
import { slugify } from '../core/slug.js';
import type { Category } from '../db/schema/index.js';
import type { CategoryRepository, CategoryWithCount } from '../repositories/category-repository.js';
import type { CategoryInput } from '../schemas/blog.js';

export const defaultCategoryName = 'Default';

export class CategoryService {
  constructor(private readonly categories: CategoryRepository) {}

  list(): Promise<CategoryWithCount[]> {
    return this.categories.listWithCounts();
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
    return (
      (await this.categories.defaultCategory()) ??
      this.categories.create({ name: defaultCategoryName, slug: slugify(defaultCategoryName), isDefault: true })
    );
  }

  async create({ name }: CategoryInput): Promise<Category> {
    await this.ensureFree(name);
    return this.categories.create({ name, slug: slugify(name), isDefault: false });
  }

  async rename(id: number, { name }: CategoryInput): Promise<void> {
    const category = await this.byId(id);
    if (category.name === name) return;
    await this.ensureFree(name, id);
    await this.categories.rename(id, name, slugify(name));
  }

  /** Deletes a category; its posts move to the default category, which itself cannot be deleted. */
  async delete(id: number): Promise<void> {
    const category = await this.byId(id);
    if (category.isDefault) throw new AppError('conflict', 'The default category cannot be deleted.');
    const fallback = await this.defaultCategory();
    await this.categories.deleteMovingPosts(id, fallback.id);
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
