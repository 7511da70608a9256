import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { rooms } from '../../src/core/rooms.js';
import { createServices } from '../../src/services/index.js';
import { testDeps } from '../helpers/app.js';
import { resetDatabase, sharedTestDatabase, writeTestDatabaseTo } from '../helpers/database.js';

const root = resolve(import.meta.dirname, '../..');
let workDir = '';
let env: Record<string, string>;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'chat-commands-'));
  // PGlite: a database directory of its own (the command is another process); PostgreSQL: the test database.
  env = process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: join(workDir, 'pglite') };
  if (!process.env.DATABASE_URL) await writeTestDatabaseTo(env.PGLITE_DATA_DIR ?? '');
});
afterAll(async () => {
  if (process.env.DATABASE_URL) await resetDatabase(await sharedTestDatabase());
  await rm(workDir, { recursive: true, force: true });
});

/** A command as a person runs it (`npm run admin:create -- …`), without a terminal. */
async function run(script: string, args: string[], extraEnv: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', ...env, ...extraEnv },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

async function withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return use(await sharedTestDatabase());
  const database = await openDatabase({ PGLITE_DATA_DIR: env.PGLITE_DATA_DIR ?? '' });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

describe('npm run admin:create', () => {
  it('makes an admin who signs in with that password, and gives a new password when run again', async () => {
    const first = await run('src/commands/create-admin.ts', [
      '--email',
      'root@example.com',
      '--password',
      'first password',
    ]);
    expect(first.stdout).toContain('Admin root@example.com (“root”) is ready');
    const again = await run('src/commands/create-admin.ts', ['--email', 'root@example.com'], {
      ADMIN_PASSWORD: 'second password',
    });
    expect(again.code).toBe(0);
    await withDatabase(async (database) => {
      const { accounts } = createServices(await testDeps(database));
      expect(await accounts.authenticate('root@example.com', 'first password')).toBeUndefined();
      expect(await accounts.authenticate('root@example.com', 'second password')).toMatchObject({ isAdmin: true });
    });
  }, 60_000);

  it('says what is wrong with its arguments, in one line each, and exits 1', async () => {
    const wrong = await run('src/commands/create-admin.ts', ['--email', 'not-an-email', '--password', 'short']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--email must be an e-mail address');
    expect(wrong.stderr).toContain('the password must have at least 8 characters');
    expect(wrong.stderr).not.toContain('    at ');
    const none = await run('src/commands/create-admin.ts', ['--email', 'a@example.com'], { ADMIN_PASSWORD: '' });
    expect(none.stderr).toContain('set ADMIN_PASSWORD or pass --password');
  }, 60_000);
});

describe('npm run db:seed', () => {
  it('adds fake users and messages in the rooms', async () => {
    const seeded = await run('src/commands/seed.ts', ['--messages', '25']);
    expect(seeded.stdout).toContain('25 messages');
    await withDatabase(async (database) => {
      const { messages } = createServices(await testDeps(database));
      let total = 0;
      for (const room of rooms) total += (await messages.history(room.slug)).messages.length;
      expect(total).toBe(25);
    });
    expect((await run('src/commands/seed.ts', ['--messages', 'lots'])).stderr).toContain('--messages must be');
  }, 60_000);
});
