import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { adminLogin, blogWithAdmin } from '../helpers/blog.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
beforeAll(async () => {
  database = await sharedTestDatabase();
});
afterEach(() => resetDatabase(database));

describe('AuthService', () => {
  it('knows the admin by username and password, and nobody else', async () => {
    const services = await blogWithAdmin(database);
    expect(await services.auth.authenticate(adminLogin.username, adminLogin.password)).toMatchObject({ name: 'Ada' });
    expect(await services.auth.authenticate(adminLogin.username, 'wrong')).toBeUndefined();
    expect(await services.auth.authenticate('nobody', adminLogin.password)).toBeUndefined();
  });

  it('stores a hash, never the password, and a new password replaces the old', async () => {
    const services = await blogWithAdmin(database);
    const saved = await services.auth.saveAdmin({ ...adminLogin, password: 'another long password' });
    expect(saved.passwordHash).toMatch(/^scrypt\$/);
    expect(saved.passwordHash).not.toContain('another');
    expect(await services.auth.authenticate(adminLogin.username, adminLogin.password)).toBeUndefined();
    expect(await services.auth.authenticate(adminLogin.username, 'another long password')).toBeDefined();
  });
});
