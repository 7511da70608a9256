// Which PostgreSQL database the tests may use. They empty its tables before every test, so it must never be the
// one you develop with, whatever `.env` or your shell says: the vitest configs and tests/global-setup.ts ask here.

/** A name that says the database is for tests: `test`, `test_…` or `…_test`. */
export function isTestDatabaseName(name: string): boolean {
  return /^test$|^test_|_test$/.test(name);
}

/**
 * TEST_DATABASE_URL; else DATABASE_URL's server with `_test` after the database name (app → app_test, created by
 * tests/global-setup.ts when missing), as Rails and Django do; else none: the embedded PGlite, in memory.
 */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const chosen = env.TEST_DATABASE_URL || undefined;
  const source = chosen ?? (env.DATABASE_URL || undefined);
  if (!source) return undefined;
  const url = new URL(source);
  const name = databaseName(source);
  if (isTestDatabaseName(name)) return source;
  if (chosen) {
    throw new Error(
      `TEST_DATABASE_URL names the database “${name}”: the tests empty every table of the database they run on, ` +
        `so they only run on one whose name says it is for tests (test, test_… or …_test), e.g. ${name}_test.`,
    );
  }
  url.pathname = `/${encodeURIComponent(`${name}_test`)}`;
  return url.toString();
}

/** The database a connection string names (PostgreSQL's default: the user's name, else `postgres`). */
export function databaseName(connectionString: string): string {
  const url = new URL(connectionString);
  return decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres';
}
