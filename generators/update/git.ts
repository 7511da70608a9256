// Every git command update runs goes through one runner. Each runs in a process group of its own: a Ctrl-C on the
// terminal reaches update alone, which lets the command finish and then undoes what the update did, instead of a
// git killed half-way through a merge. A runner can also send every object it writes into a throwaway store
// (`--check` and `--dry-run` build commits to compare and merge, and must leave the repository byte for byte
// as it was).
import { spawn } from 'node:child_process';
import { UsageError } from '../errors.js';
import { OWN_GROUP } from '../signals.js';

/** Where git's `merge-tree --write-tree` comes from: earlier versions cannot merge without a work tree. */
export const MIN_GIT = [2, 38] as const;

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
}

export class Git {
  constructor(
    readonly cwd: string,
    private readonly env: Record<string, string> = {},
  ) {}

  /**
   * Runs git; a non-zero exit is returned (the caller decides what it means), not thrown. Node's own spawn, not
   * execa: an update runs some twenty short git commands, and execa's machinery costs more than most of them.
   */
  run(args: string[], options: RunOptions = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['-c', 'core.quotePath=false', ...args], {
        cwd: options.cwd ?? this.cwd,
        env: { ...process.env, ...this.env, ...options.env },
        stdio: [options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        ...OWN_GROUP,
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new UsageError(`git was not found: update needs git ${MIN_GIT.join('.')} or newer`)
            : error,
        ),
      );
      child.on('close', (code) =>
        resolve({
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          exitCode: code ?? 1,
        }),
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  }

  /** Runs git and returns what it printed (without the last newline); a failure is an error in git's own words. */
  async out(args: string[], options: RunOptions = {}): Promise<string> {
    const result = await this.run(args, options);
    if (result.exitCode !== 0) {
      const said = (result.stderr.trim() || result.stdout.trim()).replace(/^(fatal|error): /, '');
      throw new Error(`git ${subcommand(args)} failed: ${said}`);
    }
    return result.stdout.replace(/\n$/, '');
  }

  /** The commit (or tree) a name points at, or undefined when there is none. */
  async resolve(name: string): Promise<string | undefined> {
    const result = await this.run(['rev-parse', '--verify', '--quiet', `${name}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    return (await this.run(['merge-base', '--is-ancestor', ancestor, of])).exitCode === 0;
  }

  /** A runner whose new objects go to `objects`; the repository's own (`repositoryObjects`) are still read. */
  withObjectStore(objects: string, repositoryObjects: string): Git {
    return new Git(this.cwd, {
      ...this.env,
      GIT_OBJECT_DIRECTORY: objects,
      GIT_ALTERNATE_OBJECT_DIRECTORIES: repositoryObjects,
    });
  }

  async has(commit: string, file: string): Promise<boolean> {
    return (await this.run(['cat-file', '-e', `${commit}:${file}`])).exitCode === 0;
  }

  /** A file's content at a commit, or undefined when the commit does not have it. */
  async show(commit: string, file: string): Promise<string | undefined> {
    const result = await this.run(['cat-file', 'blob', `${commit}:${file}`]);
    return result.exitCode === 0 ? result.stdout : undefined;
  }
}

/** `merge` in `-c merge.renames=true merge --no-ff …`: for messages. */
function subcommand(args: string[]): string {
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === '-c') index += 1;
    else if (!args[index]!.startsWith('-')) return args[index]!;
  }
  return '';
}

/** `-z` output → its entries. */
export function split(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}

/** The git version, checked: update needs merge-tree --write-tree. */
export async function checkGitVersion(git: Git): Promise<void> {
  const said = await git.out(['--version']);
  const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(said) ?? []).slice(1).map(Number);
  if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
    throw new UsageError(
      `update needs git ${MIN_GIT.join('.')} or newer (for git merge-tree --write-tree); this is ${said.replace(/^git version /, '')}`,
    );
  }
}
