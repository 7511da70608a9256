// After the files are in place: install with the chosen package manager (so the lockfile is in the first
// commit), git init + first commit and the template branch at it, then the next steps for that manager. Ctrl-C
// or SIGTERM here stops the step that runs (the install is ended; a half-made git repository is removed), says
// what is done and how to finish, and ends with CancelledError.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { execa as execaFunction } from 'execa';
import type { Answers } from './answers.js';
import { CancelledError, errorMessage } from './errors.js';
import { packageManager, type PackageManager } from './package-manager.js';
import { forwardTo, OWN_GROUP } from './signals.js';
import { bold, info, shellQuote, success, warn } from './ui.js';

type Execa = typeof execaFunction;

export const COMMIT_MESSAGE = 'Initial commit from create-study-project';
/**
 * Points at the first commit: what the generator made (docs/decisions/0021). `git diff study-project/template`
 * shows a learner what they changed since; updates to a newer template are merged from it.
 */
export const TEMPLATE_BRANCH = 'study-project/template';
/** Who commits when git has no identity set up (a fresh machine, a container): named as the generator. */
export const FALLBACK_IDENTITY = [
  '-c',
  'user.name=create-study-project',
  '-c',
  'user.email=create-study-project@users.noreply.localhost',
];
/** How long a step may take to end after it was told to stop, before it is killed. */
const STOP_GRACE_MS = 5000;

/** Returns the exit code: 1 when the install failed (the project stays), else 0. */
export async function postSteps(answers: Answers, signal: AbortSignal): Promise<number> {
  const pm = packageManager(answers.packageManager, answers.packageManagerMajor);
  const cdPath = path.relative(process.cwd(), answers.target);
  // execa is loaded only when a child process runs (it is the slowest import after node-plop)
  const execa: Execa | undefined = answers.install || answers.git ? (await import('execa')).execa : undefined;
  const left = { install: answers.install, git: answers.git };
  const stop = (interrupted: string): CancelledError =>
    new CancelledError(cancelledAt(interrupted, answers, pm, cdPath, left));

  let installFailed = false;
  if (answers.install && execa) {
    if (signal.aborted) throw stop('before installing');
    info(`\nInstalling dependencies with ${pm.name}…`);
    const failure = await installDependencies(execa, pm, answers.target, signal);
    if (signal.aborted) throw stop('while installing');
    left.install = false;
    if (failure) {
      installFailed = true;
      warn(`Installing dependencies failed: ${failure}`);
    }
  }

  if (answers.git && execa) {
    if (signal.aborted) throw stop('before git');
    const made = await initGit(answers.target, execa, signal);
    if (made === 'cancelled') throw stop('while making the git repository (what git had made is removed)');
    left.git = false;
  }

  if (installFailed) {
    const retry = [cdPath && `cd ${shellQuote(cdPath)}`, pm.install].filter(Boolean).join(' && ');
    info(
      `\nThe project is in ${answers.dir}, but its dependencies are not installed. Retry with:\n\n  ${retry}\n`,
    );
    return 1;
  }

  info(`\n${bold('Done.')} Now run:\n`);
  if (cdPath) info(`  cd ${shellQuote(cdPath)}`);
  if (!answers.install) info(`  ${pm.install}`);
  info(`  ${pm.run} dev\n`);
  return 0;
}

/**
 * `<pm> install` in `dir`, its output on the terminal, in a process group of its own that gets our signal (so the
 * package manager's scripts end with it). It writes the lockfile: a new project's, or again after `update`
 * changed package.json. Returns why it failed, or undefined.
 */
export async function installDependencies(
  execa: Execa,
  pm: PackageManager,
  dir: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const child = execa(pm.name, ['install'], {
    cwd: dir,
    // The install writes the lockfile. Yarn 2+ refuses to under CI=true (immutable installs are its CI default),
    // which would fail `yarn create` in a CI job or a codespace.
    env: { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' },
    stdio: 'inherit',
    reject: false,
    ...OWN_GROUP,
  });
  const done = forwardTo(child, signal, STOP_GRACE_MS);
  const result = await child;
  done();
  if (!result.failed) return undefined;
  return result.code === 'ENOENT' ? `${pm.name} was not found` : result.shortMessage;
}

/** What a cancellation after the files were written tells: what is done, what is not, the commands left. */
function cancelledAt(
  interrupted: string,
  answers: Answers,
  pm: PackageManager,
  cdPath: string,
  left: { install: boolean; git: boolean },
): string {
  const notDone = [
    left.install && 'its dependencies are not installed',
    left.git && 'it has no git repository',
  ];
  const commands = [
    cdPath && `cd ${shellQuote(cdPath)}`,
    left.install && pm.install,
    left.git &&
      `git init && git add -A && git commit -m ${shellQuote(COMMIT_MESSAGE)} && git branch ${TEMPLATE_BRANCH}`,
  ].filter((command): command is string => typeof command === 'string' && command !== '');
  return (
    `Stopped ${interrupted}. The project is in ${answers.dir} with all its files, but ` +
    `${notDone.filter(Boolean).join(' and ')}. To finish:\n\n  ${commands.join(' && ')}\n`
  );
}

/** Returns 'cancelled' when a signal stopped it: then a repository it had begun is removed again. */
async function initGit(target: string, execa: Execa, signal: AbortSignal): Promise<'ended' | 'cancelled'> {
  const git = (args: string[]) =>
    execa('git', args, {
      cwd: target,
      reject: false,
      cancelSignal: signal,
      forceKillAfterDelay: STOP_GRACE_MS,
    });
  const version = await git(['--version']);
  if (signal.aborted) return 'cancelled';
  if (version.failed) {
    warn('git was not found: skipped creating a repository.');
    return 'ended';
  }
  const inside = await git(['rev-parse', '--is-inside-work-tree']);
  if (signal.aborted) return 'cancelled';
  if (!inside.failed && inside.stdout.trim() === 'true') {
    warn('The project is inside an existing git work tree: skipped git init.');
    return 'ended';
  }
  const hasIdentity =
    !(await git(['config', 'user.name'])).failed && !(await git(['config', 'user.email'])).failed;
  const identity = hasIdentity ? [] : FALLBACK_IDENTITY;
  // A repository half made (a .git with staged files and no commit) would make the next run skip git for good.
  const gitDir = path.join(target, '.git');
  const madeHere = !existsSync(gitDir);
  const undo = async (): Promise<void> => {
    if (madeHere) await rm(gitDir, { recursive: true, force: true });
  };
  const steps: [string, string[]][] = [
    ['init', ['init', '-q']],
    ['add', ['add', '-A']],
    ['commit', [...identity, 'commit', '-q', '--no-verify', '-m', COMMIT_MESSAGE]],
    ['branch', ['branch', TEMPLATE_BRANCH]],
  ];
  for (const [name, args] of steps) {
    const result = await git(args);
    if (signal.aborted) {
      await undo();
      return 'cancelled';
    }
    if (result.failed) {
      await undo();
      warn(
        `git ${name} failed: ${errorMessage(result.stderr || result.shortMessage)}` +
          (madeHere ? ' (no repository was made)' : ''),
      );
      return 'ended';
    }
  }
  success(
    `Created a git repository with a first commit${hasIdentity ? '' : ' (no git identity is set up: committed as create-study-project)'}` +
      ` and the branch ${TEMPLATE_BRANCH} (what was generated).`,
  );
  return 'ended';
}
