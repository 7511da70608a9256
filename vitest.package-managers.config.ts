import { defineConfig } from 'vitest/config';

// `npm run test:package-managers`: the guestbook's first run with npm, pnpm 10 and 11, yarn 1 and 4, and bun, each
// installed from the npm registry. Minutes, not seconds: .ci/run runs it, `npm test` does not.
export default defineConfig({
  test: {
    include: ['tests/package-managers/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 600_000,
  },
});
