// After writing: install with the package manager, git init + first commit, next steps.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, fixture, tempDir } from './helpers.js';

/** A HOME with (or without) a git identity, and no system config, so the machine's own config does not leak in. */
function gitHome(identity: boolean): Record<string, string | undefined> {
  const home = tempDir();
  if (identity)
    writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Ada Learner\n\temail = ada@example.com\n');
  return cleanEnv({
    HOME: home,
    XDG_CONFIG_HOME: undefined,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: undefined,
  });
}

async function git(cwd: string, args: string[], env: Record<string, string | undefined>): Promise<string> {
  return String((await execa('git', args, { cwd, env, extendEnv: false })).stdout);
}

describe('git', () => {
  it('git init + add + first commit with the user identity', async () => {
    const cwd = tempDir();
    const env = gitHome(true);
    const { exitCode, stdout } = await cli(['app', '--template', fixture('basic'), '--yes', '--no-install'], {
      cwd,
      env,
    });
    expect(exitCode).toBe(0);
    expect(stdout).toContain(
      'Created a git repository with a first commit and the branch study-project/template (what was generated).',
    );
    const app = path.join(cwd, 'app');
    expect(await git(app, ['log', '--format=%an <%ae>|%s'], env)).toBe(
      'Ada Learner <ada@example.com>|Initial commit from create-study-project',
    );
    expect(await git(app, ['status', '--porcelain'], env)).toBe(''); // everything committed
    expect(await git(app, ['ls-files'], env)).toContain('.github/workflows/ci.yml');
    // The template branch is the generated commit, beside the branch the learner works on.
    expect(await git(app, ['rev-parse', 'study-project/template'], env)).toBe(
      await git(app, ['rev-parse', 'HEAD'], env),
    );
    expect(await git(app, ['branch', '--show-current'], env)).not.toBe('study-project/template');
    expect(await git(app, ['diff', '--stat', 'study-project/template'], env)).toBe('');
  });

  it('without a git identity it commits as create-study-project and says so', async () => {
    const cwd = tempDir();
    const env = gitHome(false);
    const { exitCode, stdout } = await cli(['app', '--template', fixture('basic'), '--yes', '--no-install'], {
      cwd,
      env,
    });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('no git identity is set up: committed as create-study-project');
    expect(await git(path.join(cwd, 'app'), ['log', '--format=%an <%ae>'], env)).toBe(
      'create-study-project <create-study-project@users.noreply.localhost>',
    );
  });

  it('inside an existing work tree git is skipped with a warning', async () => {
    const cwd = tempDir();
    const env = gitHome(true);
    await execa('git', ['init', '-q'], { cwd, env, extendEnv: false });
    const { exitCode, stderr } = await cli(['app', '--template', fixture('basic'), '--yes', '--no-install'], {
      cwd,
      env,
    });
    expect(exitCode).toBe(0);
    expect(stderr).toContain('inside an existing git work tree: skipped git init');
    expect(existsSync(path.join(cwd, 'app', '.git'))).toBe(false);
  });

  it('without git on PATH it is skipped with a warning', async () => {
    const cwd = tempDir();
    const emptyBin = path.join(tempDir(), 'bin');
    mkdirSync(emptyBin);
    const { exitCode, stderr } = await cli(['app', '--template', fixture('basic'), '--yes', '--no-install'], {
      cwd,
      env: cleanEnv({ PATH: emptyBin }),
    });
    expect(exitCode).toBe(0);
    expect(stderr).toContain('git was not found: skipped creating a repository');
  });
});

