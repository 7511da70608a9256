// Build once before all tests, as `npm run build` does: they drive the built CLI (bin/ → dist/) as a user would.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  node([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  node([path.join(root, 'dist/precompile.js')]);
}
