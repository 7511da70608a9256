import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Admin, admins } from '../db/schema/index.js';

/** Without an e-mail, an existing admin keeps theirs. */
export type AdminValues = Pick<Admin, 'username' | 'passwordHash' | 'name'> & { email?: string };

export class AdminRepository {
  constructor(private readonly db: Db) {}

  async byUsername(username: string): Promise<Admin | undefined> {
    const [admin] = await this.db.select().from(admins).where(eq(admins.username, username));
    return admin;
  }

  async byId(id: number): Promise<Admin | undefined> {
    const [admin] = await this.db.select().from(admins).where(eq(admins.id, id));
    return admin;
  }

  /** The blog has one author; the first admin is the one mail goes to. */
  async first(): Promise<Admin | undefined> {
    const [admin] = await this.db.select().from(admins).orderBy(admins.id).limit(1);
    return admin;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(admins);
    return row?.value ?? 0;
  }

  /** Creates the admin, or updates the one with that username. */
  async save(values: AdminValues): Promise<Admin> {
    const [saved] = await this.db
      .insert(admins)
      .values(values)
      .onConflictDoUpdate({ target: admins.username, set: values })
      .returning();
    if (!saved) throw new Error('upsert returned no row');
    return saved;
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.db.update(admins).set({ passwordHash }).where(eq(admins.id, id));
  }
}
