/**
 * `npm run dev`: the API (tsx watch: restarted on every change in src/) and Vite's dev server (instant reload of
 * the SPA), side by side in one terminal. Open http://localhost:5173: Vite serves the SPA and forwards /api and
 * /docs to the API (vite.config.ts), so the browser sees one origin, as it does in production. Ctrl-C stops both;
 * if one of them stops, so does the other.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig, readEnvironment } from '../src/core/config.js';

const { PORT } = loadConfig(readEnvironment());
const bin = (name: string) => resolve(import.meta.dirname, '../node_modules/.bin', name);

function run(label: string, command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, API_PORT: String(PORT), FORCE_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
  return child;
}

const children = [
  run('[api]', bin('tsx'), ['watch', 'src/main.ts']),
  run('[web]', bin('vite'), ['--clearScreen', 'false']),
];

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
console.log(`[dev] the app: http://localhost:5173 (the API alone: http://127.0.0.1:${PORT}, its docs: /docs)`);
