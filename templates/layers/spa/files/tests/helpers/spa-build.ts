import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The browser tests drive the production build of the SPA (dist/web), served by the API as in production. It
 * is built again first (a few seconds), so that they never test an old build of web/.
 */
export function buildSpa(): void {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    // A production build, whatever the test runner set (NODE_ENV=test would bundle React's development build).
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
