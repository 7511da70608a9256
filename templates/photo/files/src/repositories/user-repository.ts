import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Role } from '../core/permissions.js';
import type { Db } from '../db/client.js';
import { type User, users } from '../db/schema/index.js';

export type NewUser = typeof users.$inferInsert;
export type UserChanges = Partial<Omit<NewUser, 'id' | 'createdAt' | 'searchVector'>>;

/** A user as lists show them: enough for a link and an avatar. */
export interface UserCard {
  id: number;
  username: string;
  name: string;
  avatarS: string | null;
  avatarM: string | null;
}

export const userCard = {
  id: users.id,
  username: users.username,
  name: users.name,
  avatarS: users.avatarS,
  avatarM: users.avatarM,
};

export class UserRepository {
  constructor(private readonly db: Db) {}

  async insert(user: NewUser, db: Db = this.db): Promise<User> {
    const [row] = await db.insert(users).values(user).returning();
    return row!;
  }

  async byId(id: number, db: Db = this.db): Promise<User | undefined> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  }

  async byUsername(username: string): Promise<User | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    return row;
  }

  async byLogin(login: string): Promise<User | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(or(sql`lower(${users.username}) = lower(${login})`, sql`lower(${users.email}) = lower(${login})`));
    return row;
  }

  async byEmail(email: string): Promise<User | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`);
    return row;
  }

  async update(id: number, changes: UserChanges, db: Db = this.db): Promise<User | undefined> {
    const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
    return row;
  }

  async delete(id: number, db: Db = this.db): Promise<void> {
    await db.delete(users).where(eq(users.id, id));
  }

  /** The admin's list: newest first, optionally filtered by a part of the username, name or e-mail. */
  async page(offset: number, limit: number, filter?: { role?: Role; query?: string }) {
    const conditions = [
      filter?.role ? eq(users.role, filter.role) : undefined,
      filter?.query
        ? or(
            ilike(users.username, `%${escapeLike(filter.query)}%`),
            ilike(users.name, `%${escapeLike(filter.query)}%`),
            ilike(users.email, `%${escapeLike(filter.query)}%`),
          )
        : undefined,
    ].filter((condition) => condition !== undefined);
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const [items, [total]] = await Promise.all([
      this.db.select().from(users).where(where).orderBy(desc(users.id)).limit(limit).offset(offset),
      this.db.select({ n: count() }).from(users).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
