// The places users really run the generator in, for the tests: a target that is a mount point (docker run -v,
// devcontainers), a folder the user may not write, a run killed with SIGKILL.
import path from 'node:path';
import { execa } from 'execa';
import { bin, cleanEnv, type RunResult } from './helpers.js';

const isRoot = process.getuid?.() === 0;

/**
 * The argv prefix that runs a command without the power to ignore file permissions: as root, without
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (so a mode of 0555 stops it as it stops a user); as a user, nothing.
 */
export function unprivileged(): string[] {
  return isRoot ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'] : [];
}

export const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export interface MountedRun extends RunResult {
  /** What `inspect` printed, inside the mount namespace, after the CLI exited. */
  inspected: string;
}

/**
 * Runs the CLI in a private mount namespace with a fresh tmpfs on each of `mounts` (created first), after the
 * shell commands `setup`, then the shell command `inspect` (the mounts vanish with the namespace). Needs root, or
 * a user with passwordless sudo (GitHub's runners), for `mount`.
 */
export async function cliOnMounts(
  mounts: string[],
  {
    setup = '',
    args,
    cwd,
    inspect = 'true',
  }: { setup?: string; args: string[]; cwd: string; inspect?: string },
): Promise<MountedRun> {
  const user = isRoot
    ? ''
    : `chown ${process.getuid?.()}:${process.getgid?.()} ${mounts.map(quote).join(' ')} && `;
  const asUser = isRoot
    ? ''
    : `setpriv --reuid=${process.getuid?.()} --regid=${process.getgid?.()} --init-groups `;
  const cli = [process.execPath, bin, ...args].map(quote).join(' ');
  const script = [
    ...mounts.map((dir) => `mkdir -p ${quote(dir)} && mount -t tmpfs -o size=64m tmpfs ${quote(dir)}`),
    `${user}cd ${quote(cwd)}`,
    `${asUser}sh -c ${quote(`${setup || 'true'}`)}`,
    `${asUser}${cli}; echo "::exit $?" >&2`,
    `echo ::inspect; ${asUser}sh -c ${quote(inspect)}`,
  ].join(' && ');
  const unshare = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script];
  const result = await execa(
    isRoot ? unshare[0]! : 'sudo',
    isRoot ? unshare.slice(1) : ['-n', '-E', ...unshare],
    {
      env: cleanEnv(),
      extendEnv: false,
      reject: false,
      all: true,
      stdin: 'ignore',
    },
  );
  const stderr = String(result.stderr);
  const exit = /::exit (\d+)/.exec(stderr);
  if (!exit) {
    throw new Error(
      `could not run the CLI on a mount point (this test needs root or passwordless sudo for mount):\n${String(result.all)}`,
    );
  }
  const stdout = String(result.stdout);
  const at = stdout.indexOf('::inspect');
  return {
    exitCode: Number(exit[1]),
    stdout: stdout.slice(0, at),
    stderr: stderr.replace(/::exit \d+\n?/, ''),
    all: String(result.all),
    inspected: stdout.slice(at + '::inspect\n'.length),
  };
}

/** A shell command that prints every file under `dir` with its sha256 and mode, sorted: to compare trees. */
export function treeCommand(dir: string): string {
  return `cd ${quote(dir)} && find . -type f -exec stat -c '%a %n' {} + | sort && find . -type f -exec sha256sum {} + | sort`;
}

export const relativeTo = (from: string, to: string): string => path.relative(from, to) || '.';
