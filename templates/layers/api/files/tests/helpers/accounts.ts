import { hashPassword } from '../../src/core/passwords.js';
import { AccessTokens, type Role } from '../../src/core/tokens.js';
import type { User } from '../../src/db/schema/index.js';
import { UserRepository } from '../../src/repositories/user-repository.js';
import type { TestApp } from './app.js';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let counter = 0;

export interface SignedIn {
  user: User;
  token: string;
  /** `{ authorization: 'Bearer …' }`, for app.inject. */
  headers: { authorization: string };
}

/**
 * A user written straight to the database, with an access token the app accepts: fast (one password hash per
 * test worker, no log-in request). The log-in itself is tested in tests/integration/auth.test.ts.
 */
export async function signedIn(
  t: TestApp,
  { role = 'user', name = 'Test user' }: { role?: Role; name?: string } = {},
): Promise<SignedIn> {
  passwordHash ??= hashPassword(testPassword);
  const email = `user${++counter}-${Date.now()}@example.com`;
  const user = await new UserRepository(t.database.db).create({ email, name, role, passwordHash: await passwordHash });
  if (!user) throw new Error(`could not create ${email}`);
  const token = await new AccessTokens(t.config.JWT_SECRET, t.config.ACCESS_TOKEN_TTL).sign({ userId: user.id, role });
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}
