import { defineConfig } from 'vitest/config';
import { testDatabaseUrl } from './tests/helpers/test-database-url.js';

// PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set, never the development database itself (app → app_test):
// the tests, and the commands and servers they start, see DATABASE_URL as this one ('' — PGlite — when unset).
const databaseUrl = testDatabaseUrl();

export default defineConfig({
  test: {
    // unit and integration run in this process's workers; system tests start the app and its commands as
    // processes of their own (`npm run test:quick` leaves them out).
    include: ['tests/{unit,integration,system}/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    maxWorkers: 2,
    // Test files in one worker share its modules, and so its test database (tests/helpers/database.ts): loading
    // a PGlite takes most of a second and ~300 MB, while emptying its tables after each test takes milliseconds.
    isolate: false,
    env: { DATABASE_URL: databaseUrl ?? '' },
    // On PostgreSQL all test files use the one test database, so they take turns.
    fileParallelism: !databaseUrl,
    hookTimeout: 30_000,
    testTimeout: 15_000,
    // `npm run test:coverage`: which lines and branches of src/ the tests run (the study plan asks for 80 %).
    // Open coverage/index.html to see, line by line, what no test reaches.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      // Started as separate processes by the tests (so not measured in this one), or run by hand.
      exclude: ['src/main.ts', 'src/commands/**'],
      reporter: ['text-summary', 'html'],
      thresholds: { lines: 80, branches: 80 },
    },
  },
});
