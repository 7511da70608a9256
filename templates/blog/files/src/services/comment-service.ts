import { AppError } from '../core/errors.js';
import type { Mailer } from '../adapters/mailer.js';
import { type Page, pageWindow } from '../core/pagination.js';
import type { Comment, Post } from '../db/schema/index.js';
import type { AdminRepository } from '../repositories/admin-repository.js';
import type { CommentFilter, CommentRepository, CommentWithPost } from '../repositories/comment-repository.js';
import type { CommentInput } from '../schemas/blog.js';
import type { PostService } from './post-service.js';

/** A comment with its replies, and theirs: the adjacency list (replied_id) turned into a tree. */
export type CommentThread = Comment & { replies: CommentThread[] };

export interface CommentServiceOptions {
  pageSize: number;
  /** The blog's public address, for the links in mails. */
  siteUrl: string;
}

export class CommentService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly posts: PostService,
    private readonly admins: AdminRepository,
    private readonly mailer: Mailer,
    private readonly options: CommentServiceOptions,
  ) {}

  /** The approved comments of a post, replies under the comment they answer. */
  async threadsFor(postId: number): Promise<CommentThread[]> {
    const threads = new Map<number, CommentThread>();
    for (const comment of await this.comments.approvedForPost(postId))
      threads.set(comment.id, { ...comment, replies: [] });
    const roots: CommentThread[] = [];
    for (const thread of threads.values()) {
      const parent = thread.repliedId === null ? undefined : threads.get(thread.repliedId);
      (parent ? parent.replies : roots).push(thread);
    }
    return roots;
  }

  /**
   * A new comment. A visitor's waits for approval and the admin is told by mail; the admin's own is shown at
   * once. A reply must answer a visible comment of the same post.
   */
  async add(postSlug: string, input: CommentInput, fromAdmin: boolean): Promise<Comment> {
    const post = await this.posts.bySlug(postSlug);
    if (!post.canComment) throw new AppError('forbidden', 'Comments on this post are closed.');
    const replied = input.repliedId === undefined ? undefined : await this.comments.byId(input.repliedId);
    if (input.repliedId !== undefined && (!replied || replied.postId !== post.id || !replied.reviewed)) {
      throw new AppError('bad_request', 'The comment you are replying to is not on this post.');
    }
    const comment = await this.comments.create({
      postId: post.id,
      repliedId: replied?.id ?? null,
      author: input.author,
      email: input.email,
      site: input.site ?? null,
      body: input.body,
      fromAdmin,
      reviewed: fromAdmin,
    });
    if (fromAdmin) await this.tellRepliedAuthor(comment, post);
    else await this.tellAdmin(comment, post);
    return comment;
  }

  async page(filter: CommentFilter, page: number): Promise<Page<CommentWithPost>> {
    const total = await this.comments.count(filter);
    const { offset, pageCount } = pageWindow(page, this.options.pageSize, total);
    const items = await this.comments.page(filter, offset, this.options.pageSize);
    return { items, page, pageSize: this.options.pageSize, total, pageCount };
  }

  pendingCount(): Promise<number> {
    return this.comments.count('pending');
  }

  /** Approving a reply is when its author's correspondent hears of it. */
  async approve(id: number): Promise<void> {
    const before = await this.comments.byId(id);
    if (!before) throw new AppError('not_found', 'There is no such comment.');
    if (before.reviewed) return;
    const approved = await this.comments.approve(id);
    if (approved) await this.tellRepliedAuthor(approved, await this.posts.byId(approved.postId));
  }

  /** Deletes the comment and the replies under it. */
  async delete(id: number): Promise<void> {
    if (!(await this.comments.delete(id))) throw new AppError('not_found', 'There is no such comment.');
  }

  // Mails are queued (mailer.sendLater): the request that caused them never waits for an SMTP server.

  private async tellAdmin(comment: Comment, post: Pick<Post, 'title' | 'slug'>): Promise<void> {
    const admin = await this.admins.first();
    if (!admin?.email) return;
    this.mailer.sendLater({
      to: admin.email,
      subject: `New comment on “${post.title}”`,
      text:
        `${comment.author} <${comment.email}> wrote:\n\n${comment.body}\n\n` +
        `It waits for your approval: ${this.options.siteUrl}/admin/comments?filter=pending\n`,
    });
  }

  private async tellRepliedAuthor(reply: Comment, post: Pick<Post, 'title' | 'slug'>): Promise<void> {
    if (reply.repliedId === null) return;
    const replied = await this.comments.byId(reply.repliedId);
    if (!replied || replied.email === reply.email) return;
    this.mailer.sendLater({
      to: replied.email,
      subject: `A reply to your comment on “${post.title}”`,
      text:
        `${reply.author} replied to you:\n\n${reply.body}\n\n` +
        `Read it: ${this.options.siteUrl}/posts/${encodeURIComponent(post.slug)}#comment-${reply.id}\n`,
    });
  }
}
