import { AppError } from '../core/errors.js';
import { type Page, readPage } from '../core/pagination.js';
import type { Conversation, Message } from '../db/schema/index.js';
import type { ConversationRepository } from '../repositories/conversation-repository.js';

/** The title of a conversation until the title job (or the user) names it. */
export const defaultTitle = 'New conversation';

/** A user's conversations: list, open, rename, delete. Each method takes the user: nobody sees another's. */
export class ConversationService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly pageSize = 20,
  ) {}

  async page(userId: number, page: number): Promise<Page<Conversation>> {
    return readPage(
      page,
      this.pageSize,
      (offset, limit) => this.conversations.pageByUser(userId, offset, limit),
      () => this.conversations.countByUser(userId),
    );
  }

  async create(userId: number, title?: string): Promise<Conversation> {
    return this.conversations.create(userId, title ?? defaultTitle);
  }

  async open(userId: number, id: number): Promise<Conversation & { messages: Message[] }> {
    const conversation = await this.conversations.findOwnedWithMessages(id, userId);
    if (!conversation) throw notFound(id);
    return conversation;
  }

  async rename(userId: number, id: number, title: string): Promise<Conversation> {
    await this.owned(userId, id);
    const renamed = await this.conversations.update(id, { title });
    if (!renamed) throw notFound(id);
    return renamed;
  }

  async delete(userId: number, id: number): Promise<void> {
    if (!(await this.conversations.deleteOwned(id, userId))) throw notFound(id);
  }

  /** Someone else's conversation is "not found", never "forbidden": its existence is nobody else's business. */
  private async owned(userId: number, id: number): Promise<Conversation> {
    const conversation = await this.conversations.findOwned(id, userId);
    if (!conversation) throw notFound(id);
    return conversation;
  }
}

function notFound(id: number): AppError {
  return new AppError('not_found', `You have no conversation ${id}.`);
}
