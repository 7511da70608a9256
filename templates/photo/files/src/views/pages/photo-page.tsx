import type { Photo, Tag, User } from '../../db/schema/index.js';
import type { CommentThread } from '../../services/comment-service.js';
import { ActionButton } from '../components/action-button.js';
import { CsrfField } from '../components/csrf-field.js';
import { RelativeTime } from '../components/relative-time.js';
import { Avatar, fileUrl, ToggleButton, UserLink } from '../components/photo-bits.js';

export interface PhotoPageProps {
  photo: Photo;
  author: User;
  tags: Tag[];
  neighbours: { previous?: number; next?: number };
  threads: CommentThread[];
  /** What the viewer may do here. */
  viewer: {
    loggedIn: boolean;
    mayChange: boolean;
    mayComment: boolean;
    mayCollect: boolean;
    collected: boolean;
    /** The viewer's id, to offer deleting their own comments. */
    id?: number;
    mayModerate: boolean;
  };
  collects: number;
  replyTo?: { id: number; name: string } | undefined;
  commentError?: string | undefined;
}

export function PhotoPage(props: PhotoPageProps) {
  const { photo, author, tags, neighbours, threads, viewer, collects } = props;
  const here = `/photos/${photo.id}`;
  return (
    <article class="photo-page" aria-labelledby="photo-title">
      <h1 id="photo-title" class="visually-hidden">
        Photo by {author.name}
      </h1>
      <figure>
        <a href={fileUrl(photo.filename)}>
          <img src={fileUrl(photo.filenameM)} alt={photo.description || `Photo by ${author.name}`} />
        </a>
      </figure>
      <nav class="photo-nav" aria-label="Photos of this user">
        {neighbours.previous ? (
          <a href={`/photos/${neighbours.previous}`} rel="prev">
            ← Newer
          </a>
        ) : (
          <span />
        )}
        {neighbours.next ? (
          <a href={`/photos/${neighbours.next}`} rel="next">
            Older →
          </a>
        ) : (
          <span />
        )}
      </nav>
      <aside class="photo-side">
        <p class="byline">
          <a href={`/users/${encodeURIComponent(author.username)}`}>
            <Avatar user={author} /> {author.name}
          </a>{' '}
          · <RelativeTime date={photo.createdAt} />
        </p>
        <section aria-label="Description">
          {photo.description ? <p class="description">{photo.description}</p> : null}
          {viewer.mayChange ? (
            <form method="post" action={`${here}/description`}>
              <CsrfField />
              <label for="description">Description</label>
              <textarea id="description" name="description" maxLength={500} rows={3} value={photo.description} />
              <button type="submit" class="button-secondary">
                Save the description
              </button>
            </form>
          ) : null}
        </section>
        <section aria-label="Tags">
          <ul class="tags">
            {tags.map((tag) => (
              <li>
                <a href={`/tags/${tag.id}`}>#{tag.name}</a>
                {viewer.mayChange ? (
                  <ActionButton
                    action={`${here}/tags/${tag.id}/delete`}
                    label="×"
                    accessibleLabel={`Remove the tag ${tag.name}`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {viewer.mayChange ? (
            <form method="post" action={`${here}/tags`} class="inline-form">
              <CsrfField />
              <label for="new-tags">Add tags</label>
              <input id="new-tags" name="tags" maxLength={200} placeholder="sunset, 城市" />
              <button type="submit" class="button-secondary">
                Add
              </button>
            </form>
          ) : null}
        </section>
        <div class="photo-actions">
          {viewer.mayCollect ? (
            <ToggleButton
              action={`${here}/collect`}
              on={viewer.collected}
              labels={['Collect', 'Collected']}
              next={here}
            />
          ) : null}
          <a href={`${here}/collectors`}>
            {collects} {collects === 1 ? 'collector' : 'collectors'}
          </a>
          {viewer.loggedIn ? (
            <details class="report">
              <summary>Report</summary>
              <form method="post" action={`${here}/report`}>
                <CsrfField />
                <label for="reason">What is wrong with this photo?</label>
                <input id="reason" name="reason" maxLength={200} />
                <button type="submit" class="button-secondary">
                  Report the photo
                </button>
              </form>
            </details>
          ) : null}
          {viewer.mayChange ? (
            <ActionButton
              action={`${here}/delete`}
              label="Delete the photo"
              confirm="Delete this photo for good, with its comments?"
              danger
            />
          ) : null}
        </div>
      </aside>
      <section class="comments" id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        {threads.length === 0 ? <p class="empty">No comments yet.</p> : null}
        {threads.map(({ comment, replies }) => (
          <div class="thread">
            {[comment, ...replies].map((item) => (
              <article
                class={item === comment ? 'comment' : 'comment reply'}
                id={`comment-${item.id}`}
                aria-label={`Comment by ${item.author.name}`}
              >
                <p class="comment-head">
                  <UserLink user={item.author} /> <RelativeTime date={item.createdAt} />
                </p>
                <p>{item.body}</p>
                <p class="comment-actions">
                  {viewer.mayComment && photo.canComment ? (
                    <a href={`${here}?reply=${comment.id}#comment-form`}>Reply</a>
                  ) : null}
                  {viewer.mayModerate || viewer.mayChange || viewer.id === item.author.id ? (
                    <ActionButton
                      action={`/comments/${item.id}/delete`}
                      label="Delete"
                      accessibleLabel={`Delete the comment by ${item.author.name}`}
                      confirm="Delete this comment?"
                    />
                  ) : null}
                </p>
              </article>
            ))}
          </div>
        ))}
        {viewer.mayComment && photo.canComment ? (
          <form method="post" action={`${here}/comments`} id="comment-form">
            <CsrfField />
            {props.replyTo ? (
              <p>
                Replying to {props.replyTo.name} · <a href={`${here}#comments`}>cancel</a>
                <input type="hidden" name="repliedId" value={String(props.replyTo.id)} />
              </p>
            ) : null}
            <label for="comment-body">Your comment</label>
            <textarea
              id="comment-body"
              name="body"
              maxLength={500}
              rows={3}
              required
              aria-invalid={props.commentError ? 'true' : undefined}
            />
            {props.commentError ? <p class="field-error">{props.commentError}</p> : null}
            <button type="submit">Post the comment</button>
          </form>
        ) : !photo.canComment ? (
          <p class="empty">Comments are closed.</p>
        ) : viewer.loggedIn ? (
          <p class="empty">Confirm your e-mail address to comment.</p>
        ) : (
          <p class="empty">
            <a href={`/login?next=${encodeURIComponent(here)}`}>Log in</a> to comment.
          </p>
        )}
        {viewer.mayChange ? (
          <ActionButton
            action={`${here}/comments/${photo.canComment ? 'close' : 'open'}`}
            label={photo.canComment ? 'Close the comments' : 'Open the comments'}
          />
        ) : null}
      </section>
    </article>
  );
}
