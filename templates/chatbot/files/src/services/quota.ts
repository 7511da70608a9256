import type { Store } from '../adapters/store.js';
import { AppError, defineErrorCodes } from '../core/errors.js';

declare module '../core/errors.js' {
  interface ErrorCodes {
    /** The user spent today's tokens (DAILY_TOKEN_QUOTA). */
    quota_exceeded: 429;
  }
}
defineErrorCodes({ quota_exceeded: 429 });

/** Tokens per user per day (UTC), counted in the store, so that every process of the app sees the same total. */
export class Quota {
  constructor(
    private readonly store: Store,
    private readonly dailyTokens: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async usage(userId: number): Promise<{ used: number; limit: number; resetsAt: Date }> {
    const used = Number((await this.store.get(this.key(userId))) ?? 0);
    return { used, limit: this.dailyTokens, resetsAt: this.midnight() };
  }

  /** 429 quota_exceeded, with Retry-After until midnight UTC, once today's tokens are spent. */
  async check(userId: number): Promise<void> {
    const { used, limit, resetsAt } = await this.usage(userId);
    if (used < limit) return;
    const seconds = Math.ceil((resetsAt.getTime() - this.now().getTime()) / 1000);
    throw new AppError(
      'quota_exceeded',
      `You have used today's ${limit} tokens; the quota resets at midnight UTC.`,
      { used, limit },
      {
        'retry-after': String(seconds),
      },
    );
  }

  async add(userId: number, tokens: number): Promise<void> {
    if (tokens > 0) await this.store.increment(this.key(userId), tokens, 2 * 86_400);
  }

  private key(userId: number): string {
    return `quota:${userId}:${this.now().toISOString().slice(0, 10)}`;
  }

  private midnight(): Date {
    const next = new Date(this.now());
    next.setUTCHours(24, 0, 0, 0);
    return next;
  }
}
