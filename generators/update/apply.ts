// The real update, once the plan is known: the new render committed on the template branch, `git merge` of that
// branch into the learner's (git's merge: renames, conflict markers, `git status`, `git merge --abort`), the
// plan's resolutions where merging is wrong (JSON merged key by key, a deleted file left deleted), the lockfile
// written again by the package manager, and the merge committed when nothing is left to resolve. Until the merge
// is committed, any failure or Ctrl-C undoes all of it (undo.ts).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { CancelledError, UsageError } from '../errors.js';
import { installDependencies, TEMPLATE_BRANCH } from '../post.js';
import { packageManager } from '../package-manager.js';
import { info, warn } from '../ui.js';
import { split, type Git } from './git.js';
import type { UpdatePlan } from './plan-report.js';
import type { Project } from './record.js';
import { clearState, TEMPLATE_REF, undo, writeState, type UpdateState } from './undo.js';

export interface ApplyInput {
  project: Project;
  plan: UpdatePlan;
  state: UpdateState;
  /** The merge commit's message. */
  message: string;
  /** `-c user.name=… -c user.email=…` when git has no identity, else empty. */
  identity: string[];
  install: boolean;
  signal: AbortSignal;
}

export type Applied =
  | { outcome: 'committed'; commit: string }
  | { outcome: 'conflicts'; files: string[] }
  | { outcome: 'install-failed'; reason: string };

export async function applyUpdate(git: Git, input: ApplyInput): Promise<Applied> {
  const { project, plan, state, signal } = input;
  writeState(project.gitDir, state);
  try {
    // 1. The refs: the template branch to the new render; a re-rendered base adopted by the learner's branch.
    if (state.templateBefore !== state.templateAfter) {
      await git.out([
        'update-ref',
        '-m',
        'create-study-project update',
        TEMPLATE_REF,
        state.templateAfter,
        state.templateBefore ?? '',
      ]);
    }
    if (state.adoption !== undefined)
      await git.out([
        'update-ref',
        '-m',
        'create-study-project update',
        state.branch,
        state.adoption,
        state.head,
      ]);
    stopIfAsked(signal);

    // 2. git's merge, not committed yet: the resolutions and the lockfile go into the same commit.
    const merge = await git.run([
      '-c',
      'merge.renames=true',
      'merge',
      '--no-ff',
      '--no-commit',
      '-m',
      input.message,
      TEMPLATE_BRANCH, // by its name: git writes it on the conflict markers (>>>>>>> study-project/template)
    ]);
    if ((await git.resolve('MERGE_HEAD')) === undefined) {
      // git refused before merging anything (with --allow-dirty: a local change in a file the merge changes).
      const said = (merge.stderr.trim() || merge.stdout.trim()).split('\n').slice(0, 8).join('\n');
      throw new UsageError(`git did not start the merge:\n${said}\nNothing was changed.`);
    }
    stopIfAsked(signal);

    // 3. Where merging is wrong for a file: the plan's resolution.
    const add: string[] = [];
    const remove: string[] = [];
    for (const entry of plan.entries) {
      const resolution = entry.resolution;
      if (!resolution) continue;
      if (resolution.kind === 'json') writeFileSync(path.join(project.root, entry.file), resolution.text);
      (resolution.kind === 'delete' ? remove : add).push(entry.file);
    }
    if (add.length > 0) await git.out(['add', '--', ...add]);
    if (remove.length > 0) await git.out(['rm', '-q', '-f', '--ignore-unmatch', '--', ...remove]);
    const conflicts = split(await git.out(['diff', '--name-only', '--diff-filter=U', '-z']));
    if (conflicts.length > 0) return { outcome: 'conflicts', files: conflicts };
    stopIfAsked(signal);

    // 4. The lockfile, written again for the merged package.json (never merged as text).
    if (plan.regenerate && input.install) {
      const pm = packageManager(project.record.packageManager, project.record.packageManagerMajor);
      info(`\nWriting ${plan.regenerate} again with ${pm.install}…`);
      const failure = await installDependencies(execa, pm, project.root, signal);
      stopIfAsked(signal);
      if (failure) return { outcome: 'install-failed', reason: failure };
      if (existsSync(path.join(project.root, plan.regenerate))) await git.out(['add', '--', plan.regenerate]);
    }

    // 5. The merge commit.
    await git.out([...input.identity, 'commit', '-q', '--no-edit', '--no-verify']);
    const commit = await git.out(['rev-parse', 'HEAD']);
    clearState(project.gitDir);
    return { outcome: 'committed', commit };
  } catch (error) {
    try {
      await undo(git, project.gitDir, state);
    } catch (undoError) {
      warn(
        `Could not undo the update (${(undoError as Error).message}): run create-study-project update --abort`,
      );
    }
    if (signal.aborted || error instanceof CancelledError) {
      throw new CancelledError(`The project is as it was before the update.`);
    }
    throw error;
  }
}

function stopIfAsked(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}
