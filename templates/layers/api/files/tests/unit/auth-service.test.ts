import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { costFor } from '../../src/core/passwords.js';
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

describe('AuthService, over time and with old hashes', () => {
  it('refuses a refresh token past its expiry', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const timed = new AuthService(
      new UserRepository(database.db),
      new RefreshTokenRepository(database.db),
      tokens,
      3600,
      () => now,
    );
    await timed.register(ada);
    const pair = await timed.login({ email: ada.email, password: ada.password });
    now = new Date('2030-01-01T01:00:01Z');
    await expect(timed.refresh(pair.refreshToken)).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The refresh token is not valid.',
    });
  });

  it('rehashes a password stored with a weaker cost at the next log-in', async () => {
    const user = await auth.register(ada);
    const repository = new UserRepository(database.db);
    // A hash in the stored format with half of today's cost, as an older version of the app would have made it.
    const today = costFor(process.env.NODE_ENV);
    const salt = randomBytes(16);
    const key = scryptSync(ada.password, salt, 32, { ...today, N: today.N / 2 });
    const old = ['scrypt', today.N / 2, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await repository.update(user.id, { passwordHash: old });
    await auth.login({ email: ada.email, password: ada.password });
    const rehashed = (await repository.findById(user.id))?.passwordHash;
    expect(rehashed).toMatch(new RegExp(`^scrypt\\$${today.N}\\$8\\$1\\$`));
    await auth.login({ email: ada.email, password: ada.password });
    expect((await repository.findById(user.id))?.passwordHash).toBe(rehashed);
  });

  it('answers 404 for the profile of an account that no longer exists', async () => {
    await expect(auth.profile(2_147_483_647)).rejects.toMatchObject({ code: 'not_found' });
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

  it('makes the first admin from the command line, by e-mail, of an account that exists', async () => {
    await auth.register(ada);
    expect(await users.makeAdmin(ada.email)).toMatchObject({ email: ada.email, role: 'admin' });
    await expect(users.makeAdmin('nobody@example.com')).rejects.toMatchObject({
      code: 'not_found',
      message: 'No account has the e-mail nobody@example.com; register it first.',
    });
  });
});
