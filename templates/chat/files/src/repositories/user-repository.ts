import { TransactionRollbackError, and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { oauthAccounts, type User, users } from '../db/schema/index.js';

export type NewUser = Pick<User, 'email' | 'nickname' | 'passwordHash' | 'avatarHash'> & { isAdmin?: boolean };

export class UserRepository {
  constructor(private readonly db: Db) {}

  async byId(id: number): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.id, id));
    return user;
  }

  async byEmail(email: string): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.email, email));
    return user;
  }

  /** The user a provider's account is linked to. */
  async byProviderAccount(provider: string, providerUserId: string): Promise<User | undefined> {
    const [row] = await this.db
      .select({ user: users })
      .from(oauthAccounts)
      .innerJoin(users, eq(users.id, oauthAccounts.userId))
      .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerUserId, providerUserId)));
    return row?.user;
  }

  /** Creates a user; undefined when the e-mail is taken (the unique index decides, so two requests cannot both win). */
  async create(values: NewUser): Promise<User | undefined> {
    const [user] = await this.db.insert(users).values(values).onConflictDoNothing().returning();
    return user;
  }

  /** Creates a user and links the provider's account to it, both or neither. */
  async createLinked(values: NewUser, provider: string, providerUserId: string): Promise<User | undefined> {
    try {
      return await this.db.transaction(async (tx) => {
        const [user] = await tx.insert(users).values(values).returning();
        if (!user) throw new Error('insert returned no row');
        const [link] = await tx
          .insert(oauthAccounts)
          .values({ provider, providerUserId, userId: user.id })
          .onConflictDoNothing()
          .returning();
        // Linked meanwhile by a request that came in at the same time: keep that one, and undo this user.
        if (!link) tx.rollback();
        return user;
      });
    } catch (error) {
      if (error instanceof TransactionRollbackError) return undefined;
      throw error;
    }
  }

  async update(id: number, values: Partial<NewUser>): Promise<User | undefined> {
    const [user] = await this.db.update(users).set(values).where(eq(users.id, id)).returning();
    return user;
  }
}
