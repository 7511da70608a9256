import { defineConfig } from 'vitest/config';

// Browser tests: a real server and the system's Chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
