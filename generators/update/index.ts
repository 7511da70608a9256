// `create-study-project update`, run inside a project: render the template's current version with the answers the
// project recorded, commit that render on the branch study-project/template (which holds what was generated,
// decision 0021), and merge the branch into the learner's with git's own merge: what the learner never touched
// takes the new version, what only they changed stays theirs, what both changed is merged or left as a conflict
// git shows like any other. --check and --dry-run work the merge out in a throwaway object store and write
// nothing. docs/updating.md tells a learner; docs/decisions/0023 says why it works this way.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CancelledError, UsageError } from '../errors.js';
import { loadTemplate, templateVersion, type Template } from '../kit.js';
import { packageManager } from '../package-manager.js';
import { installed } from '../paths.js';
import { defaultPolicies, RECORD_FILE } from '../policies.js';
import { FALLBACK_IDENTITY, TEMPLATE_BRANCH } from '../post.js';
import { catchSignals } from '../signals.js';
import { bold, dim, fail, info, shellQuote, success, warn } from '../ui.js';
import { currentTemplate, recordedAnswers, updateOptions } from './answers.js';
import { applyUpdate } from './apply.js';
import { oldVersion } from './from.js';
import { checkGitVersion, Git, split } from './git.js';
import { describePlan, planUpdate } from './plan-report.js';
import { findProject, type Project } from './record.js';
import { renderTree, renderVersion, scratch } from './render-version.js';
import { abortUpdate, clearState, mergeHead, readState, TEMPLATE_REF, undo, writeState } from './undo.js';

export interface UpdateInput {
  check: boolean;
  dryRun: boolean;
  abort: boolean;
  /** New template options take their defaults instead of being asked. */
  defaults: boolean;
  allowDirty: boolean;
  /** Write the lockfile again with the package manager when package.json changes. */
  install: boolean;
  /** `--option name=value` */
  options: Record<string, string>;
  /** Where a folder template is now, when it moved. */
  template?: string;
  /** The version the project was made with, for a project without the template branch. */
  from?: string;
}

/** `--check`: an update exists. */
export const EXIT_UPDATE_AVAILABLE = 2;

