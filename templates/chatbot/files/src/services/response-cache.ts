import { createHash } from 'node:crypto';
import type { Store } from '../adapters/store.js';
import type { ChatMessage } from './ai/provider.js';

export interface CachedAnswer {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/**
 * Answers of a deterministic model, by user and prompt: the same conversation asked again is answered from the
 * store (Cache-Aside, seed 002's CacheService). A real model's answers vary, so they are never cached. Each user
 * has their own entries: a shared one would tell user B (`cached: true`, the speed) that user A sent the same.
 */
export class ResponseCache {
  constructor(
    private readonly store: Store,
    private readonly ttlSeconds: number,
  ) {}

  async get(userId: number, model: string, messages: ChatMessage[]): Promise<CachedAnswer | undefined> {
    const found = await this.store.get(this.key(userId, model, messages));
    return found === undefined ? undefined : (JSON.parse(found) as CachedAnswer);
  }

  async set(userId: number, model: string, messages: ChatMessage[], answer: CachedAnswer): Promise<void> {
    await this.store.set(this.key(userId, model, messages), JSON.stringify(answer), this.ttlSeconds);
  }

  /** A hash of the whole prompt: the key stays short, and no conversation text sits in the key space. */
  private key(userId: number, model: string, messages: ChatMessage[]): string {
    const prompt = messages.map(({ role, content }) => [role, content]);
    return `answer:${userId}:${createHash('sha256')
      .update(JSON.stringify([model, prompt]))
      .digest('hex')}`;
  }
}
