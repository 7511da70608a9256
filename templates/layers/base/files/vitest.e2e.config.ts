import { defineConfig } from 'vitest/config';
import { testDatabaseUrl } from './tests/helpers/test-database-url.js';

// Browser tests: a real server and the system's Chromium, one file at a time; the database as in vitest.config.ts.
export default defineConfig({
  test: {
    env: { DATABASE_URL: testDatabaseUrl() ?? '' },
    include: ['tests/e2e/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
