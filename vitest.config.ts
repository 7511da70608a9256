import { defineConfig } from 'vitest/config';

// The generator's own tests. templates/ holds tests of generated projects: never run them here.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [
      'templates/**',
      'node_modules/**',
      'dist/**',
      'tests/docker/**',
      'tests/kit-check/**',
      'tests/package-managers/**',
      '.kit-check/**',
    ],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
