import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { inject } from 'vitest';
import { forgetCachedValues } from '../../src/core/cached.js';
import { type Database, fromPglite, fromPool } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { isTestDatabaseName } from './test-database-url.js';

/**
 * A new migrated database: PGlite loaded from the snapshot made in tests/global-setup.ts, or the PostgreSQL test
 * database (the same tests, run against the real server; the vitest config sets DATABASE_URL to it, see
 * tests/helpers/test-database-url.ts). The caller closes it.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return fromPool(new pg.Pool({ connectionString: url, max: 4 }));
  return fromPglite(await PGlite.create({ loadDataDir: await snapshot() }));
}

/**
 * Fills a directory with the migrated test database, for tests of code that opens a PGlite directory itself
 * (much faster than letting PGlite create a new database there).
 */
export async function writeTestDatabaseTo(dir: string): Promise<void> {
  const client = await PGlite.create(dir, { loadDataDir: await snapshot() });
  await client.close();
}

async function snapshot(): Promise<Blob> {
  const file = inject('pgliteSnapshot');
  if (!file) throw new Error('no PGlite snapshot: is tests/global-setup.ts in the vitest config?');
  return new Blob([await readFile(file)]);
}

let shared: Promise<Database> | undefined;

/**
 * The test database of this worker, opened on first use and shared by the test files the worker runs (see
 * `isolate: false` in vitest.config.ts); each test starts from empty tables (resetDatabase). It lives as long as
 * the worker: an in-memory PGlite has nothing to save, and vitest ends the worker when the run ends.
 */
export function sharedTestDatabase(): Promise<Database> {
  shared ??= openTestDatabase();
  return shared;
}

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => `"${getTableName(table)}"`);

const checked = new WeakSet<Database>();

/**
 * Empties every table, so each test starts from nothing (milliseconds, unlike a new database). On PostgreSQL it
 * first makes sure, once per connection, that the server calls the database one for tests: the last guard
 * between a mistyped variable and your development data.
 */
export async function resetDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres' && !checked.has(database)) {
    // Both drivers answer raw SQL with { rows }; Drizzle's shared type cannot say so.
    const result = (await database.db.execute(sql`select current_database() as name`)) as { rows: { name: string }[] };
    const name = result.rows[0]?.name ?? '';
    if (!isTestDatabaseName(name)) {
      throw new Error(
        `Refusing to empty the tables of “${name}”: its name does not say it is for tests (test, test_… or …_test).`,
      );
    }
    checked.add(database);
  }
  if (tables.length > 0)
    await database.db.execute(sql.raw(`truncate table ${tables.join(', ')} restart identity cascade`));
  // What the services keep in memory (src/core/cached.ts) was read from the tables just emptied.
  forgetCachedValues();
}
