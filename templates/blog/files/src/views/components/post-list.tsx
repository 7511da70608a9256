import type { Page } from '../../core/pagination.js';
import type { PostWithCategory } from '../../repositories/post-repository.js';
import { excerpt } from '../../core/markdown.js';
import { Pagination } from './pagination.js';
import { RelativeTime } from './relative-time.js';

/** Posts, newest first, each with its category, date and first lines; paged. */
export function PostList({ page, href }: { page: Page<PostWithCategory>; href: string }) {
  if (page.items.length === 0) return <p class="empty">No posts yet.</p>;
  return (
    <>
      <ol class="post-list">
        {page.items.map((post) => (
          <li>
            <article aria-labelledby={`post-${post.id}`}>
              <h2 id={`post-${post.id}`}>
                <a href={`/posts/${encodeURIComponent(post.slug)}`}>{post.title}</a>
              </h2>
              <p class="post-meta">
                <RelativeTime date={post.createdAt} /> in{' '}
                <a href={`/categories/${encodeURIComponent(post.category.slug)}`}>{post.category.name}</a>
              </p>
              <p>{excerpt(post.body)}</p>
            </article>
          </li>
        ))}
      </ol>
      <Pagination page={page} href={href} labels={['← Newer posts', 'Older posts →']} />
    </>
  );
}
