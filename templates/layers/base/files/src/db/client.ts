import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../core/config.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;

/**
 * What repositories run their queries on: the database or a transaction (a transaction is a Db too).
 * Repositories take it as a parameter, so work inside `db.transaction(tx => …)` goes through `tx`: PGlite has
 * one connection, and a query on the outer db inside a transaction would wait for ever.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the SQL migrations in drizzle/ that have not run yet. */
  migrate(): Promise<void>;
  /** true when a trivial query succeeds: what /ready reports. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const migrationsFolder = resolve(import.meta.dirname, '../../drizzle');

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite (real PostgreSQL compiled to WASM). */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'PGLITE_DATA_DIR'>): Promise<Database> {
  if (config.DATABASE_URL) return fromPool(new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 }));
  if (config.PGLITE_DATA_DIR === 'memory://') return fromPglite(await PGlite.create());
  const dir = resolve(config.PGLITE_DATA_DIR);
  mkdirSync(resolve(dir, '..'), { recursive: true });
  const unlock = lockDirectory(dir);
  try {
    return fromPglite(await PGlite.create(dir), unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

export function fromPglite(client: PGlite, onClose: () => void = () => {}): Database {
  const db = drizzlePglite(client, { schema });
  const close = async () => {
    await client.close();
    onClose();
  };
  return withCommon('pglite', db, () => migratePglite(db, { migrationsFolder }), close);
}

/**
 * PGlite lets two instances open one directory, and then each loses the other's writes. A lock file with the
 * owner's pid turns that into a clear error (e.g. `npm run db:seed` while `npm run dev` is running).
 */
function lockDirectory(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  let owner = 0;
  try {
    owner = Number(readFileSync(lockFile, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (isRunning(owner)) {
    throw new Error(
      `The database in ${dir} is in use by process ${owner} (is \`npm run dev\` running?). ` +
        'Stop that process first, or use PostgreSQL by setting DATABASE_URL.',
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** A lock left by a process that no longer runs (it crashed) does not count. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function fromPool(pool: pg.Pool): Database {
  // An idle connection that drops (database restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePostgres(pool, { schema });
  return withCommon(
    'postgres',
    db,
    () => migratePostgres(db, { migrationsFolder }),
    () => pool.end(),
  );
}

function withCommon(
  kind: Database['kind'],
  db: Db,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
): Database {
  return {
    db,
    kind,
    migrate,
    close,
    ping: async () => {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  };
}
