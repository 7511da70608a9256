import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type ApiKey, apiKeys } from '../db/schema/index.js';

/** The only code that reads or writes API keys (by hash). */
export class ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async create(key: { userId: number; name: string; prefix: string; keyHash: string }): Promise<ApiKey> {
    const [created] = await this.db.insert(apiKeys).values(key).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async findByHash(keyHash: string): Promise<ApiKey | undefined> {
    const [found] = await this.db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
    return found;
  }

  async listByUser(userId: number): Promise<ApiKey[]> {
    return this.db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.id));
  }

  async deleteOwned(id: number, userId: number): Promise<boolean> {
    const deleted = await this.db
      .delete(apiKeys)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)))
      .returning({ id: apiKeys.id });
    return deleted.length > 0;
  }

  async markUsed(id: number, when: Date): Promise<void> {
    await this.db.update(apiKeys).set({ lastUsedAt: when }).where(eq(apiKeys.id, id));
  }
}
