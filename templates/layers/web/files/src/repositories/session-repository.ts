import type { Session } from 'fastify';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions } from '../db/schema/index.js';

type Callback = (error?: unknown) => void;

/**
 * Sessions in the database, in the shape of a @fastify/session store (callbacks, as express-session stores
 * have). Expired rows are never returned and are deleted by deleteExpired().
 */
export class SessionRepository {
  // Every request with a session cookie reads its session: a prepared statement, its SQL built once here (on
  // PostgreSQL also planned once per connection); execute() fills in the placeholder.
  private readonly getQuery;

  constructor(private readonly db: Db) {
    this.getQuery = db
      .select({ data: sessions.data })
      .from(sessions)
      .where(sql`${sessions.sid} = ${sql.placeholder('sid')} and ${sessions.expiresAt} > now()`)
      .prepare('sessions_get');
  }

  get(sid: string, callback: (error: unknown, session?: Session | null) => void): void {
    this.getQuery
      .execute({ sid })
      .then(([row]) => callback(null, row ? (row.data as unknown as Session) : null), callback);
  }

  set(sid: string, session: Session, callback: Callback): void {
    const expiresAt = session.cookie.expires ? new Date(session.cookie.expires) : new Date(Date.now() + 86_400_000);
    const data = session as unknown as Record<string, unknown>;
    this.db
      .insert(sessions)
      .values({ sid, data, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { data, expiresAt } })
      .then(() => callback(), callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => callback(), callback);
  }

  async deleteExpired(): Promise<number> {
    const deleted = await this.db
      .delete(sessions)
      .where(lt(sessions.expiresAt, new Date()))
      .returning({ sid: sessions.sid });
    return deleted.length;
  }
}
