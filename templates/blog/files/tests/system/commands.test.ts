import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { createServices } from '../../src/services/index.js';
import { testDeps } from '../helpers/app.js';
import { resetDatabase, sharedTestDatabase, writeTestDatabaseTo } from '../helpers/database.js';

const root = resolve(import.meta.dirname, '../..');
let workDir = '';
let env: Record<string, string>;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'blog-commands-'));
  // PGlite: a database directory of its own (the command is another process); PostgreSQL: the test database.
  env = process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: join(workDir, 'pglite') };
  if (!process.env.DATABASE_URL) await writeTestDatabaseTo(env.PGLITE_DATA_DIR!);
});
afterAll(async () => {
  if (process.env.DATABASE_URL) await resetDatabase(await sharedTestDatabase());
  await rm(workDir, { recursive: true, force: true });
});

/** `npm run admin:create -- …`, as a person runs it (no terminal: stdin is not a TTY). */
async function createAdmin(args: string[], extraEnv: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/commands/create-admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', ...env, ...extraEnv },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

async function withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return use(await sharedTestDatabase());
  const database = await openDatabase({ PGLITE_DATA_DIR: env.PGLITE_DATA_DIR! });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

describe('npm run admin:create', () => {
  it('creates the admin with a hashed password, and sets a new password when run again', async () => {
    const first = await createAdmin(['--username', 'ed', '--name', 'Ed', '--password', 'first password']);
    expect(first.stdout).toContain('Admin “ed” is ready');
    const again = await createAdmin(['--username', 'ed'], { ADMIN_PASSWORD: 'second password' });
    expect(again.code).toBe(0);
    await withDatabase(async (database) => {
      const { auth } = createServices(await testDeps(database));
      expect(await auth.authenticate('ed', 'first password')).toBeUndefined();
      expect(await auth.authenticate('ed', 'second password')).toMatchObject({ username: 'ed' });
    });
  }, 60_000);

  it('says what is wrong, exits 1 and creates nothing', async () => {
    const short = await createAdmin(['--username', 'al', '--password', 'short']);
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe('the password must have at least 8 characters');
    const noTerminal = await createAdmin(['--username', 'al']);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toContain(
      'No terminal to ask for the password on: set ADMIN_PASSWORD or pass --password.',
    );
    await withDatabase(async (database) => {
      expect(await createServices(await testDeps(database)).auth.authenticate('al', 'short')).toBeUndefined();
    });
  }, 60_000);
});
