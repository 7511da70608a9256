import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatProvider, ProviderEvent, ProviderRequest } from './provider.js';

/**
 * A model that needs no network and no key: it answers deterministically from the conversation, one word at a
 * time, with a pause between words, so that streaming, cancellation, caching and the context of earlier turns can
 * all be seen working. The default when AI_BASE_URL is unset, and the fallback when the real provider is down.
 */
export class OfflineProvider implements ChatProvider {
  readonly name = 'offline';
  readonly model = 'offline-echo';
  readonly deterministic = true;

  constructor(private readonly delayMs = 20) {}

  async *stream({ messages, signal }: ProviderRequest): AsyncIterable<ProviderEvent> {
    const answer = this.answer(messages);
    const words = answer.split(' ');
    for (const [index, word] of words.entries()) {
      // Aborting (the client went away) rejects the pause at once: nothing more is produced.
      if (this.delayMs > 0) await sleep(this.delayMs, undefined, { signal });
      else signal?.throwIfAborted();
      yield { type: 'delta', text: index === 0 ? word : ` ${word}` };
    }
    const prompt = messages.map((message) => message.content).join(' ');
    yield { type: 'usage', promptTokens: countWords(prompt), completionTokens: words.length };
  }

  /** "You said: …" with how many of your messages it has seen: proof that earlier turns reach the model. */
  answer(messages: ProviderRequest['messages']): string {
    const asked = messages.filter((message) => message.role === 'user');
    const last = asked.at(-1)?.content.trim().replace(/\s+/g, ' ') ?? '';
    const first = asked[0]?.content.trim().replace(/\s+/g, ' ') ?? '';
    const turn = asked.length;
    const memory = turn > 1 ? ` Earlier you asked: "${clip(first)}".` : '';
    return `You said: "${clip(last)}". This is message ${turn} of yours that I have seen.${memory} (offline model)`;
  }
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
