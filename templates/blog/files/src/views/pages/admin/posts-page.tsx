import type { Page } from '../../../core/pagination.js';
import type { PostWithCategory } from '../../../repositories/post-repository.js';
import { ActionButton } from '../../components/action-button.js';
import { Pagination } from '../../components/pagination.js';
import { RelativeTime } from '../../components/relative-time.js';

export function PostsPage({ page }: { page: Page<PostWithCategory> }) {
  return (
    <section aria-labelledby="posts-title">
      <h1 id="posts-title">Posts</h1>
      <p>
        <a href="/admin/posts/new">Write a new post</a>
      </p>
      {page.items.length === 0 ? (
        <p class="empty">No posts yet.</p>
      ) : (
        <table class="admin-table">
          <caption class="visually-hidden">Posts, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Category</th>
              <th scope="col">Written</th>
              <th scope="col">Comments</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((post) => (
              <tr>
                <td>
                  <a href={`/posts/${encodeURIComponent(post.slug)}`}>{post.title}</a>
                </td>
                <td>{post.category.name}</td>
                <td>
                  <RelativeTime date={post.createdAt} />
                </td>
                <td>
                  {/* The state, then a button named by what it does: "Open" alone reads like a state. */}
                  {post.canComment ? 'Open' : 'Closed'}{' '}
                  <ActionButton
                    action={`/admin/posts/${post.id}/comments`}
                    label={post.canComment ? 'Close comments' : 'Open comments'}
                    accessibleLabel={`${post.canComment ? 'Close' : 'Open'} comments on “${post.title}”`}
                    fields={{ open: String(!post.canComment) }}
                  />
                </td>
                <td class="actions">
                  <a href={`/admin/posts/${post.id}/edit`} aria-label={`Edit “${post.title}”`}>
                    Edit
                  </a>{' '}
                  <ActionButton
                    action={`/admin/posts/${post.id}/delete`}
                    label="Delete"
                    accessibleLabel={`Delete “${post.title}”`}
                    confirm={`Delete “${post.title}” and its comments?`}
                    danger
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} href="/admin/posts" />
    </section>
  );
}
