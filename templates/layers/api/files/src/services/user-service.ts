import { AppError } from '../core/errors.js';
import { type Page, pageWindow } from '../core/pagination.js';
import type { User } from '../db/schema/index.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { UserChange } from '../schemas/user.js';

/** What an admin may do with accounts. The routes check the admin role; the rules are here. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly pageSize = 50,
  ) {}

  async page(page: number): Promise<Page<User>> {
    const total = await this.users.count();
    const { offset, pageCount } = pageWindow(page, this.pageSize, total);
    return { items: await this.users.list(offset, this.pageSize), page, pageSize: this.pageSize, total, pageCount };
  }

  /** The first admin, from the command line (`npm run db:make-admin`), where no admin is logged in to do it. */
  async makeAdmin(email: string): Promise<User> {
    const user = await this.users.findByEmail(email);
    if (!user) throw new AppError('not_found', `No account has the e-mail ${email}; register it first.`);
    return (await this.users.update(user.id, { role: 'admin' })) ?? user;
  }

  /** An admin cannot demote or disable themselves: the last admin would lock everyone out. */
  async change(adminId: number, userId: number, change: UserChange): Promise<User> {
    if (adminId === userId) throw new AppError('conflict', 'You cannot change your own role or disable yourself.');
    const updated = await this.users.update(userId, change);
    if (!updated) throw new AppError('not_found', `There is no user ${userId}.`);
    // A disabled account's sessions end now; its access tokens expire within ACCESS_TOKEN_TTL.
    if (change.disabled) await this.refreshTokens.revokeAllOf(userId, new Date());
    return updated;
  }
}
