import type { FileStore } from '../adapters/file-store.js';
import type { Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import type { Mailer } from '../adapters/mailer.js';
import { hashPassword, needsRehash, verifyPassword } from '../core/passwords.js';
import { type Actor, requirePermission } from '../core/permissions.js';
import { searchText } from '../core/search-text.js';
import { siteUrl } from '../core/site-url.js';
import { fingerprint, signToken, verifyToken } from '../core/tokens.js';
import type { Db } from '../db/client.js';
import type { User } from '../db/schema/index.js';
import type { PhotoRepository } from '../repositories/photo-repository.js';
import type { UserChanges, UserRepository } from '../repositories/user-repository.js';
import type { AvatarService } from './avatar-service.js';

export interface Registration {
  username: string;
  email: string;
  name: string;
  password: string;
}

export interface Profile {
  name: string;
  bio: string;
  website: string;
  location: string;
}

export interface NotificationSwitches {
  notifyOnFollow: boolean;
  notifyOnComment: boolean;
  notifyOnCollect: boolean;
}

const confirmHours = 24;
const resetHours = 1;

/** Accounts: registration with a confirmation mail, logging in, password reset, the settings, deleting it all. */
export class AccountService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly photos: PhotoRepository,
    private readonly avatars: AvatarService,
    private readonly files: FileStore,
    private readonly mailer: Mailer,
    private readonly config: Config,
    private readonly log: { error(obj: object, msg: string): void },
  ) {}

  byId(id: number): Promise<User | undefined> {
    return this.users.byId(id);
  }

  async byUsername(username: string): Promise<User> {
    const user = await this.users.byUsername(username);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    return user;
  }

  /** Creates the account (unconfirmed), gives it a generated avatar and mails the confirmation link. */
  async register(input: Registration, { confirmed = false } = {}): Promise<User> {
    if (await this.users.byUsername(input.username)) throw new AppError('conflict', 'This username is taken.');
    if (await this.users.byEmail(input.email))
      throw new AppError('conflict', 'An account with this e-mail address exists already.');
    const user = await this.users.insert({
      username: input.username,
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      confirmed,
      searchText: searchText(input.username, input.name),
    });
    const withAvatar = await this.avatars.makeDefault(user);
    if (!confirmed) this.sendConfirmation(withAvatar);
    return withAvatar;
  }

  /** Mails a new confirmation link (the first one may have expired or been lost). */
  async resendConfirmation(userId: number): Promise<void> {
    const user = await this.users.byId(userId);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    if (user.confirmed) throw new AppError('conflict', 'Your address is confirmed already.');
    this.sendConfirmation(user);
  }

  /** Confirms the address of the token's user; the token must be valid, unexpired and of a user that exists. */
  async confirm(token: string): Promise<User> {
    const payload = verifyToken(this.config.SESSION_SECRET, 'confirm', token);
    const user = payload ? await this.users.byId(payload.sub) : undefined;
    if (!user || payload?.fp !== fingerprint(this.config.SESSION_SECRET, user.email))
      throw new AppError('bad_request', 'This confirmation link is invalid or has expired.');
    if (user.confirmed) return user;
    return (await this.users.update(user.id, { confirmed: true }))!;
  }

  /**
   * The user for this username (or e-mail) and password. An unknown login costs as much time as a wrong
   * password, so timing does not tell which accounts exist.
   */
  async authenticate(login: string, password: string): Promise<User | undefined> {
    const user = await this.users.byLogin(login);
    this.dummyHash ??= hashPassword('not a password');
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !valid) return undefined;
    if (!user.active) throw new AppError('forbidden', 'This account is blocked.');
    if (needsRehash(user.passwordHash))
      await this.users.update(user.id, { passwordHash: await hashPassword(password) });
    return user;
  }

  /** Mails a reset link when the address has an account; says nothing either way (no account enumeration). */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.users.byEmail(email);
    if (!user?.active) return;
    const token = signToken(this.config.SESSION_SECRET, {
      sub: user.id,
      purpose: 'reset',
      exp: Math.floor(Date.now() / 1000) + resetHours * 3600,
      fp: fingerprint(this.config.SESSION_SECRET, user.passwordHash),
    });
    const link = `${siteUrl(this.config)}/auth/reset?token=${token}`;
    this.mailer.sendLater({
      to: user.email,
      subject: 'Reset your password',
      text: `Hello ${user.name},\n\nTo choose a new password, open this link within ${resetHours} hour:\n\n${link}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`,
    });
  }

  /** true when the reset token is still good (the reset page shows its form only then). */
  async resetTokenValid(token: string): Promise<boolean> {
    return (await this.resetUser(token)) !== undefined;
  }

  /** Sets the new password; the token stops working, since it was bound to the old password's hash. */
  async resetPassword(token: string, password: string): Promise<User> {
    const user = await this.resetUser(token);
    if (!user) throw new AppError('bad_request', 'This reset link is invalid, expired or used already.');
    return (await this.users.update(user.id, { passwordHash: await hashPassword(password) }))!;
  }

  async changePassword(userId: number, current: string, password: string): Promise<void> {
    const user = await this.users.byId(userId);
    if (!user || !(await verifyPassword(current, user.passwordHash)))
      throw new AppError('validation_failed', 'The current password is wrong.', { field: 'current' });
    await this.users.update(userId, { passwordHash: await hashPassword(password) });
  }

  async updateProfile(userId: number, profile: Profile): Promise<User> {
    const user = await this.users.byId(userId);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    return (await this.users.update(userId, {
      ...profile,
      searchText: searchText(user.username, profile.name, profile.bio, profile.location),
    }))!;
  }

  async setNotificationSwitches(userId: number, switches: NotificationSwitches): Promise<void> {
    await this.users.update(userId, switches);
  }

  async setPublicCollections(userId: number, visible: boolean): Promise<void> {
    await this.users.update(userId, { publicCollections: visible });
  }

  /**
   * Deletes the account and everything that is its: photos, comments, follows, collections and notifications go
   * with the user row (ON DELETE CASCADE), in one transaction; the files go after the commit. A crash between
   * the two leaves unused files, never rows that point at missing files.
   */
  async deleteAccount(userId: number, password: string): Promise<void> {
    const user = await this.users.byId(userId);
    if (!user || !(await verifyPassword(password, user.passwordHash)))
      throw new AppError('validation_failed', 'The password is wrong.', { field: 'password' });
    await this.removeUser(user);
  }

  /** An administrator edits someone's profile or role, or blocks them. */
  async administer(actor: Actor | undefined, userId: number, changes: UserChanges): Promise<User> {
    requirePermission(actor, 'ADMINISTER');
    const user = await this.users.byId(userId);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    if (user.id === actor.id && (changes.role !== undefined || changes.active === false))
      throw new AppError('conflict', 'You cannot change your own role or block yourself.');
    const next = { ...user, ...changes };
    return (await this.users.update(userId, {
      ...changes,
      searchText: searchText(next.username, next.name, next.bio, next.location),
    }))!;
  }

  /** For the admin:create command (trusted: it runs on the server): an administrator with this password. */
  async makeAdministrator(user: User, password: string): Promise<User> {
    return (await this.users.update(user.id, {
      role: 'administrator',
      confirmed: true,
      active: true,
      passwordHash: await hashPassword(password),
    }))!;
  }

  /** Moderators lock (and unlock) users: a locked user keeps following and collecting, nothing more. */
  async setLocked(actor: Actor | undefined, userId: number, locked: boolean): Promise<User> {
    requirePermission(actor, 'MODERATE');
    const user = await this.users.byId(userId);
    if (!user) throw new AppError('not_found', 'There is no such user.');
    if (user.role === 'moderator' || user.role === 'administrator')
      throw new AppError('forbidden', 'Moderators and administrators cannot be locked; change their role first.');
    return (await this.users.update(userId, { role: locked ? 'locked' : 'user' }))!;
  }

  async list(actor: Actor | undefined, offset: number, limit: number, query?: string) {
    requirePermission(actor, 'MODERATE');
    return this.users.page(offset, limit, { query });
  }

  private async removeUser(user: User): Promise<void> {
    const files = await this.db.transaction(async (tx) => {
      const photoFiles = await this.photos.filesOf(user.id, tx);
      await this.users.delete(user.id, tx);
      return [...photoFiles, user.avatarS, user.avatarM, user.avatarL];
    });
    await this.files.remove(files).catch((error: unknown) => {
      this.log.error({ err: error, userId: user.id }, 'files of a deleted account could not be removed');
    });
  }

  private async resetUser(token: string): Promise<User | undefined> {
    const payload = verifyToken(this.config.SESSION_SECRET, 'reset', token);
    const user = payload ? await this.users.byId(payload.sub) : undefined;
    if (!user?.active || payload?.fp !== fingerprint(this.config.SESSION_SECRET, user.passwordHash)) return undefined;
    return user;
  }

  private sendConfirmation(user: User): void {
    const token = signToken(this.config.SESSION_SECRET, {
      sub: user.id,
      purpose: 'confirm',
      exp: Math.floor(Date.now() / 1000) + confirmHours * 3600,
      fp: fingerprint(this.config.SESSION_SECRET, user.email),
    });
    const link = `${siteUrl(this.config)}/auth/confirm?token=${token}`;
    this.mailer.sendLater({
      to: user.email,
      subject: 'Confirm your account',
      text: `Welcome, ${user.name}!\n\nConfirm your e-mail address by opening this link within ${confirmHours} hours:\n\n${link}\n\nUntil then you can look around, but not upload, comment, follow or collect.\n`,
    });
  }
}
