import { hashPassword, needsRehash, verifyPassword } from '../core/passwords.js';
import type { Admin } from '../db/schema/index.js';
import type { AdminRepository } from '../repositories/admin-repository.js';

export interface AdminInput {
  username: string;
  password: string;
  name: string;
  email?: string | undefined;
}

/** The admin account: logging in (Flask-Login's part) and creating it (the book's `flask init`). */
export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly admins: AdminRepository) {}

  /**
   * The admin for this username and password, or undefined. An unknown username costs as much time as a wrong
   * password (a hash is checked either way), so timing does not reveal which usernames exist.
   */
  async authenticate(username: string, password: string): Promise<Admin | undefined> {
    const admin = await this.admins.byUsername(username);
    this.dummyHash ??= hashPassword('not a password');
    const valid = await verifyPassword(password, admin?.passwordHash ?? (await this.dummyHash));
    if (!admin || !valid) return undefined;
    if (needsRehash(admin.passwordHash)) await this.admins.setPasswordHash(admin.id, await hashPassword(password));
    return admin;
  }

  byId(id: number): Promise<Admin | undefined> {
    return this.admins.byId(id);
  }

  /** Creates the admin, or sets a new password (and name, e-mail) for an existing username. */
  async saveAdmin({ username, password, name, email }: AdminInput): Promise<Admin> {
    return this.admins.save({ username, passwordHash: await hashPassword(password), name, email });
  }

  hasAdmin(): Promise<boolean> {
    return this.admins.count().then((count) => count > 0);
  }
}
