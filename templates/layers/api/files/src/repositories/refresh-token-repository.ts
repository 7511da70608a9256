import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type RefreshToken, refreshTokens } from '../db/schema/index.js';

/** The only code that reads or writes refresh tokens (by the hash of the token, never the token itself). */
export class RefreshTokenRepository {
  constructor(private readonly db: Db) {}

  async create(userId: number, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.insert(refreshTokens).values({ userId, tokenHash, expiresAt });
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | undefined> {
    const [token] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return token;
  }

  /**
   * Revokes one token; false when it was already revoked. The `revoked_at is null` condition makes this the one
   * atomic step of a rotation: of two requests racing with the same token, only one gets true.
   */
  async revoke(id: number, now: Date): Promise<boolean> {
    const revoked = await this.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return revoked.length > 0;
  }

  async revokeAllOf(userId: number, now: Date): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  }

  async deleteExpired(now: Date): Promise<number> {
    const deleted = await this.db
      .delete(refreshTokens)
      .where(lt(refreshTokens.expiresAt, now))
      .returning({ id: refreshTokens.id });
    return deleted.length;
  }
}