/** Returns the exit code. */
export async function update(input: UpdateInput): Promise<number> {
  const cwd = process.cwd();

  // 1. One thing at a time: a check, a dry run, an abort or the update itself.
  const modes = [input.check && '--check', input.dryRun && '--dry-run', input.abort && '--abort'].filter(
    Boolean,
  );
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be used together: choose one`);
  if (input.from !== undefined && input.from.trim() === '')
    throw new UsageError('--from needs a folder or a tarball');
  if (input.template !== undefined && input.template.trim() === '')
    throw new UsageError('--template needs the folder of the template');
  const writes = !input.check && !input.dryRun;

  // 2. git, and the project: the top of the work tree, with a record this version can read.
  // Asked at once; a git too old to update is said first (its rev-parse may not know what findProject asks).
  const [version, found] = await Promise.allSettled([
    checkGitVersion(new Git(cwd)),
    findProject(new Git(cwd), cwd),
  ]);
  if (version.status === 'rejected') throw version.reason;
  if (found.status === 'rejected') throw found.reason;
  const project = found.value;
  const git = new Git(project.root);
  if (input.abort) {
    success(await abortUpdate(git, project.gitDir));
    return 0;
  }

  // 3. The repository: a branch with a commit, no merge in progress, nothing uncommitted (an update is undone
  //    exactly only from a clean tree). Independent questions, asked at once.
  const [head, branch, merging, status, identity, templateTip] = await Promise.all([
    git.resolve('HEAD^{commit}'),
    git.run(['symbolic-ref', '-q', 'HEAD']).then((result) => result.stdout.trim()),
    mergeHead(git),
    git.out(['--no-optional-locks', 'status', '--porcelain', '-z']),
    identityArgs(git),
    git.resolve(`${TEMPLATE_REF}^{commit}`),
  ]);
  if (head === undefined) throw new UsageError('The repository has no commit yet: commit the project first.');
  if (branch === '') throw new UsageError('HEAD is detached: switch to your branch first (git switch main).');
  if (branch === TEMPLATE_REF)
    throw new UsageError(
      `You are on ${TEMPLATE_BRANCH}, which update writes: switch to your own branch (git switch main).`,
    );
  if (merging !== undefined) {
    throw new UsageError(
      readState(project.gitDir)?.templateAfter === merging
        ? 'An update is in progress: resolve its conflicts and commit (git commit), or undo it: create-study-project update --abort'
        : 'A merge is in progress: finish it (git commit) or abort it (git merge --abort) first.',
    );
  }
  clearState(project.gitDir); // what an update left when its merge was committed or aborted by hand
  const dirty = split(status.trim());
  if (dirty.length > 0 && writes && !input.allowDirty) {
    const shown = dirty
      .slice(0, 5)
      .map((line) => line.trim())
      .join(', ');
    throw new UsageError(
      `The project has changes that are not committed (${shown}${dirty.length > 5 ? ', …' : ''}). Commit them first ` +
        '(git add -A && git commit -m "…"), so that the update can be undone exactly; or pass --allow-dirty.',
    );
  }
  if (dirty.length > 0 && input.dryRun)
    warn('Uncommitted changes are not part of this plan: it is the update of your last commit.');

  // 4. The template as it is now, and the answers: the record's, and one for each option it gained.
  const template = currentTemplate(project, input.template, cwd);
  const ask =
    writes && !input.defaults && process.stdin.isTTY && process.stdout.isTTY
      ? await import('../prompts.js')
      : undefined;
  const { options, notes } = await updateOptions(template, project.record.options, {
    given: input.options,
    ...(ask && { ask }),
    defaults: input.defaults || !writes,
  });
  const pm = packageManager(project.record.packageManager, project.record.packageManagerMajor);
  const policies = project.record.policies ?? defaultPolicies(pm.lockfile);

  // 5. From here on Ctrl-C stops at a safe point; the renders go into a temporary directory, removed at the end.
  //    A check or a dry run writes its objects into a throwaway store: the repository stays byte for byte as it was.
  const interrupt = catchSignals();
  const { signal } = interrupt;
  const work = scratch('render');
  try {
    const objects = path.join(work.dir, 'objects');
    mkdirSync(objects);
    const store = writes ? git : git.withObjectStore(objects, project.objects);
    const commit = (tree: string, parents: string[], message: string) =>
      store.out([
        ...identity,
        'commit-tree',
        tree,
        ...parents.flatMap((parent) => ['-p', parent]),
        '-m',
        message,
      ]);

    // 6. The base: the template branch; without it, the version the project was made with, rendered again.
    let base: string;
    let adoption: string | undefined;
    if (templateTip !== undefined) {
      if (input.from !== undefined) {
        throw new UsageError(
          `--from is for a project without the branch ${TEMPLATE_BRANCH}, and this one has it (its base is there).`,
        );
      }
      if ((await git.run(['merge-base', head, templateTip])).exitCode !== 0) {
        throw new UsageError(
          `The branch ${TEMPLATE_BRANCH} has no history in common with yours, so it cannot be merged. Delete it ` +
            `(git branch -D ${TEMPLATE_BRANCH}) and run update again: it renders the version the project was made with.`,
        );
      }
      base = templateTip;
    } else {
      const old = await oldVersion(project, template, input.from, cwd, work);
      if (old.warning) warn(old.warning);
      info(
        dim(
          `No branch ${TEMPLATE_BRANCH}: rendering the version the project was made with from ${old.source}.`,
        ),
      );
      const dir = path.join(work.dir, 'old');
      const oldTemplate = (): Template =>
        old.templateDir !== undefined
          ? { ...loadTemplate(old.templateDir), givenPath: project.record.templatePath }
          : loadTemplate(project.record.template);
      await renderVersion(
        dir,
        () => recordedAnswers(project, oldTemplate(), project.record.options),
        signal,
        old.release,
      );
      // The record in the base is the project's own: the re-render writes this version's shape of it, whose new
      // keys would otherwise look like keys the learner deleted.
      writeFileSync(path.join(dir, RECORD_FILE), readFileSync(path.join(project.root, RECORD_FILE)));
      const { tree } = await renderTree(store, project.gitDir, dir, policies);
      base = await commit(
        tree,
        [],
        `${describeVersion(project.record.template, oldVersionOf(project))} as generated (rendered again by create-study-project update)`,
      );
      adoption = await commit(
        `${head}^{tree}`,
        [head, base],
        `Record what was generated: the branch ${TEMPLATE_BRANCH} (create-study-project update)\n\n` +
          `From here on, update merges later versions of the template from that branch.`,
      );
    }

    // 7. The new version, on top of the base.
    const dir = path.join(work.dir, 'new');
    await renderVersion(dir, () => recordedAnswers(project, template, options), signal);
    const { tree, changed, held } = await renderTree(store, project.gitDir, dir, policies, base);
    const unchanged = !changed;
    // Unchanged, but not merged yet: an update whose merge was aborted by hand left it on the template branch.
    const pending = unchanged && templateTip !== undefined && !(await git.isAncestor(templateTip, head));
    const from = describeVersion(template.name, oldVersionOf(project));
    const to = describeVersion(template.name, templateVersion(template));
    for (const note of notes) info(note);

    if (unchanged && !pending) {
      if (input.check) info(`Up to date: ${from}.`);
      else if (adoption === undefined || !writes) {
        info(
          adoption === undefined
            ? `Up to date: ${from}. Nothing to do.`
            : `Up to date: ${from}. A real run records the branch ${TEMPLATE_BRANCH} for later updates (one commit on your branch).`,
        );
      } else {
        await adopt(git, project, { branch, head, adoption, base });
        success(
          `Up to date: ${from}. Recorded what was generated on the branch ${TEMPLATE_BRANCH}, and one commit on your ` +
            'branch that makes it the base of later updates.',
        );
      }
      return 0;
    }
    const theirs =
      unchanged && templateTip !== undefined
        ? templateTip
        : await commit(
            tree,
            [base],
            `${to} (create-study-project ${installed.version})\n\nThe template rendered with this project's answers, for update to merge.`,
          );
    if (pending)
      info(
        dim(
          `The branch ${TEMPLATE_BRANCH} already holds ${to} (from an update that was not finished): merging it.`,
        ),
      );

    if (input.check) {
      info(`An update is available: ${from} → ${to}. Run: npx ${installed.name} update`);
      return EXIT_UPDATE_AVAILABLE;
    }

    // 8. The plan: git's merge worked out in memory, each file given its word.
    const plan = await planUpdate(store, {
      ours: adoption ?? head,
      theirs,
      policies,
      lockfile: pm.lockfile,
      held: pending ? [] : held,
    });
    info(`${bold(`Updating ${project.record.projectName ?? project.name}`)}: ${from} → ${to}\n`);
    info(describePlan(plan, input.install, pm.install));
    if (input.dryRun) {
      info(
        `\nDry run: nothing was written.${adoption !== undefined ? ` A real run also records the branch ${TEMPLATE_BRANCH} (one commit on your branch).` : ''}`,
      );
      return 0;
    }

    // 9. The update itself. Until here nothing was written but objects no ref points at.
    if (signal.aborted) throw new CancelledError();
    const origHead = await git.resolve('ORIG_HEAD');
    const applied = await applyUpdate(git, {
      project,
      plan,
      state: {
        branch,
        head,
        ...(adoption !== undefined && { adoption }),
        ...(templateTip !== undefined && { templateBefore: templateTip }),
        templateAfter: theirs,
        ...(origHead !== undefined && { origHead }),
      },
      message: `Update to ${to} (from ${oldVersionOf(project)}) with create-study-project update`,
      identity,
      install: input.install,
      signal,
    });

    // 10. What next.
    const run = (script: string) => `${pm.run} ${script}`;
    if (applied.outcome === 'committed') {
      success(
        `Updated to ${to}: merged into ${branch.replace('refs/heads/', '')} as ${applied.commit.slice(0, 7)}.`,
      );
      const next = [
        plan.regenerate && !input.install
          ? `${pm.install} (package.json changed: it writes ${plan.regenerate} again), then commit ${plan.regenerate}`
          : undefined,
        `${run('check')}: see that everything still works`,
        'git show --stat HEAD: what the update changed',
      ].filter(Boolean);
      info(`\nNext:\n${next.map((line) => `  ${line}`).join('\n')}`);
      return 0;
    }
    if (applied.outcome === 'install-failed') {
      fail(`The merge is done but not committed: writing ${plan.regenerate} failed (${applied.reason}).`);
      info(
        `\nRetry: ${pm.install}, then git add ${shellQuote(plan.regenerate ?? '')} && git commit --no-edit\n` +
          `Or undo the whole update: create-study-project update --abort`,
      );
      return 1;
    }
    const files = applied.files;
    fail(`${files.length} ${files.length === 1 ? 'file has' : 'files have'} conflicts: ${files.join(', ')}`);
    info(
      [
        '',
        'Everything else is merged. git status shows each of these as "both modified" (UU) or similar. To finish:',
        '  1. open each one, find the lines between <<<<<<< and >>>>>>>, keep what should stay, delete the markers',
        '  2. git add <file> for each',
        ...(plan.regenerate
          ? [
              `  3. ${pm.install} (package.json changed: it writes ${plan.regenerate} again), then git add ${plan.regenerate}`,
            ]
          : []),
        `  ${plan.regenerate ? 4 : 3}. git commit --no-edit, then ${run('check')}`,
        'To undo the whole update instead: create-study-project update --abort',
      ].join('\n'),
    );
    return 1;
  } catch (error) {
    // A Ctrl-C before the update began (while rendering, say): nothing to undo.
    if (error instanceof CancelledError && error.details === undefined)
      throw new CancelledError('Nothing was changed.');
    throw error;
  } finally {
    work.remove();
    interrupt.release();
  }
}

