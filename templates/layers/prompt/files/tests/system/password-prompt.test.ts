// The admin command's password prompt, on a real terminal (tmux), as a person meets it: nothing typed is shown,
// Backspace works, Ctrl-C creates nothing, and wrong options are said before any password is asked for. The
// command and how to tell that its password took are the template's (tests/helpers/password-prompt.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { createServices } from '../../src/services/index.js';
import { testDeps } from '../helpers/app.js';
import { resetDatabase, sharedTestDatabase, writeTestDatabaseTo } from '../helpers/database.js';
import { adminCommand } from '../helpers/password-prompt.js';
import { openTerminal } from '../helpers/terminal.js';

const root = resolve(import.meta.dirname, '../..');
let workDir = '';
let env: Record<string, string>;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'password-prompt-'));
  // PGlite: a database directory of its own (the command is another process); PostgreSQL: the test database.
  env = { NODE_ENV: 'test', ...(process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: join(workDir, 'pglite') }) };
  if (!process.env.DATABASE_URL) await writeTestDatabaseTo(env.PGLITE_DATA_DIR!);
});
afterAll(async () => {
  if (process.env.DATABASE_URL) await resetDatabase(await sharedTestDatabase());
  await rm(workDir, { recursive: true, force: true });
});

async function signsIn(login: string, password: string): Promise<boolean> {
  const check = async (database: Database) =>
    adminCommand.signsIn(createServices(await testDeps(database)), login, password);
  if (process.env.DATABASE_URL) return check(await sharedTestDatabase());
  const database = await openDatabase({ PGLITE_DATA_DIR: env.PGLITE_DATA_DIR! });
  try {
    return await check(database);
  } finally {
    await database.close();
  }
}

const run = (args: string[]) =>
  openTerminal([process.execPath, '--import', 'tsx', adminCommand.script, ...args], root, env);

describe(`${adminCommand.name} on a terminal`, () => {
  it('asks for the password without showing it, and the admin can log in with it', async () => {
    const terminal = await run(adminCommand.args('tia'));
    try {
      await terminal.waitFor('Password:');
      await terminal.type('a secret phrase!');
      await terminal.press('BSpace', 'Enter');
      await terminal.waitFor(adminCommand.done);
      expect(await terminal.exitCode()).toBe(0);
      expect(await terminal.screen()).not.toContain('secret');
    } finally {
      await terminal.close();
    }
    expect(await signsIn('tia', 'a secret phrase')).toBe(true);
  }, 60_000);

  it('says what is wrong with the options before it asks for a password', async () => {
    const terminal = await run(adminCommand.wrong.args);
    try {
      expect(await terminal.exitCode()).toBe(1);
      const screen = await terminal.screen();
      expect(screen).toContain(adminCommand.wrong.says);
      expect(screen).not.toContain('Password:');
    } finally {
      await terminal.close();
    }
  }, 60_000);

  it('creates nothing when Ctrl-C answers the password question', async () => {
    const terminal = await run(adminCommand.args('cyd'));
    try {
      await terminal.waitFor('Password:');
      await terminal.type('half a pass');
      await terminal.press('C-c');
      expect(await terminal.exitCode()).toBe(1);
      expect(await terminal.screen()).toContain('Cancelled.');
    } finally {
      await terminal.close();
    }
    expect(await signsIn('cyd', 'half a pass')).toBe(false);
  }, 60_000);
});
