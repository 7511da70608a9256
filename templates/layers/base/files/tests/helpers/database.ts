import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, fromPglite, fromPool } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';

/**
 * A new migrated database: PGlite loaded from the snapshot made in tests/global-setup.ts, or the PostgreSQL of
 * DATABASE_URL (the same tests, run against the real server). The caller closes it.
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

/** Empties every table, so each test starts from nothing (milliseconds, unlike a new database). */
export async function resetDatabase(database: Database): Promise<void> {
  if (tables.length > 0)
    await database.db.execute(sql.raw(`truncate table ${tables.join(', ')} restart identity cascade`));
}
