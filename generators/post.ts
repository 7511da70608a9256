// After the files are in place: install with the chosen package manager (so the lockfile is in the first
// commit), git init + first commit, then the next steps for that manager.
import path from 'node:path';
import type { execa as execaFunction } from 'execa';
import type { Answers } from './answers.js';
import { errorMessage } from './errors.js';
import { packageManager } from './package-manager.js';
import { bold, info, shellQuote, success, warn } from './ui.js';

type Execa = typeof execaFunction;

export const COMMIT_MESSAGE = 'Initial commit from create-study-project';
const FALLBACK_IDENTITY = [
  '-c',
  'user.name=create-study-project',
  '-c',
  'user.email=create-study-project@users.noreply.localhost',
];

/** Returns the exit code: 1 when the install failed (the project stays), else 0. */
export async function postSteps(answers: Answers): Promise<number> {
  const pm = packageManager(answers.packageManager);
  const cdPath = path.relative(process.cwd(), answers.target);
  // execa is loaded only when a child process runs (it is the slowest import after node-plop)
  const execa: Execa | undefined = answers.install || answers.git ? (await import('execa')).execa : undefined;

  let installFailed = false;
  if (answers.install && execa) {
    info(`\nInstalling dependencies with ${pm.name}…`);
    const result = await execa(pm.name, ['install'], {
      cwd: answers.target,
      stdio: 'inherit',
      reject: false,
    });
    if (result.failed) {
      installFailed = true;
      warn(
        `Installing dependencies failed: ${result.code === 'ENOENT' ? `${pm.name} was not found` : result.shortMessage}`,
      );
    }
  }

  if (answers.git && execa) await initGit(answers.target, execa);

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

async function initGit(target: string, execa: Execa): Promise<void> {
  const git = (args: string[]) => execa('git', args, { cwd: target, reject: false });
  const version = await git(['--version']);
  if (version.failed) {
    warn('git was not found: skipped creating a repository.');
    return;
  }
  const inside = await git(['rev-parse', '--is-inside-work-tree']);
  if (!inside.failed && inside.stdout.trim() === 'true') {
    warn('The project is inside an existing git work tree: skipped git init.');
    return;
  }
  const hasIdentity =
    !(await git(['config', 'user.name'])).failed && !(await git(['config', 'user.email'])).failed;
  const identity = hasIdentity ? [] : FALLBACK_IDENTITY;
  const steps: [string, string[]][] = [
    ['init', ['init', '-q']],
    ['add', ['add', '-A']],
    ['commit', [...identity, 'commit', '-q', '--no-verify', '-m', COMMIT_MESSAGE]],
  ];
  for (const [name, args] of steps) {
    const result = await git(args);
    if (result.failed) {
      warn(`git ${name} failed: ${errorMessage(result.stderr || result.shortMessage)}`);
      return;
    }
  }
  success(
    `Created a git repository with a first commit${hasIdentity ? '' : ' (no git identity is set up: committed as create-study-project)'}.`,
  );
}
