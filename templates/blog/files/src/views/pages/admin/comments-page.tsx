import type { Page } from '../../../core/pagination.js';
import type { CommentFilter, CommentWithPost } from '../../../repositories/comment-repository.js';
import { ActionButton } from '../../components/action-button.js';
import { Pagination } from '../../components/pagination.js';
import { RelativeTime } from '../../components/relative-time.js';

export interface CommentsPageProps {
  page: Page<CommentWithPost>;
  filter: CommentFilter;
}

export function CommentsPage({ page, filter }: CommentsPageProps) {
  return (
    <section aria-labelledby="comments-title">
      <h1 id="comments-title">Comments</h1>
      <nav class="tabs" aria-label="Which comments">
        <a href="/admin/comments?filter=pending" aria-current={filter === 'pending' ? 'page' : undefined}>
          Waiting for approval
        </a>
        <a href="/admin/comments?filter=all" aria-current={filter === 'all' ? 'page' : undefined}>
          All
        </a>
      </nav>
      {page.items.length === 0 ? (
        <p class="empty">{filter === 'pending' ? 'Nothing waits for approval.' : 'No comments yet.'}</p>
      ) : (
        <ol class="comments">
          {page.items.map((comment) => (
            <li>
              <article aria-label={`Comment by ${comment.author}`} class="comment">
                <header>
                  <strong class="author">{comment.author}</strong> &lt;{comment.email}&gt; on{' '}
                  <a href={`/posts/${encodeURIComponent(comment.post.slug)}`}>{comment.post.title}</a>{' '}
                  <RelativeTime date={comment.createdAt} />{' '}
                  {comment.reviewed ? null : <span class="badge">pending</span>}
                </header>
                <p class="body">{comment.body}</p>
                <p class="actions">
                  {comment.reviewed ? null : (
                    <ActionButton
                      action={`/admin/comments/${comment.id}/approve`}
                      label="Approve"
                      accessibleLabel={`Approve the comment by ${comment.author}`}
                    />
                  )}{' '}
                  <ActionButton
                    action={`/admin/comments/${comment.id}/delete`}
                    label="Delete"
                    accessibleLabel={`Delete the comment by ${comment.author}`}
                    confirm="Delete this comment and its replies?"
                    danger
                  />
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} href={`/admin/comments?filter=${filter}`} />
    </section>
  );
}
