// Helpers to drive the built CLI as a user would: a child process in a temporary directory.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa, type Options } from 'execa';
import { afterEach } from 'vitest';

export const root = path.resolve(import.meta.dirname, '..');
export const bin = path.join(root, 'bin', 'create-study-project.js');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const fixture = (name: string): string => path.join(fixtures, name);
export const version = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
).version;

/** The environment of a user's shell: no npm script variables leaking in from `npm test`. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('npm_') && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  all: string;
}

export async function cli(args: string[], options: Options & { cwd: string }): Promise<RunResult> {
  const result = await execa(process.execPath, [bin, ...args], {
    env: cleanEnv(),
    extendEnv: false,
    reject: false,
    all: true,
    stdin: 'ignore',
    ...options,
  });
  return {
    exitCode: result.exitCode ?? -1,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    all: String(result.all),
  };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'csp-test-')));
  made.push(dir);
  return dir;
}

/** Relative path → sha256 (and mode) of every file under `dir`, `.git` excluded: to compare trees. */
export function treeOf(dir: string, withMode = false): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (relative === '.git' || relative.startsWith(`.git${path.sep}`) || !entry.isFile()) continue;
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    tree[relative] = withMode ? `${hash} ${(statSync(file).mode & 0o777).toString(8)}` : hash;
  }
  return tree;
}

export const defaults = ['--yes', '--no-install', '--no-git'];
