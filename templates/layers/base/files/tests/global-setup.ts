import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { fromPglite, openDatabase } from '../src/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory (tar.gz) that each test file starts from; null on PostgreSQL. */
    pgliteSnapshot: string | null;
  }
}

/**
 * Runs once before all test files. PostgreSQL (DATABASE_URL set): apply the migrations. PGlite: starting one
 * and migrating it takes seconds, loading a snapshot well under one, so the migrated database is dumped once
 * and kept in node_modules/.cache until a migration changes.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await openDatabase({ DATABASE_URL: url, PGLITE_DATA_DIR: 'memory://' });
    await database.migrate();
    await database.close();
    project.provide('pgliteSnapshot', null);
    return;
  }
  project.provide('pgliteSnapshot', await pgliteSnapshot());
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
