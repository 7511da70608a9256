// The target directory: where it is, and what is in it. Read only: nothing here writes.
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { runEntry } from './claim.js';
import { UsageError } from './errors.js';

export const DEFAULT_DIR = 'study-project';

export type TargetState = { kind: 'missing' } | { kind: 'empty' } | { kind: 'not-empty'; entries: string[] };

/**
 * Resolve the target directory and say what is there. A file in its place, a dangling link, a directory that
 * holds the current one or another run's claim on it is an error. Symbolic links in the path are followed
 * (on macOS `/tmp` and `/var` are links).
 */
export function checkTarget(dir: string, cwd: string): { target: string; state: TargetState } {
  const problem = targetProblem(dir, cwd);
  if (problem) throw new UsageError(problem);
  const target = path.resolve(cwd, dir);
  if (!existsSync(target)) return { target, state: { kind: 'missing' } };
  const entries = userEntries(target);
  return { target, state: entries.length === 0 ? { kind: 'empty' } : { kind: 'not-empty', entries } };
}

/** Why `dir` cannot be the target, in one sentence (for an error, or for a prompt to ask again). */
export function targetProblem(dir: string, cwd: string): string | undefined {
  if (dir.trim() === '') return 'The project directory must not be empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(dir))
    return `The project directory ${JSON.stringify(dir)} has control characters`;
  const target = path.resolve(cwd, dir);
  // The nearest part of the path that exists: it must be a directory (through any links).
  let existing = target;
  while (!exists(existing)) existing = path.dirname(existing);
  const shown = existing === target ? dir : existing;
  if (isDanglingLink(existing)) {
    return `${shown} is a symbolic link to ${readlinkSync(existing)}, which does not exist`;
  }
  if (!statSync(existing).isDirectory()) return `${shown} exists and is not a directory`;
  const real = path.join(realpathSync(existing), path.relative(existing, target));
  if (real === path.parse(real).root) return `Refusing to write a project into ${real}`;
  if (realpathSync(cwd).startsWith(real + path.sep)) {
    return `Refusing to write into ${dir}: it contains the current directory`;
  }
  if (existing === target) {
    const live = readdirSync(target).filter((entry) => runEntry(target, entry) === 'live');
    if (live.length > 0) {
      return `Another create-study-project run is writing into ${dir} (${live.join(', ')}); wait for it to finish`;
    }
  }
  return undefined;
}

/** The entries of an existing target that are the user's: not `.git` (always kept), not a run's files. */
export function userEntries(target: string): string[] {
  return readdirSync(target).filter((entry) => entry !== '.git' && runEntry(target, entry) === undefined);
}

/**
 * What an overwrite removes, for the prompt and for `--overwrite`: the count and the first names, then what git
 * cannot bring back (untracked, ignored and changed files: `.env` among them), named.
 */
export function describeRemoval(target: string, entries: string[]): string {
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
  const lines = [`It removes ${count}: ${describeEntries(entries, 5)} (.git is kept).`];
  const notCommitted = uncommitted(target);
  if (notCommitted === undefined) {
    const env = entries.filter((entry) => /^\.env/.test(entry));
    lines.push(
      `None of it is in a git repository: it is gone for good${env.length ? `, ${env.join(', ')} included` : ''}.`,
    );
  } else if (notCommitted.length > 0) {
    lines.push(`Not committed to git, so gone for good: ${describeEntries(notCommitted, 10)}.`);
  }
  return lines.join('\n');
}

/**
 * Paths under `target` that its git repository cannot restore (untracked, ignored, changed), or undefined when
 * there is no repository to ask. `--no-optional-locks`: reading must not write the index.
 */
function uncommitted(target: string): string[] | undefined {
  if (!existsSync(path.join(target, '.git'))) return undefined;
  // Loaded here: node:child_process takes ~5 ms to load, and a plain create never needs it.
  const { execFileSync } = process.getBuiltinModule('node:child_process');
  let output: string;
  try {
    output = execFileSync(
      'git',
      ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--ignored', '--untracked-files=normal', '.'],
      { cwd: target, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 },
    );
  } catch {
    return undefined;
  }
  const paths: string[] = [];
  const records = output.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.length < 4) continue;
    const status = record.slice(0, 2);
    paths.push(status === '??' || status === '!!' ? record.slice(3) : `${record.slice(3)} (changed)`);
    if (status.startsWith('R') || status.startsWith('C')) i++; // the rename's source follows
  }
  return paths.filter((file) => runEntry(target, file.split('/')[0]!) === undefined);
}

/** "a, b, c and 4 more" */
export function describeEntries(entries: string[], shown = 3): string {
  const first = entries.slice(0, shown).join(', ');
  return entries.length > shown ? `${first} and ${entries.length - shown} more` : first;
}

/** Exists as anything, a dangling link included. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function isDanglingLink(file: string): boolean {
  return lstatSync(file).isSymbolicLink() && !existsSync(file);
}
