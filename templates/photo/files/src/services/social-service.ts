import { AppError } from '../core/errors.js';
import { pageWindow } from '../core/pagination.js';
import { type Actor, requirePermission } from '../core/permissions.js';
import type { User } from '../db/schema/index.js';
import type { PhotoRepository } from '../repositories/photo-repository.js';
import type { SocialRepository } from '../repositories/social-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { NotificationService } from './notification-service.js';

const peoplePerPage = 20;

/** Following people and collecting photos, and the lists they make. */
export class SocialService {
  constructor(
    private readonly social: SocialRepository,
    private readonly users: UserRepository,
    private readonly photos: PhotoRepository,
    private readonly notifications: NotificationService,
  ) {}

  async follow(actor: Actor | undefined, username: string): Promise<User> {
    requirePermission(actor, 'FOLLOW');
    const user = await this.user(username);
    if (user.id === actor.id) throw new AppError('bad_request', 'You cannot follow yourself.');
    if (await this.social.follow(actor.id, user.id)) await this.notifications.notify('follow', user.id, actor.id);
    return user;
  }

  async unfollow(actor: Actor | undefined, username: string): Promise<User> {
    if (!actor) throw new AppError('unauthorized', 'Log in first.');
    const user = await this.user(username);
    await this.social.unfollow(actor.id, user.id);
    return user;
  }

  isFollowing(actorId: number | undefined, userId: number): Promise<boolean> {
    return actorId === undefined ? Promise.resolve(false) : this.social.isFollowing(actorId, userId);
  }

  async people(username: string, direction: 'followers' | 'following', page: number) {
    const user = await this.user(username);
    const { items, total } = await this.social.people(user.id, direction, (page - 1) * peoplePerPage, peoplePerPage);
    const { pageCount } = pageWindow(page, peoplePerPage, total);
    return { user, people: { items, page, pageSize: peoplePerPage, total, pageCount } };
  }

  counts(userId: number) {
    return this.social.counts(userId);
  }

  async collect(actor: Actor | undefined, photoId: number): Promise<void> {
    requirePermission(actor, 'COLLECT');
    const photo = await this.photos.byId(photoId);
    if (!photo) throw new AppError('not_found', 'There is no such photo.');
    if (await this.social.collect(actor.id, photoId))
      await this.notifications.notify('collect', photo.authorId, actor.id, photoId);
  }

  async uncollect(actor: Actor | undefined, photoId: number): Promise<void> {
    if (!actor) throw new AppError('unauthorized', 'Log in first.');
    if (!(await this.photos.byId(photoId))) throw new AppError('not_found', 'There is no such photo.');
    await this.social.uncollect(actor.id, photoId);
  }

  hasCollected(actorId: number | undefined, photoId: number): Promise<boolean> {
    return actorId === undefined ? Promise.resolve(false) : this.social.hasCollected(actorId, photoId);
  }

  async collectors(photoId: number, page: number) {
    if (!(await this.photos.byId(photoId))) throw new AppError('not_found', 'There is no such photo.');
    const { items, total } = await this.social.collectors(photoId, (page - 1) * peoplePerPage, peoplePerPage);
    const { pageCount } = pageWindow(page, peoplePerPage, total);
    return { items, page, pageSize: peoplePerPage, total, pageCount };
  }

  /** What a user collected: private collections are seen by their owner (and moderators) only. */
  async collections(viewer: Actor | undefined, username: string, page: number, pageSize = 12) {
    const user = await this.user(username);
    const mayView =
      user.publicCollections ||
      viewer?.id === user.id ||
      (viewer !== undefined && viewer.active && viewer.role !== 'locked' && viewer.role !== 'user');
    if (!mayView) return { user, photos: undefined };
    const { items, total } = await this.photos.collectedBy(user.id, (page - 1) * pageSize, pageSize);
    const { pageCount } = pageWindow(page, pageSize, total);
    return { user, photos: { items, page, pageSize, total, pageCount } };
  }

  private async user(username: string): Promise<User> {
    const user = await this.users.byUsername(username);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    return user;
  }
}
