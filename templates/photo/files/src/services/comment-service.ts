import { AppError } from '../core/errors.js';
import { pageWindow } from '../core/pagination.js';
import { type Actor, requireChange, requirePermission } from '../core/permissions.js';
import type { Comment } from '../db/schema/index.js';
import type { CommentRepository, CommentView } from '../repositories/comment-repository.js';
import type { PhotoRepository } from '../repositories/photo-repository.js';
import type { NotificationService } from './notification-service.js';

export interface CommentThread {
  comment: CommentView;
  replies: CommentView[];
}

/** Comments on photos, with replies; the photo's author is told. */
export class CommentService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly photos: PhotoRepository,
    private readonly notifications: NotificationService,
  ) {}

  async add(actor: Actor | undefined, photoId: number, body: string, repliedId?: number): Promise<Comment> {
    requirePermission(actor, 'COMMENT');
    const photo = await this.photos.byId(photoId);
    if (!photo) throw new AppError('not_found', 'There is no such photo.');
    if (!photo.canComment) throw new AppError('forbidden', 'Comments on this photo are closed.');
    if (repliedId !== undefined) {
      const replied = await this.comments.byId(repliedId);
      if (replied?.photoId !== photoId)
        throw new AppError('validation_failed', 'The comment you answer is not on this photo.', { field: 'repliedId' });
    }
    const comment = await this.comments.insert({ photoId, authorId: actor.id, body, repliedId });
    await this.notifications.notify('comment', photo.authorId, actor.id, photoId);
    return comment;
  }

  /** The photo's comments as threads: a top-level comment and the replies under it, oldest first. */
  async threads(photoId: number): Promise<CommentThread[]> {
    const all = await this.comments.ofPhoto(photoId);
    const byId = new Map(all.map((comment) => [comment.id, comment]));
    const threads = new Map<number, CommentThread>();
    for (const comment of all) {
      // A reply to a reply joins the thread of the top-level comment it belongs to.
      let root = comment;
      while (root.repliedId !== null && byId.has(root.repliedId)) root = byId.get(root.repliedId)!;
      if (root === comment) threads.set(comment.id, { comment, replies: [] });
      else threads.get(root.id)?.replies.push(comment);
    }
    return [...threads.values()];
  }

  /** Its author or the photo's author may delete a comment; so may a moderator. */
  async delete(actor: Actor | undefined, id: number): Promise<Comment> {
    const comment = await this.comments.byId(id);
    if (!comment) throw new AppError('not_found', 'There is no such comment.');
    const photo = await this.photos.byId(comment.photoId);
    if (actor?.id !== photo?.authorId) requireChange(actor, comment.authorId, 'this comment');
    await this.comments.delete(id);
    return comment;
  }

  async page(actor: Actor | undefined, page: number, pageSize = 30) {
    requirePermission(actor, 'MODERATE');
    const { items, total } = await this.comments.page((page - 1) * pageSize, pageSize);
    const { pageCount } = pageWindow(page, pageSize, total);
    return { items, page, pageSize, total, pageCount };
  }
}
