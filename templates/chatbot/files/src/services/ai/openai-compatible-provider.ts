import { setTimeout as sleep } from 'node:timers/promises';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { type ChatProvider, ProviderError, type ProviderEvent, type ProviderRequest } from './provider.js';

export interface OpenAiCompatibleOptions {
  /** e.g. https://api.openai.com/v1 — `/chat/completions` is appended. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** For the first byte, and for each next piece of a stream. */
  timeoutMs: number;
  /** Retries after 429 and 5xx only: anything else would fail the same way again. */
  maxRetries: number;
  /** The first pause before a retry; each next one doubles (plus up to 20 % jitter). */
  backoffMs?: number;
}

interface Chunk {
  choices?: { delta?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/**
 * Any service that speaks OpenAI's chat completions API (OpenAI, Azure, DeepSeek, Qwen/DashScope, Ollama, vLLM,
 * LM Studio, …), streamed over HTTP with Node's fetch. Seed 002's `bailian.py` in TypeScript: timeouts, retries
 * with exponential backoff, the provider's errors mapped to the app's (ProviderError), and cancellation.
 */
export class OpenAiCompatibleProvider implements ChatProvider {
  readonly name = 'openai-compatible';
  readonly deterministic = false;
  readonly model: string;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.model = options.model;
  }

  async *stream({ messages, signal }: ProviderRequest): AsyncIterable<ProviderEvent> {
    // One timer for the whole exchange, pushed back by every piece that arrives: it catches a provider that
    // never answers and one that stops half-way, without limiting how long a healthy answer may take.
    const idle = new IdleTimer(this.options.timeoutMs);
    const abort = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
    try {
      const response = await this.connect(
        JSON.stringify({ model: this.model, messages, stream: true, stream_options: { include_usage: true } }),
        abort,
        idle,
      );
      const events = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
      let finished = false;
      for await (const event of events) {
        idle.reset();
        if (event.data === '[DONE]') {
          finished = true;
          break;
        }
        const chunk = JSON.parse(event.data) as Chunk;
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) yield { type: 'delta', text };
        if (chunk.usage) {
          yield {
            type: 'usage',
            promptTokens: chunk.usage.prompt_tokens ?? 0,
            completionTokens: chunk.usage.completion_tokens ?? 0,
          };
        }
      }
      if (!finished) throw new ProviderError('interrupted', 'the stream ended before [DONE]', this.name);
    } catch (error) {
      throw this.explain(error, signal, idle, 'interrupted');
    } finally {
      idle.clear();
    }
  }

  /** POSTs the request; retries 429 and 5xx answers with exponential backoff, honouring Retry-After. */
  private async connect(body: string, signal: AbortSignal, idle: IdleTimer): Promise<Response> {
    const { baseUrl, apiKey, maxRetries, backoffMs = 250 } = this.options;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        idle.reset();
        response = await fetch(`${baseUrl.replace(/\/$/, '')}/chat/completions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          },
          body,
          signal,
        });
      } catch (error) {
        // Aborted (the caller, or the timer): stream() tells which. Anything else: nothing answers there.
        if (signal.aborted) throw error;
        throw this.explain(error, undefined, idle, 'unavailable');
      }
      if (response.ok && response.body) return response;
      const retryable = response.status === 429 || response.status >= 500;
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      if (!retryable) {
        throw new ProviderError('rejected', `the provider answered ${response.status}: ${detail}`, this.name);
      }
      if (attempt >= maxRetries) {
        const failure = response.status === 429 ? 'busy' : 'unavailable';
        throw new ProviderError(
          failure,
          `the provider answered ${response.status} ${attempt + 1} times: ${detail}`,
          this.name,
        );
      }
      const wait =
        retryAfterMs(response.headers.get('retry-after')) ?? backoffMs * 2 ** attempt * (1 + Math.random() * 0.2);
      idle.clear();
      await sleep(Math.min(wait, 10_000), undefined, { signal });
    }
  }

  /** What went wrong, as a ProviderError; the caller's own abort is passed through as it is. */
  private explain(
    error: unknown,
    signal: AbortSignal | undefined,
    idle: IdleTimer,
    otherwise: 'unavailable' | 'interrupted',
  ) {
    if (error instanceof ProviderError) return error;
    if (signal?.aborted) return signal.reason as unknown;
    if (idle.signal.aborted) {
      return new ProviderError('timeout', `no answer from the provider within ${this.options.timeoutMs} ms`, this.name);
    }
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return new ProviderError(otherwise, `the provider could not be reached: ${cause}`, this.name);
  }
}

/** Retry-After in seconds or as a date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

class IdleTimer {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  reset(): void {
    this.clear();
    this.timer = setTimeout(() => this.controller.abort(new Error('timeout')), this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