/** The version a project has now: the record's template version (older records: the generator's). */
function oldVersionOf(project: Project): string {
  return project.record.templateVersion ?? project.record.generator.version;
}

function describeVersion(name: string, version: string): string {
  return `${name} ${version}`;
}

/** Git's identity when one is set up; else the generator's, as the first commit had (post.ts). */
async function identityArgs(git: Git): Promise<string[]> {
  const [name, email] = await Promise.all([
    git.run(['config', 'user.name']),
    git.run(['config', 'user.email']),
  ]);
  return name.exitCode === 0 && email.exitCode === 0 ? [] : FALLBACK_IDENTITY;
}

/** A project without the branch, up to date: the branch at its re-rendered base, adopted by the learner's branch. */
async function adopt(
  git: Git,
  project: Project,
  { branch, head, adoption, base }: { branch: string; head: string; adoption: string; base: string },
): Promise<void> {
  const state = { branch, head, adoption, templateAfter: base };
  writeState(project.gitDir, state);
  try {
    await git.out(['update-ref', '-m', 'create-study-project update', TEMPLATE_REF, base, '']);
    await git.out(['update-ref', '-m', 'create-study-project update', branch, adoption, head]);
    clearState(project.gitDir);
  } catch (error) {
    await undo(git, project.gitDir, state);
    throw error;
  }
}
