import type { Message } from '../db/schema/index.js';
import type { ConversationRepository } from '../repositories/conversation-repository.js';
import type { MessageRepository } from '../repositories/message-repository.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { defaultTitle } from './conversation-service.js';

/** What is replaced in stored messages, in this order (seed 004's 数据清洗: the history keeps no personal data). */
const personalData: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  // 13 to 19 digits, optionally grouped: a payment card number when the Luhn check says so.
  [/\b(?:\d[ -]?){12,18}\d\b/g, '[card]'],
  [/(?<![\w+])\+?\d[\d ()-]{7,}\d\b/g, '[phone]'],
];

/** The background work on conversations: naming them, cleaning their history, pruning old ones. */
export class HistoryService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly retentionDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Names a conversation after its first question (a job, so that no request waits for it). */
  async title(conversationId: number): Promise<string | undefined> {
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation || conversation.title !== defaultTitle) return undefined;
    const [first] = (await this.messages.listByConversation(conversationId)).filter((m) => m.role === 'user');
    if (!first) return undefined;
    const title = titleFrom(first.content);
    await this.conversations.update(conversationId, { title });
    return title;
  }

  /**
   * The clean-up pipeline: drops repeated messages (a double-sent question and its answer) and replaces personal
   * data (e-mail addresses, card and phone numbers) with placeholders.
   */
  async clean(conversationId: number): Promise<{ removed: number; redacted: number }> {
    const all = await this.messages.listByConversation(conversationId);
    const duplicates = repeated(all);
    await this.messages.deleteMany(duplicates.map((message) => message.id));
    let redacted = 0;
    for (const message of all.filter((m) => !duplicates.includes(m))) {
      const clean = redact(message.content);
      if (clean === message.content) continue;
      await this.messages.setContent(message.id, clean);
      redacted += 1;
    }
    return { removed: duplicates.length, redacted };
  }

  /** The scheduled job: conversations untouched for HISTORY_RETENTION_DAYS, and expired refresh tokens. */
  async prune(): Promise<{ conversations: number; refreshTokens: number }> {
    const now = this.now();
    const before = new Date(now.getTime() - this.retentionDays * 86_400_000);
    return {
      conversations: await this.conversations.deleteUntouchedSince(before),
      refreshTokens: await this.refreshTokens.deleteExpired(now),
    };
  }
}

export function redact(text: string): string {
  return personalData.reduce(
    (result, [pattern, placeholder]) =>
      result.replace(pattern, (match) => (placeholder === '[card]' && !luhn(match) ? match : placeholder)),
    text,
  );
}

/** "How do I read a CSV file in Python?" → the first line, at most 60 characters, cut at a word. */
export function titleFrom(question: string): string {
  const line = question.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  if (line.length <= 60) return line || defaultTitle;
  const cut = line.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 60)}…`;
}

/** A message that repeats the one before it, or an exchange (question, answer) that repeats the one before. */
function repeated(messages: Message[]): Message[] {
  const same = (a: Message | undefined, b: Message | undefined) => a?.role === b?.role && a?.content === b?.content;
  const kept: Message[] = [];
  const dropped: Message[] = [];
  for (const message of messages) {
    if (same(kept.at(-1), message)) dropped.push(message);
    else if (message.role === 'assistant' && same(kept.at(-1), kept.at(-3)) && same(message, kept.at(-2))) {
      dropped.push(kept.pop()!, message);
    } else kept.push(message);
  }
  return dropped;
}

function luhn(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
