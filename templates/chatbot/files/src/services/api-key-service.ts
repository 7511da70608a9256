import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { Principal } from '../core/tokens.js';
import type { ApiKey } from '../db/schema/index.js';
import type { ApiKeyRepository } from '../repositories/api-key-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** Per-user keys for the OpenAI-compatible endpoint: what an OpenAI client library sends as its `apiKey`. */
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The key itself is returned this once; only its hash is kept. */
  async create(userId: number, name: string): Promise<ApiKey & { key: string }> {
    const key = `sk-chat-${randomBytes(24).toString('base64url')}`;
    const created = await this.keys.create({ userId, name, prefix: key.slice(0, 12), keyHash: digest(key) });
    return { ...created, key };
  }

  async list(userId: number): Promise<ApiKey[]> {
    return this.keys.listByUser(userId);
  }

  async delete(userId: number, id: number): Promise<void> {
    if (!(await this.keys.deleteOwned(id, userId))) throw new AppError('not_found', `You have no API key ${id}.`);
  }

  /** Who a key belongs to; 401 for an unknown key or a disabled account. */
  async authenticate(key: string | undefined): Promise<Principal> {
    const found = key ? await this.keys.findByHash(digest(key)) : undefined;
    const user = found && (await this.users.findById(found.userId));
    if (!found || !user || user.disabled) {
      throw new AppError('unauthorized', 'Send a valid API key: Authorization: Bearer sk-chat-…');
    }
    // At most one write a minute per key: "last used" is for people, not worth a write per request.
    const now = this.now();
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000)
      await this.keys.markUsed(found.id, now);
    return { userId: user.id, role: user.role };
  }
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
