import type { Page } from '../../core/pagination.js';
import type { Category } from '../../db/schema/index.js';
import type { CategoryWithCount } from '../../repositories/category-repository.js';
import type { PostWithCategory } from '../../repositories/post-repository.js';
import { CategoryList } from '../components/category-list.js';
import { PostList } from '../components/post-list.js';

export interface CategoryPageProps {
  category: Category;
  page: Page<PostWithCategory>;
  categories: CategoryWithCount[];
}

export function CategoryPage({ category, page, categories }: CategoryPageProps) {
  return (
    <div class="with-sidebar">
      <section aria-labelledby="category-title">
        <h1 id="category-title">Category: {category.name}</h1>
        <PostList page={page} href={`/categories/${encodeURIComponent(category.slug)}`} />
      </section>
      <CategoryList categories={categories} current={category.slug} />
    </div>
  );
}
