import type { EventHub } from '../adapters/event-hub.js';
import { AppError } from '../core/errors.js';
import { pageWindow } from '../core/pagination.js';
import type { NotificationKind } from '../db/schema/index.js';
import type { NotificationRepository } from '../repositories/notification-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';

const switchOf = { follow: 'notifyOnFollow', comment: 'notifyOnComment', collect: 'notifyOnCollect' } as const;

/** The hub channel a user's live updates go to. */
export const userChannel = (userId: number) => `user:${userId}`;

/** Notifications on follow, comment and collect; every change of a user's unread count is pushed live. */
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly users: UserRepository,
    private readonly hub: EventHub,
  ) {}

  /** Tells `receiverId` what `actorId` did, unless they switched this kind off (or it is their own doing). */
  async notify(kind: NotificationKind, receiverId: number, actorId: number, photoId?: number): Promise<void> {
    if (receiverId === actorId) return;
    const receiver = await this.users.byId(receiverId);
    if (!receiver?.[switchOf[kind]]) return;
    await this.notifications.insert({ kind, receiverId, actorId, photoId });
    await this.push(receiverId);
  }

  async page(userId: number, unreadOnly: boolean, page: number, pageSize = 20) {
    const { items, total } = await this.notifications.page(userId, unreadOnly, (page - 1) * pageSize, pageSize);
    const { pageCount } = pageWindow(page, pageSize, total);
    return { items, page, pageSize, total, pageCount };
  }

  unreadCount(userId: number): Promise<number> {
    return this.notifications.unreadCount(userId);
  }

  async markRead(userId: number, id: number): Promise<void> {
    if (!(await this.notifications.markRead(userId, id)))
      throw new AppError('not_found', 'There is no such notification.');
    await this.push(userId);
  }

  async markAllRead(userId: number): Promise<void> {
    await this.notifications.markAllRead(userId);
    await this.push(userId);
  }

  private async push(userId: number): Promise<void> {
    this.hub.publish(userChannel(userId), { type: 'unread', data: { count: await this.unreadCount(userId) } });
  }
}
