// Undoing an update, all of it: the merge (git merge --abort), the commit that adopted a re-rendered template
// (a project without the template branch), and the template branch, put back where it was. What to undo is
// written, before the first ref moves, to a file in the repository's own directory (never in the work tree, so
// git status does not see it): a Ctrl-C, a failed step and `update --abort` all undo the same way.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { TEMPLATE_BRANCH } from '../post.js';
import type { Git } from './git.js';

const STATE_FILE = 'study-project-update.json';
export const TEMPLATE_REF = `refs/heads/${TEMPLATE_BRANCH}`;

export interface UpdateState {
  /** The learner's branch (`refs/heads/main`) and its commit before the update. */
  branch: string;
  head: string;
  /** The commit that made a re-rendered template an ancestor of the learner's branch, if the update made one. */
  adoption?: string;
  /** The template branch before the update (absent: the update made it) and after. */
  templateBefore?: string;
  templateAfter: string;
  /** git merge moves ORIG_HEAD: what it was before (absent: there was none), so that undoing puts it back too. */
  origHead?: string;
}

const stateFile = (gitDir: string): string => path.join(gitDir, STATE_FILE);

export function writeState(gitDir: string, state: UpdateState): void {
  writeFileSync(stateFile(gitDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function readState(gitDir: string): UpdateState | undefined {
  if (!existsSync(stateFile(gitDir))) return undefined;
  try {
    return JSON.parse(readFileSync(stateFile(gitDir), 'utf8')) as UpdateState;
  } catch {
    return undefined;
  }
}

export function clearState(gitDir: string): void {
  rmSync(stateFile(gitDir), { force: true });
}

/** The commit being merged, when a merge is in progress. */
export async function mergeHead(git: Git): Promise<string | undefined> {
  return git.resolve('MERGE_HEAD');
}

/** Puts the merge, the learner's branch and the template branch back as `state` says they were. */
export async function undo(git: Git, gitDir: string, state: UpdateState): Promise<void> {
  if ((await mergeHead(git)) !== undefined) await git.out(['merge', '--abort']);
  if (state.adoption !== undefined && (await git.resolve(state.branch)) === state.adoption) {
    // The adoption commit has the learner's tree: moving the branch back leaves the index and the files as they are.
    await git.out([
      'update-ref',
      '-m',
      'create-study-project update: undone',
      state.branch,
      state.head,
      state.adoption,
    ]);
  }
  const template = await git.resolve(TEMPLATE_REF);
  if (template === state.templateAfter) {
    if (state.templateBefore === undefined)
      await git.out(['update-ref', '-d', TEMPLATE_REF, state.templateAfter]);
    else
      await git.out([
        'update-ref',
        '-m',
        'create-study-project update: undone',
        TEMPLATE_REF,
        state.templateBefore,
        state.templateAfter,
      ]);
  }
  if (state.origHead !== undefined) await git.out(['update-ref', '--no-deref', 'ORIG_HEAD', state.origHead]);
  else if ((await git.resolve('ORIG_HEAD')) !== undefined)
    await git.out(['update-ref', '--no-deref', '-d', 'ORIG_HEAD']);
  clearState(gitDir);
}

/** `update --abort`. Returns what it says. */
export async function abortUpdate(git: Git, gitDir: string): Promise<string> {
  const state = readState(gitDir);
  const merging = await mergeHead(git);
  if (merging !== undefined && state === undefined && merging === (await git.resolve(TEMPLATE_REF))) {
    // An update's merge whose note of what to undo is gone: the merge, at least.
    await git.out(['merge', '--abort']);
    return `Merge aborted: your files and branch are as they were before the update (${TEMPLATE_BRANCH} keeps the new version for the next update).`;
  }
  if (merging !== undefined && merging !== state?.templateAfter) {
    throw new UsageError('The merge in progress is not an update: undo it with git merge --abort.');
  }
  if (state === undefined) throw new UsageError('There is no update to abort.');
  if (
    merging === undefined &&
    (await git.resolve('HEAD')) !== state.head &&
    (await git.resolve('HEAD')) !== state.adoption
  ) {
    clearState(gitDir);
    throw new UsageError(
      'There is no update to abort: it was committed. To go back to before it, if you made no commits since: ' +
        'git reset --hard HEAD^1',
    );
  }
  await undo(git, gitDir, state);
  return `Update aborted: the project, your branch and ${TEMPLATE_BRANCH} are as they were before it.`;
}
