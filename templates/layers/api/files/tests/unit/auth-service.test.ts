import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/tokens.js';
import type { Database } from '../../src/db/client.js';
import { RefreshTokenRepository } from '../../src/repositories/refresh-token-repository.js';
import { UserRepository } from '../../src/repositories/user-repository.js';
import { AuthService } from '../../src/services/auth-service.js';
import { UserService } from '../../src/services/user-service.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

// The services with their real repositories on the test database: no mocked ORM that would agree with anything.
let database: Database;
let auth: AuthService;
let users: UserService;
const tokens = new AccessTokens('a-test-secret-of-at-least-32-characters!', 900);
const ada = { email: 'ada@example.com', name: 'Ada', password: 'analytical engine' };

beforeAll(async () => {
  database = await sharedTestDatabase();
  const userRepository = new UserRepository(database.db);
  const refreshTokens = new RefreshTokenRepository(database.db);
  auth = new AuthService(userRepository, refreshTokens, tokens, 3600);
  users = new UserService(userRepository, refreshTokens);
});
afterEach(() => resetDatabase(database));

describe('AuthService', () => {
  it('registers an account once per e-mail, and stores a hash, never the password', async () => {
    const user = await auth.register(ada);
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'user', disabled: false });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    await expect(auth.register({ ...ada, name: 'Another Ada' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('logs in with the right password only, with one answer for every failure', async () => {
    await auth.register(ada);
    const pair = await auth.login({ email: ada.email, password: ada.password });
    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(await tokens.verify(pair.accessToken)).toMatchObject({ role: 'user' });
    for (const wrong of [
      { email: ada.email, password: 'wrong password' },
      { email: 'nobody@example.com', password: ada.password },
    ]) {
      await expect(auth.login(wrong)).rejects.toMatchObject({
        code: 'unauthorized',
        message: 'Wrong e-mail or password.',
      });
    }
  });

  it('rotates refresh tokens, and a reused one ends every session of the account', async () => {
    await auth.register(ada);
    const first = await auth.login({ email: ada.email, password: ada.password });
    const other = await auth.login({ email: ada.email, password: ada.password });
    const second = await auth.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);

    await expect(auth.refresh(first.refreshToken)).rejects.toThrow(/already used; every session of the account ended/);
    // The theft answer revoked the others too: the thief's copy and the other device's token.
    await expect(auth.refresh(second.refreshToken)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(auth.refresh(other.refreshToken)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('logs out: the refresh token stops working', async () => {
    await auth.register(ada);
    const pair = await auth.login({ email: ada.email, password: ada.password });
    await auth.logout(pair.refreshToken);
    await expect(auth.refresh(pair.refreshToken)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('a disabled account can neither log in nor refresh', async () => {
    const admin = await auth.register({ ...ada, email: 'admin@example.com' });
    const user = await auth.register(ada);
    const pair = await auth.login({ email: ada.email, password: ada.password });
    await users.change(admin.id, user.id, { disabled: true });
    await expect(auth.login({ email: ada.email, password: ada.password })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(auth.refresh(pair.refreshToken)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('UserService', () => {
  it('pages accounts and changes roles, but an admin cannot change themselves', async () => {
    const admin = await auth.register({ ...ada, email: 'admin@example.com' });
    const user = await auth.register(ada);
    expect(await users.change(admin.id, user.id, { role: 'admin' })).toMatchObject({ role: 'admin' });
    await expect(users.change(admin.id, admin.id, { role: 'user' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(users.change(admin.id, 9999, { role: 'user' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await users.page(1)).toMatchObject({ total: 2, pageCount: 1 });
  });
});
