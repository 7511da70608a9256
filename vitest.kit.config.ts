import { defineConfig } from 'vitest/config';

// `npm run test:kit`: the tests of kit:check itself, which reuse the packages `npm run kit:check` installed.
export default defineConfig({
  test: {
    include: ['tests/kit-check/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 300_000,
  },
});
