/** One message of a conversation, as every chat model takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ProviderRequest {
  messages: ChatMessage[];
  /** Aborted when the client goes away: the provider stops its upstream request. */
  signal?: AbortSignal;
}

/** What a streaming model sends: pieces of text, and (from most providers, at the end) the token counts. */
export type ProviderEvent =
  | { type: 'delta'; text: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number }
  /** Sent by FallbackProvider: the rest of the answer comes from another provider. */
  | { type: 'fallback'; provider: string; reason: string };

/**
 * A model provider: the one interface the services talk to, whichever model answers (seed 002's AI service
 * abstraction, `services/ai/base.py`). Answers are always streamed; a caller that wants the whole answer
 * collects the pieces.
 */
export interface ChatProvider {
  /** For logs, metrics and the stored message: `offline`, `openai-compatible`. */
  readonly name: string;
  readonly model: string;
  /** The same prompt always gets the same answer: such answers may be cached. */
  readonly deterministic: boolean;
  stream(request: ProviderRequest): AsyncIterable<ProviderEvent>;
}

/**
 * Why a provider failed, in the app's terms (the provider's own status codes stay in the log):
 * - `timeout`: no first byte, or no next piece, within AI_TIMEOUT_MS;
 * - `unavailable`: it could not be reached, or answered 5xx (after the retries);
 * - `busy`: it answered 429 Too Many Requests (after the retries);
 * - `rejected`: it refused the request (4xx: a wrong key, an unknown model) — retrying would not help;
 * - `interrupted`: the stream broke off after it had started.
 */
export type ProviderFailure = 'timeout' | 'unavailable' | 'busy' | 'rejected' | 'interrupted';

export class ProviderError extends Error {
  override name = 'ProviderError';

  constructor(
    readonly failure: ProviderFailure,
    message: string,
    readonly provider: string,
  ) {
    super(message);
  }

  /** Down rather than wrong: another provider may answer instead (the fallback). */
  get isOutage(): boolean {
    return this.failure === 'timeout' || this.failure === 'unavailable' || this.failure === 'busy';
  }
}

/** About four characters a token for English text: an estimate when a provider does not count for us. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.round(text.length / 4));
}
