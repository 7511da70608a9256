import type { CommentThread } from '../../services/comment-service.js';
import { RelativeTime } from './relative-time.js';

/** Comments with their replies nested under them (the adjacency list as a tree). */
export function CommentThreads({
  threads,
  postSlug,
  canReply,
}: {
  threads: CommentThread[];
  postSlug: string;
  canReply: boolean;
}) {
  return (
    <ol class="comments">
      {threads.map((comment) => (
        <li id={`comment-${comment.id}`}>
          <article
            aria-label={`Comment by ${comment.author}`}
            class={comment.fromAdmin ? 'comment from-admin' : 'comment'}
          >
            <header>
              {/* The site was checked to be http(s) when the comment was posted. */}
              {comment.site ? (
                <a class="author" href={comment.site} rel="nofollow noopener ugc">
                  {comment.author}
                </a>
              ) : (
                <strong class="author">{comment.author}</strong>
              )}
              {comment.fromAdmin ? <span class="badge">author</span> : null} <RelativeTime date={comment.createdAt} />
            </header>
            <p class="body">{comment.body}</p>
            {canReply ? (
              <a class="reply-link" href={`/posts/${encodeURIComponent(postSlug)}?reply=${comment.id}#comment-form`}>
                Reply<span class="visually-hidden"> to {comment.author}</span>
              </a>
            ) : null}
          </article>
          {comment.replies.length > 0 ? (
            <CommentThreads threads={comment.replies} postSlug={postSlug} canReply={canReply} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
