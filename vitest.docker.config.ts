import { defineConfig } from 'vitest/config';

// The docker step of verify against broken Dockerfiles: needs a Docker engine, so not part of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/docker/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 10 * 60_000,
    hookTimeout: 60_000,
  },
});
