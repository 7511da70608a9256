import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './scripts/bundle-budget.js';

// The SPA in web/, built into dist/web, which the API process serves in production (src/plugins/spa.ts).
// In development `npm run dev` runs this dev server next to the API and it forwards /api and /docs there,
// so the browser talks to one origin in development as in production.
const api = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  root: 'web',
  plugins: [react(), bundleBudget({ javascriptKb: 100 })],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': api, '/docs': api },
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
});
