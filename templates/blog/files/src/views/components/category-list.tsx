import type { CategoryWithCount } from '../../repositories/category-repository.js';

/** The categories with their number of posts, beside the posts. */
export function CategoryList({ categories, current }: { categories: CategoryWithCount[]; current?: string }) {
  if (categories.length === 0) return null;
  return (
    <aside class="sidebar" aria-labelledby="categories-title">
      <h2 id="categories-title">Categories</h2>
      <ul>
        {categories.map((category) => (
          <li>
            <a
              href={`/categories/${encodeURIComponent(category.slug)}`}
              aria-current={category.slug === current ? 'page' : undefined}
            >
              {category.name}
            </a>{' '}
            <span class="count">({category.postCount})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
