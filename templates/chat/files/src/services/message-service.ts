import { randomUUID } from 'node:crypto';
import { avatarHash } from '../core/avatar.js';
import { AppError } from '../core/errors.js';
import { renderMessage } from '../core/markdown.js';
import { roomBySlug } from '../core/rooms.js';
import type { MessageRepository, MessageWithAuthor } from '../repositories/message-repository.js';
import type { PublicUser } from './account-service.js';

/** A message as pages and sockets show it. Anonymous messages have a string id: they are never stored. */
export interface MessageView {
  id: number | string;
  room: string;
  html: string;
  author: { id: number | null; nickname: string; avatarHash: string };
  createdAt: string;
}

/** One page of a room's history, newest first; `before` is the cursor of the next (older) page. */
export interface HistoryPage {
  messages: MessageView[];
  before: number | null;
}

const toView = (message: MessageWithAuthor): MessageView => ({
  id: message.id,
  room: message.room,
  html: message.html,
  author: message.author,
  createdAt: message.createdAt.toISOString(),
});

const anonymous = { id: null, nickname: 'Anonymous', avatarHash: avatarHash('anonymous') };

/** The rules of messages, the same whether a message comes over a socket or a form post. */
export class MessageService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly pageSize: number,
  ) {}

  /** Stores a message of a signed-in user and returns it as everyone in the room will see it. */
  async post(author: PublicUser, room: string, body: string): Promise<MessageView> {
    this.room(room);
    const html = this.render(body);
    const { id } = await this.messages.create({ room, authorId: author.id, body, html });
    const stored = await this.messages.withAuthor(id);
    if (!stored) throw new Error('the message vanished');
    return toView(stored);
  }

  /** A message of the anonymous room: rendered the same way, stored nowhere (as in CatChat). */
  anonymous(body: string): MessageView {
    return {
      id: randomUUID(),
      room: 'anonymous',
      html: this.render(body),
      author: anonymous,
      createdAt: new Date().toISOString(),
    };
  }

  /** The newest messages of a room, or those older than `before` (infinite scroll). */
  async history(room: string, before?: number): Promise<HistoryPage> {
    this.room(room);
    // One more than a page tells whether there is another page, without counting.
    const rows = await this.messages.page(room, this.pageSize + 1, before);
    const page = rows.slice(0, this.pageSize);
    return { messages: page.map(toView), before: rows.length > this.pageSize ? (page.at(-1)?.id ?? null) : null };
  }

  /**
   * What a client that was away missed: the messages after `after`, oldest first. More than a page missed: the
   * client starts again from the newest page (`complete: false`).
   */
  async since(room: string, after: number): Promise<{ messages: MessageView[]; complete: boolean }> {
    this.room(room);
    const rows = await this.messages.after(room, after, this.pageSize + 1);
    return { messages: rows.slice(0, this.pageSize).map(toView), complete: rows.length <= this.pageSize };
  }

  /** Deletes a message: its author may, and an admin may delete any. */
  async remove(actor: PublicUser, id: number): Promise<{ id: number; room: string }> {
    const message = await this.messages.byId(id);
    if (!message) throw new AppError('not_found', 'There is no such message (it may have been deleted already).');
    if (message.authorId !== actor.id && !actor.isAdmin) {
      throw new AppError('forbidden', 'You can only delete your own messages.');
    }
    await this.messages.delete(id);
    return { id, room: message.room };
  }

  private room(slug: string): void {
    if (!roomBySlug(slug)) throw new AppError('not_found', 'There is no room here.');
  }

  private render(body: string): string {
    const html = renderMessage(body);
    // Something that renders to no text (an image, which is not allowed) is no message.
    if (!html.replace(/<[^>]*>/g, '').trim()) throw new AppError('validation_failed', 'The message is empty.');
    return html;
  }
}
