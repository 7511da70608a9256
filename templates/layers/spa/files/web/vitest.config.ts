import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component tests of the SPA: React components rendered into happy-dom (a DOM in Node, no browser), driven with
// Testing Library the way a user would (by role and label). Browser tests of the built app are in tests/e2e.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./test-setup.ts'],
  },
});
