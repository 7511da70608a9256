import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { fromPglite, openDatabase } from '../src/db/client.js';
import { databaseName, testDatabaseUrl } from './helpers/test-database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory (tar.gz) that each test file starts from; null on PostgreSQL. */
    pgliteSnapshot: string | null;
  }
}

/**
 * Runs once before all test files. PostgreSQL (TEST_DATABASE_URL or DATABASE_URL set): create the test database
 * if it is missing and apply the migrations. PGlite: starting one and migrating it takes seconds, loading a
 * snapshot well under one, so the migrated database is dumped once and kept in node_modules/.cache until a
 * migration changes.
 */
export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    await createDatabaseIfMissing(url);
    const database = await openDatabase({ DATABASE_URL: url, PGLITE_DATA_DIR: 'memory://' });
    await database.migrate();
    await database.close();
    project.provide('pgliteSnapshot', null);
    return;
  }
  project.provide('pgliteSnapshot', await pgliteSnapshot());
}

/** Like `rails db:create`: the test database next to yours, on the same server, made on the first run. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = databaseName(url);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another run made it in the meantime.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

async function pgliteSnapshot(): Promise<string> {
  const migrations = resolve(import.meta.dirname, '../drizzle');
  const hash = createHash('sha256');
  for (const file of (await readdir(migrations, { recursive: true })).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(await readFile(join(migrations, file)));
  }
  const cacheDir = resolve(import.meta.dirname, '../node_modules/.cache/pglite');
  const file = join(cacheDir, `${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (existsSync(file)) return file;
  const client = await PGlite.create();
  const database = fromPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('gzip');
  await database.close();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a run stopped half-way never leaves a broken snapshot behind.
  await writeFile(`${file}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
  await rename(`${file}.${process.pid}`, file);
  return file;
}
