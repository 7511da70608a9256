import { AppError } from '../core/errors.js';
import type { JobQueue } from '../adapters/queue.js';
import { started } from '../core/streams.js';
import type { Message } from '../db/schema/index.js';
import type { ConversationRepository } from '../repositories/conversation-repository.js';
import type { MessageRepository } from '../repositories/message-repository.js';
import { type ChatMessage, estimateTokens } from './ai/provider.js';
import type { CompletionResult, CompletionService } from './completion-service.js';
import { defaultTitle } from './conversation-service.js';

export type ChatEvent =
  | { type: 'start'; conversationId: number; userMessage: Message }
  | { type: 'delta'; text: string }
  | { type: 'done'; message: Message; cached: boolean };

/**
 * A new message in a conversation and the model's answer to it, with the earlier messages as context
 * (multi-turn). Streamed as events; `reply()` collects them for a client that wants the whole answer at once.
 */
export class ChatService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly completions: CompletionService,
    private readonly jobs: JobQueue,
    private readonly contextSize: number,
  ) {}

  async *send(
    userId: number,
    conversationId: number,
    content: string,
    signal?: AbortSignal,
  ): AsyncGenerator<ChatEvent> {
    const conversation = await this.conversations.findOwned(conversationId, userId);
    if (!conversation) throw new AppError('not_found', `You have no conversation ${conversationId}.`);
    const context = await this.messages.recent(conversationId, this.contextSize);
    const prompt: ChatMessage[] = [
      ...context.map(({ role, content }) => ({ role, content })),
      { role: 'user', content },
    ];

    // Nothing is stored until the model has begun to answer: a quota or an outage leaves no question unanswered.
    const answer = await started(this.completions.stream({ userId, messages: prompt, signal }));
    const userMessage = await this.messages.create({
      conversationId,
      role: 'user',
      content,
      tokens: estimateTokens(content),
    });
    yield { type: 'start', conversationId, userMessage };

    let text = '';
    let result: CompletionResult | undefined;
    // `stopped` unless it finishes or fails: the consumer may stop reading at any yield (the client left).
    let finishReason: 'stop' | 'stopped' | 'error' = 'stopped';
    let saved: Message;
    try {
      for await (const event of answer) {
        if (event.type === 'delta') {
          text += event.text;
          yield event;
        } else result = event.result;
      }
      finishReason = 'stop';
    } catch (error) {
      if (!signal?.aborted) finishReason = 'error';
      throw error;
    } finally {
      // Kept even when cut short, so that the history shows what the user saw. Not inside a transaction: a
      // transaction must never stay open across a model's answer (docs/ARCHITECTURE.md).
      saved = await this.messages.create({
        conversationId,
        role: 'assistant',
        content: text,
        tokens: result?.completionTokens ?? estimateTokens(text),
        provider: result?.provider ?? null,
        finishReason,
      });
      await this.conversations.update(conversationId, { touch: true });
      await this.jobs.add('clean-history', { conversationId });
      if (conversation.title === defaultTitle) await this.jobs.add('title', { conversationId });
    }
    yield { type: 'done', message: saved, cached: result?.cached ?? false };
  }

  /** The whole answer at once (the non-streamed endpoint). */
  async reply(userId: number, conversationId: number, content: string, signal?: AbortSignal) {
    let userMessage: Message | undefined;
    for await (const event of this.send(userId, conversationId, content, signal)) {
      if (event.type === 'start') userMessage = event.userMessage;
      if (event.type === 'done') return { userMessage: userMessage!, message: event.message, cached: event.cached };
    }
    throw new Error('the answer ended without a done event');
  }
}