describe('install', () => {
  it('installs with npm before the first commit, so the lockfile is committed', async () => {
    const cwd = tempDir();
    const env = gitHome(true);
    const { exitCode, stdout } = await cli(['app', '--template', fixture('installable'), '--yes'], {
      cwd,
      env,
    });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Installing dependencies with npm');
    expect(stdout).toContain('  cd app\n  npm run dev\n'); // installed: no install step in the next steps
    expect(await git(path.join(cwd, 'app'), ['ls-files'], env)).toContain('package-lock.json');
  });

  it('a failed install keeps the project, says what failed and how to retry, exit code 1', async () => {
    const cwd = tempDir();
    const { exitCode, all } = await cli(
      ['app', '--template', fixture('install-fails'), '--yes', '--no-git'],
      { cwd },
    );
    expect(exitCode).toBe(1);
    expect(all).toContain('preinstall says no'); // the package manager's own output is shown
    expect(all).toContain('Installing dependencies failed');
    expect(all).toContain('Retry with:\n\n  cd app && npm install');
    expect(existsSync(path.join(cwd, 'app', 'notes.txt'))).toBe(true);
  });
});

/** The CLI as a process the test can signal. */
function start(args: string[], cwd: string, env: Record<string, string | undefined>) {
  return execa(process.execPath, [bin, ...args], { cwd, env, extendEnv: false, reject: false, all: true });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('interrupted after the files are written', () => {
  it('SIGTERM during the install: the install is ended, "Cancelled" says what is done and how to finish, exit 130', async () => {
    const cwd = tempDir();
    const env = gitHome(true);
    const run = start(['app', '--template', fixture('slow-install'), '--yes'], cwd, env);
    const marker = path.join(cwd, 'app', 'installing.pid');
    await waitFor(() => existsSync(marker) && readFileSync(marker, 'utf8') !== '', 'the install to start');
    const installPid = Number(readFileSync(marker, 'utf8'));
    run.kill('SIGTERM');
    const result = await run;
    expect(result.exitCode).toBe(130);
    expect(String(result.all)).toContain(
      'Cancelled. Stopped while installing. The project is in app with all its files, but its dependencies are ' +
        'not installed and it has no git repository. To finish:\n\n' +
        "  cd app && npm install && git init && git add -A && git commit -m 'Initial commit from create-study-project' && git branch study-project/template\n",
    );
    await waitFor(() => !isRunning(installPid), 'the install to end', 10_000);
    expect(existsSync(path.join(cwd, 'app', '.git'))).toBe(false);
    expect(existsSync(path.join(cwd, 'app', 'README.md'))).toBe(true);
  });

  it('SIGTERM during git commit: the half-made repository is removed, so a rerun makes it', async () => {
    const cwd = tempDir();
    const env = gitHome(true);
    // A git that stops at `commit` until it is killed (and says so in a file).
    const wrapperDir = tempDir();
    const realGit = (await execa('sh', ['-c', 'command -v git'])).stdout.trim();
    const committing = path.join(wrapperDir, 'committing');
    writeFileSync(
      path.join(wrapperDir, 'git'),
      `#!/bin/sh\ncase " $* " in *" commit "*) touch '${committing}'; exec sleep 60;; esac\nexec '${realGit}' "$@"\n`,
    );
    chmodSync(path.join(wrapperDir, 'git'), 0o755);
    const run = start(['app', '--template', fixture('basic'), '--yes', '--no-install'], cwd, {
      ...env,
      PATH: `${wrapperDir}:${process.env.PATH}`,
    });
    await waitFor(() => existsSync(committing), 'git commit to start');
    run.kill('SIGTERM');
    const result = await run;
    expect(result.exitCode).toBe(130);
    expect(String(result.all)).toContain(
      'Cancelled. Stopped while making the git repository (what git had made is removed). The project is in app ' +
        "with all its files, but it has no git repository. To finish:\n\n  cd app && git init && git add -A && git commit -m 'Initial commit from create-study-project' && git branch study-project/template\n",
    );
    expect(existsSync(path.join(cwd, 'app', '.git'))).toBe(false);

    const again = await cli(['app', '--template', fixture('basic'), '--yes', '--no-install', '--overwrite'], {
      cwd,
      env,
    });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Created a git repository with a first commit and the branch');
  });
});
