import { AppError, defineErrorCodes } from '../core/errors.js';
import { type ChatMessage, type ChatProvider, estimateTokens, ProviderError } from './ai/provider.js';
import type { ChatMetrics } from './chat-metrics.js';
import type { Quota } from './quota.js';
import type { ResponseCache } from './response-cache.js';

declare module '../core/errors.js' {
  interface ErrorCodes {
    /** The model provider answered with an error, or broke off its answer. */
    upstream_failed: 502;
    /** The model provider did not answer in time. */
    upstream_timeout: 504;
  }
}
defineErrorCodes({ upstream_failed: 502, upstream_timeout: 504 });

export interface CompletionRequest {
  userId: number;
  messages: ChatMessage[];
  signal?: AbortSignal;
}

export interface CompletionResult {
  text: string;
  /** Which provider answered: `offline`, `openai-compatible`, or `offline (fallback)`. */
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  cached: boolean;
}

export type CompletionEvent = { type: 'delta'; text: string } | { type: 'done'; result: CompletionResult };

/**
 * Asking the model, with what every call needs around it: the user's daily quota, the cache of deterministic
 * answers, token counts and provider errors in the metrics, and the provider's failures turned into the app's
 * error codes. Used by conversations (ChatService) and by the OpenAI-compatible endpoint alike.
 */
export class CompletionService {
  constructor(
    private readonly provider: ChatProvider,
    private readonly quota: Quota,
    private readonly metrics: ChatMetrics,
    private readonly cache: ResponseCache | undefined,
  ) {}

  get model(): string {
    return this.provider.model;
  }

  async *stream({ userId, messages, signal }: CompletionRequest): AsyncGenerator<CompletionEvent> {
    await this.quota.check(userId);
    const cache = this.provider.deterministic ? this.cache : undefined;
    const hit = await cache?.get(userId, this.model, messages);
    if (cache) this.metrics.cacheRequests.inc({ result: hit ? 'hit' : 'miss' });
    if (hit) {
      // Streamed like a fresh answer, at once: a client cannot tell, except by the speed.
      for (const piece of hit.text.split(/(?= )/)) yield { type: 'delta', text: piece };
      await this.quota.add(userId, hit.promptTokens + hit.completionTokens);
      yield { type: 'done', result: { ...hit, provider: this.provider.name, model: this.model, cached: true } };
      return;
    }

    let text = '';
    let provider = this.provider.name;
    let counted: { promptTokens: number; completionTokens: number } | undefined;
    try {
      for await (const event of this.provider.stream({ messages, signal })) {
        if (event.type === 'delta') {
          text += event.text;
          yield event;
        } else if (event.type === 'usage') counted = event;
        else provider = `${event.provider} (fallback)`;
      }
    } catch (error) {
      if (error instanceof ProviderError) {
        this.metrics.providerErrors.inc({ provider: error.provider, failure: error.failure });
        throw toAppError(error);
      }
      throw error;
    } finally {
      // Also when the answer was cut short (the client left, the provider failed): what was used is counted.
      counted ??= {
        promptTokens: estimateTokens(messages.map((m) => m.content).join('\n')),
        completionTokens: estimateTokens(text),
      };
      this.metrics.tokens.inc({ provider, kind: 'prompt' }, counted.promptTokens);
      this.metrics.tokens.inc({ provider, kind: 'completion' }, counted.completionTokens);
      await this.quota.add(userId, counted.promptTokens + counted.completionTokens);
    }
    const result = { text, provider, model: this.model, ...counted, cached: false };
    if (cache && provider === this.provider.name) await cache.set(userId, this.model, messages, result);
    yield { type: 'done', result };
  }
}

/** The provider's trouble in the app's error codes (src/core/errors.ts); the details stay in the log. */
function toAppError(error: ProviderError): AppError {
  switch (error.failure) {
    case 'timeout':
      return new AppError('upstream_timeout', 'The model did not answer in time. Try again.');
    case 'busy':
      return new AppError('unavailable', 'The model provider is busy. Try again shortly.', undefined, {
        'retry-after': '10',
      });
    case 'unavailable':
      return new AppError('unavailable', 'The model provider cannot be reached right now.', undefined, {
        'retry-after': '30',
      });
    case 'rejected':
      return new AppError('upstream_failed', 'The model provider refused the request.');
    case 'interrupted':
      return new AppError('upstream_failed', 'The model provider broke off its answer.');
  }
}
