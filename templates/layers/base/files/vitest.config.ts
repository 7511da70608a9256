import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    // Each test file gets its own PGlite (~300 MB); on PostgreSQL the files share one database, so they take turns.
    maxWorkers: 2,
    fileParallelism: !process.env.DATABASE_URL,
    hookTimeout: 30_000,
    testTimeout: 15_000,
  },
});
