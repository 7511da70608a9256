import { type Page, readPage } from '../core/pagination.js';
import type { Message } from '../db/schema/index.js';
import type { MessageRepository } from '../repositories/message-repository.js';
import type { MessageInput } from '../schemas/message.js';

/** The guestbook's rules: what a message is, how the list is paged. Knows nothing of HTTP or SQL. */
export class MessageService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly pageSize: number,
  ) {}

  async post(input: MessageInput): Promise<Message> {
    // Runs of blank lines are kept to one: a message is a few lines, not a wall of space.
    const body = input.body.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n');
    return this.messages.create({ name: input.name, body });
  }

  page(page: number): Promise<Page<Message>> {
    return readPage(
      page,
      this.pageSize,
      (offset, limit) => this.messages.page(offset, limit),
      () => this.messages.count(),
    );
  }
}
