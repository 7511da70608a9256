// A scratch PostgreSQL database for the `test-postgres` step: created fresh, dropped WITH (FORCE) afterwards,
// even when the tests fail.
import { randomBytes } from 'node:crypto';
import { HOW } from './how.js';
import type { StepOutcome } from './run.js';

export const DEFAULT_VERIFY_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export async function withScratchDatabase(
  run: (databaseUrl: string) => Promise<StepOutcome>,
  adminUrl = process.env.VERIFY_DATABASE_URL ?? DEFAULT_VERIFY_DATABASE_URL,
): Promise<StepOutcome> {
  const { default: pg } = await import('pg');
  // Named …_test: the project's tests refuse a database whose name does not say it is for tests.
  const name = `study_verify_${randomBytes(6).toString('hex')}_test`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    const why =
      error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    return {
      ok: false,
      output: '',
      message: `PostgreSQL is not reachable at ${redact(adminUrl)} (${why}): ${HOW.postgres}`,
    };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

/** A connection string fit for a message: its password masked. */
export function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return connectionString;
  }
}
