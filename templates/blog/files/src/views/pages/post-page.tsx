import type { CategoryWithCount } from '../../repositories/category-repository.js';
import type { PostWithCategory } from '../../repositories/post-repository.js';
import type { CommentInput } from '../../schemas/blog.js';
import type { FormErrors } from '../../schemas/form.js';
import type { CommentThread } from '../../services/comment-service.js';
import { CategoryList } from '../components/category-list.js';
import { CommentForm } from '../components/comment-form.js';
import { CommentThreads } from '../components/comment-thread.js';
import { RelativeTime } from '../components/relative-time.js';

export interface PostPageProps {
  post: PostWithCategory;
  threads: CommentThread[];
  categories: CategoryWithCount[];
  replyTo?: CommentThread | undefined;
  values?: Partial<Record<keyof CommentInput, string>>;
  errors?: FormErrors<CommentInput>;
}

export function PostPage({ post, threads, categories, replyTo, values, errors }: PostPageProps) {
  return (
    <div class="with-sidebar">
      <div>
        <article class="post" aria-labelledby="post-title">
          <h1 id="post-title">{post.title}</h1>
          <p class="post-meta">
            <RelativeTime date={post.createdAt} /> in{' '}
            <a href={`/categories/${encodeURIComponent(post.category.slug)}`}>{post.category.name}</a>
          </p>
          {/* Rendered from Markdown and sanitised when the post was saved (src/core/markdown.ts). */}
          <div class="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        </article>
        <section id="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">Comments</h2>
          {threads.length === 0 ? <p class="empty">No comments yet.</p> : null}
          <CommentThreads threads={threads} postSlug={post.slug} canReply={post.canComment} />
          {post.canComment ? (
            <CommentForm postSlug={post.slug} replyTo={replyTo} values={values} errors={errors} />
          ) : (
            <p class="muted">Comments on this post are closed.</p>
          )}
        </section>
      </div>
      <CategoryList categories={categories} current={post.category.slug} />
    </div>
  );
}
