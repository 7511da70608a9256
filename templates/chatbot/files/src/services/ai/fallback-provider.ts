import { type ChatProvider, ProviderError, type ProviderEvent, type ProviderRequest } from './provider.js';

/**
 * The primary provider, or the fallback when the primary is down before it said anything (seed 002: 降级策略).
 * Once the primary has streamed part of an answer, switching would mix two answers: that failure is reported.
 */
export class FallbackProvider implements ChatProvider {
  readonly name: string;
  readonly model: string;
  readonly deterministic: boolean;

  constructor(
    private readonly primary: ChatProvider,
    private readonly fallback: ChatProvider,
    private readonly onFallback: (error: ProviderError) => void = () => {},
  ) {
    this.name = primary.name;
    this.model = primary.model;
    // The answer may come from either: only as cacheable as the primary.
    this.deterministic = primary.deterministic;
  }

  async *stream(request: ProviderRequest): AsyncIterable<ProviderEvent> {
    let started = false;
    try {
      for await (const event of this.primary.stream(request)) {
        started = true;
        yield event;
      }
    } catch (error) {
      if (started || !(error instanceof ProviderError) || !error.isOutage) throw error;
      this.onFallback(error);
      yield { type: 'fallback', provider: this.fallback.name, reason: error.message };
      yield* this.fallback.stream(request);
    }
  }
}
