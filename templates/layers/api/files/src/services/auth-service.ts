import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { hashPassword, needsRehash, verifyPassword } from '../core/passwords.js';
import type { AccessTokens } from '../core/tokens.js';
import type { User } from '../db/schema/index.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { LoginInput, RegisterInput, TokenPair } from '../schemas/auth.js';

const wrongCredentials = 'Wrong e-mail or password.';

/** Register, log in, refresh, log out: accounts and the tokens that prove who a client is. */
export class AuthService {
  /** Hashed once: a log-in for an unknown e-mail checks against it, so it takes as long as a real one. */
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTtlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(input: RegisterInput): Promise<User> {
    const created = await this.users.create({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (!created) throw new AppError('conflict', 'An account with this e-mail already exists.');
    return created;
  }

  /** The same answer for an unknown e-mail, a wrong password and a disabled account: nothing to enumerate. */
  async login({ email, password }: LoginInput): Promise<TokenPair> {
    const user = await this.users.findByEmail(email);
    this.decoy ??= hashPassword(randomBytes(16).toString('hex'));
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    if (!user || !valid || user.disabled) throw new AppError('unauthorized', wrongCredentials);
    if (needsRehash(user.passwordHash))
      await this.users.update(user.id, { passwordHash: await hashPassword(password) });
    return this.issue(user);
  }

  /** A new pair for a valid refresh token, which stops working (rotation). A second use ends every session. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.now();
    const stored = await this.refreshTokens.findByHash(digest(refreshToken));
    if (!stored || stored.expiresAt <= now) throw new AppError('unauthorized', 'The refresh token is not valid.');
    if (!(await this.refreshTokens.revoke(stored.id, now))) {
      // Used before: either the client or a thief has a copy. Ending every session is the only safe answer.
      await this.refreshTokens.revokeAllOf(stored.userId, now);
      throw new AppError('unauthorized', 'This refresh token was already used; every session of the account ended.');
    }
    const user = await this.users.findById(stored.userId);
    if (!user || user.disabled) throw new AppError('unauthorized', 'The refresh token is not valid.');
    return this.issue(user);
  }

  async logout(refreshToken: string): Promise<void> {
    const stored = await this.refreshTokens.findByHash(digest(refreshToken));
    if (stored) await this.refreshTokens.revoke(stored.id, this.now());
  }

  async profile(userId: number): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('not_found', 'This account no longer exists.');
    return user;
  }

  private async issue(user: User): Promise<TokenPair> {
    const now = this.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.create(
      user.id,
      digest(refreshToken),
      new Date(now.getTime() + this.refreshTtlSeconds * 1000),
    );
    return {
      tokenType: 'Bearer',
      accessToken: await this.accessTokens.sign({ userId: user.id, role: user.role }, now),
      expiresIn: this.accessTokens.lifetime,
      refreshToken,
    };
  }
}

/** Refresh tokens are 256 random bits: a fast hash is enough (a slow one is for guessable passwords). */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
