import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    maxWorkers: 2,
    // Test files in one worker share its modules, and so its test database (tests/helpers/database.ts): loading
    // a PGlite takes most of a second and ~300 MB, while emptying its tables after each test takes milliseconds.
    isolate: false,
    // On PostgreSQL all test files use the one database of DATABASE_URL, so they take turns.
    fileParallelism: !process.env.DATABASE_URL,
    hookTimeout: 30_000,
    testTimeout: 15_000,
  },
});
