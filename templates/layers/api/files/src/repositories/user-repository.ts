import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type NewUser, type User, users } from '../db/schema/index.js';

/** The only code that reads or writes the users table. */
export class UserRepository {
  // Reading the signed-in user is what many requests begin with: a prepared statement, its SQL built once here (on
  // PostgreSQL also planned once per connection); execute() fills in the placeholder.
  private readonly findByIdQuery;

  constructor(private readonly db: Db) {
    this.findByIdQuery = db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('users_find_by_id');
  }

  /** undefined when the e-mail is taken (the unique index decides, so two registrations at once can't both win). */
  async create(user: NewUser): Promise<User | undefined> {
    const [created] = await this.db.insert(users).values(user).onConflictDoNothing().returning();
    return created;
  }

  async findById(id: number): Promise<User | undefined> {
    const [user] = await this.findByIdQuery.execute({ id });
    return user;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.email, email));
    return user;
  }

  async list(offset: number, limit: number): Promise<User[]> {
    return this.db.select().from(users).orderBy(asc(users.id)).offset(offset).limit(limit);
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ value: count() }).from(users);
    return row?.value ?? 0;
  }

  async update(id: number, changes: Partial<Pick<User, 'role' | 'disabled' | 'passwordHash' | 'name'>>) {
    const [updated] = await this.db.update(users).set(changes).where(eq(users.id, id)).returning();
    return updated;
  }
}
