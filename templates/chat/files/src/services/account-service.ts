import { avatarHash } from '../core/avatar.js';
import { AppError } from '../core/errors.js';
import { hashPassword, needsRehash, verifyPassword } from '../core/passwords.js';
import type { User } from '../db/schema/index.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** What others see of a user: no e-mail, no hash. */
export interface PublicUser {
  id: number;
  nickname: string;
  avatarHash: string;
  isAdmin: boolean;
}

/** The profile a provider returns for the person who signed in there. */
export interface ProviderProfile {
  provider: string;
  /** The provider's own id for this person: what an account is linked by. */
  id: string;
  nickname: string;
}

export const toPublicUser = ({ id, nickname, avatarHash, isAdmin }: User): PublicUser => ({
  id,
  nickname,
  avatarHash,
  isAdmin,
});

/** Accounts: registering, signing in with a password or through a provider (Flask-Login's and OAuthlib's part). */
export class AccountService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly users: UserRepository) {}

  async register(input: { email: string; nickname: string; password: string }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const user = await this.users.create({
      email,
      nickname: input.nickname.trim(),
      passwordHash: await hashPassword(input.password),
      avatarHash: avatarHash(email),
    });
    if (!user) throw new AppError('conflict', 'This e-mail is already registered: sign in instead.');
    return user;
  }

  /**
   * The user with this e-mail and password, or undefined. An unknown e-mail costs as much time as a wrong
   * password, and an account without a password (made through a provider) cannot be signed into with one.
   */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const user = await this.users.byEmail(email.trim().toLowerCase());
    this.dummyHash ??= hashPassword('not a password');
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user?.passwordHash || !valid) return undefined;
    if (needsRehash(user.passwordHash))
      await this.users.update(user.id, { passwordHash: await hashPassword(password) });
    return user;
  }

  /**
   * The user linked to the provider's account, made on first sign-in. Linked by the provider's id only: an
   * e-mail a provider reports may be unverified, and taking it as proof would hand an existing account to whoever
   * typed that address at the provider.
   */
  async signInWithProvider(profile: ProviderProfile): Promise<User> {
    const linked = await this.users.byProviderAccount(profile.provider, profile.id);
    if (linked) return linked;
    const created = await this.users.createLinked(
      {
        email: null,
        nickname: profile.nickname.slice(0, 30) || `${profile.provider} user`,
        passwordHash: null,
        avatarHash: avatarHash(`${profile.provider}:${profile.id}`),
      },
      profile.provider,
      profile.id,
    );
    // Another request linked it at the same moment: that account is the one.
    const user = created ?? (await this.users.byProviderAccount(profile.provider, profile.id));
    if (!user) throw new Error('the linked account vanished');
    return user;
  }

  byId(id: number): Promise<User | undefined> {
    return this.users.byId(id);
  }

  /** `npm run admin:create`: an admin with this e-mail and password, made or promoted. */
  async saveAdmin(input: { email: string; nickname: string; password: string }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const existing = await this.users.byEmail(email);
    const saved = existing
      ? await this.users.update(existing.id, { passwordHash, nickname: input.nickname, isAdmin: true })
      : await this.users.create({
          email,
          nickname: input.nickname,
          passwordHash,
          avatarHash: avatarHash(email),
          isAdmin: true,
        });
    if (!saved) throw new Error('the admin could not be saved');
    return saved;
  }
}
