import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fromPool } from '../../src/db/client.js';
import { createDatabaseIfMissing } from '../global-setup.js';
import { resetDatabase } from '../helpers/database.js';

// The guards around a learner's data, on a real server: the PostgreSQL run of the suite (CI, verify).
describe.skipIf(!process.env.DATABASE_URL)('the tests and a PostgreSQL server', () => {
  const server = process.env.DATABASE_URL ?? '';
  const admin = new pg.Pool({ connectionString: server, max: 1 });
  const made: string[] = [];
  const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const exists = async (name: string) =>
    (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;

  afterAll(async () => {
    for (const name of made) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('creates the _test database next to yours when it is missing, once', async () => {
    const name = `app_${randomBytes(4).toString('hex')}_test`;
    made.push(name);
    expect(await exists(name)).toBe(false);
    await createDatabaseIfMissing(urlOf(name));
    await createDatabaseIfMissing(urlOf(name));
    expect(await exists(name)).toBe(true);
  });

  it('will not empty a database whose name does not say it is for tests', async () => {
    const name = `app_${randomBytes(4).toString('hex')}`;
    made.push(name);
    await admin.query(`create database "${name}"`);
    const yours = new pg.Pool({ connectionString: urlOf(name), max: 1 });
    await yours.query('create table notes (body text)');
    await yours.query("insert into notes values ('my work')");
    const database = fromPool(yours);
    try {
      await expect(resetDatabase(database)).rejects.toThrow(
        `Refusing to empty the tables of “${name}”: its name does not say it is for tests (test, test_… or …_test).`,
      );
      expect((await yours.query('select body from notes')).rows).toEqual([{ body: 'my work' }]);
    } finally {
      await database.close();
    }
  });
});
