import type { Page } from '../../core/pagination.js';
import type { CategoryWithCount } from '../../repositories/category-repository.js';
import type { PostWithCategory } from '../../repositories/post-repository.js';
import { CategoryList } from '../components/category-list.js';
import { PostList } from '../components/post-list.js';

export function HomePage({ page, categories }: { page: Page<PostWithCategory>; categories: CategoryWithCount[] }) {
  return (
    <div class="with-sidebar">
      <section aria-labelledby="posts-title">
        <h1 id="posts-title" class="visually-hidden">
          Posts
        </h1>
        <PostList page={page} href="/" />
      </section>
      <CategoryList categories={categories} />
    </div>
  );
}
