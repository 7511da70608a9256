// What an update does to each file, worked out before anything is written: git's own merge of the learner's
// commit and the new template commit, run in memory (`git merge-tree --write-tree`, the merge `git merge` makes,
// renames included), then each path it touches given one of six words and, where merging is wrong for it, a
// resolution. `--dry-run` prints this; the real update prints the same and carries out the resolutions after
// `git merge`. One place decides what happens to a file: classify() below.
import { isSecretFile, policyFor, type Policy } from '../policies.js';
import { bold, dim, red } from '../ui.js';
import { split, type Git } from './git.js';
import { mergeJson } from './merge-json.js';

export const ACTIONS = ['updated', 'new', 'removed', 'merged', 'kept', 'conflict'] as const;
export type Action = (typeof ACTIONS)[number];

/** What update does after `git merge` where git's answer is not the right one for the file. */
export type Resolution =
  /** the JSON merge's text (merge-json.ts) */
  | { kind: 'json'; text: string }
  /** the learner deleted it, the new version changed it: it stays deleted */
  | { kind: 'delete' }
  /** the new version removes it, the learner changed it: the learner's stays */
  | { kind: 'ours' };

export interface Entry {
  action: Action;
  file: string;
  /** A rename in the template: where the file was. */
  from?: string;
  note?: string;
  /** Lines under the entry (the keys a JSON merge kept the learner's value of). */
  details?: string[];
  resolution?: Resolution;
}

export interface UpdatePlan {
  entries: Entry[];
  /** The lockfile, when the dependencies change: the package manager writes it again after the merge. */
  regenerate?: string;
}

export interface PlanInput {
  /** The learner's commit (HEAD, or the commit that adopts a re-rendered base). */
  ours: string;
  /** The new template commit. */
  theirs: string;
  policies: Record<string, Policy>;
  lockfile: string;
  /** Files the new version changes, held as they were by their policy (render-version.ts). */
  held: string[];
}

export async function planUpdate(
  git: Git,
  { ours, theirs, policies, lockfile, held }: PlanInput,
): Promise<UpdatePlan> {
  // The merge base git finds: the template commit the project last took.
  const [base, merge] = await Promise.all([
    git.out(['merge-base', ours, theirs]),
    git.run(['-c', 'merge.renames=true', 'merge-tree', '--write-tree', '-z', ours, theirs]),
  ]);
  if (merge.exitCode !== 0 && merge.exitCode !== 1) {
    throw new Error(`git merge-tree failed: ${merge.stderr.trim()}`);
  }
  // -z: the merged tree, then "mode oid stage\tpath" for each conflicted stage, then an empty entry, then messages.
  const [tree = '', ...rest] = merge.stdout.split('\0');
  const stages = new Map<string, Set<number>>();
  for (const line of rest.slice(0, Math.max(0, rest.indexOf('')))) {
    const tab = line.indexOf('\t');
    const stage = Number(line.slice(0, tab).split(' ')[2]);
    const file = line.slice(tab + 1);
    stages.set(file, (stages.get(file) ?? new Set()).add(stage));
  }
  const [learner, template, changes] = await Promise.all([
    nameStatus(git, ['--no-renames', base, ours]),
    nameStatus(git, ['--no-renames', base, theirs]),
    nameStatus(git, ['-M', ours, tree]),
  ]);
  const changedByLearner = new Map(learner.map((change) => [change.file, change.status]));
  const changedByTemplate = new Set(template.map((change) => change.file));
  const json = async (file: string) => mergeJsonAt(git, file, base, ours, theirs);

  const entries = await classify({
    stages,
    changes,
    changedByLearner,
    changedByTemplate,
    policies,
    json,
    held,
  });
  // The lockfile is written again when package.json changes, and only in a project that has one (never installed:
  // the learner's first install writes it).
  const dependencies = entries.some(
    (entry) => entry.file === 'package.json' && ['updated', 'merged', 'new'].includes(entry.action),
  );
  const regenerate =
    dependencies && policyFor(lockfile, policies) === 'regenerate' && (await git.has(ours, lockfile));
  return { entries, ...(regenerate && { regenerate: lockfile }) };
}

interface Change {
  status: string;
  file: string;
  from?: string;
}

interface Facts {
  /** Conflicted paths of the merge and the index stages git left for each (1 base, 2 ours, 3 theirs). */
  stages: Map<string, Set<number>>;
  /** What the merge changes in the learner's tree. */
  changes: Change[];
  /** What the learner changed since the base: path → A, M or D. */
  changedByLearner: Map<string, string>;
  changedByTemplate: Set<string>;
  policies: Record<string, Policy>;
  held: string[];
  /** The three-way JSON merge of a file, or undefined when one side is not JSON. */
  json: (file: string) => Promise<{ text: string; disagreements: string[] } | undefined>;
}

async function classify(facts: Facts): Promise<Entry[]> {
  const { stages, changes, changedByLearner, changedByTemplate, policies } = facts;
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const jsonEntry = async (file: string): Promise<Entry | undefined> => {
    const merged = await facts.json(file);
    if (!merged) return undefined;
    return {
      action: 'merged',
      file,
      note:
        merged.disagreements.length > 0
          ? 'as JSON; where both changed a key, yours stays:'
          : "as JSON: your keys and the new version's",
      ...(merged.disagreements.length > 0 && { details: merged.disagreements }),
      resolution: { kind: 'json', text: merged.text },
    };
  };

  for (const [file, at] of stages) {
    seen.add(file);
    if (policyFor(file, policies) === 'json' && at.has(2) && at.has(3)) {
      const entry = await jsonEntry(file);
      if (entry) {
        entries.push(entry);
        continue;
      }
    }
    if (!at.has(2) && at.has(3)) {
      entries.push({
        action: 'kept',
        file,
        note: 'you deleted it, the new version changes it: it stays deleted',
        resolution: { kind: 'delete' },
      });
    } else if (at.has(2) && !at.has(3)) {
      entries.push({
        action: 'kept',
        file,
        note: 'the new version removes it, you changed it: yours stays (delete it if you no longer need it)',
        resolution: { kind: 'ours' },
      });
    } else {
      entries.push({
        action: 'conflict',
        file,
        note: at.has(1)
          ? 'you and the new version changed the same lines'
          : 'you and the new version both added it',
      });
    }
  }

  for (const change of changes) {
    if (change.from !== undefined) seen.add(change.from);
    if (seen.has(change.file)) continue;
    seen.add(change.file);
    const byLearner = changedByLearner.has(change.from ?? change.file);
    const renamed = change.from !== undefined ? { from: change.from } : {};
    if (change.status === 'A') entries.push({ action: 'new', file: change.file });
    else if (change.status === 'D') entries.push({ action: 'removed', file: change.file });
    else if (!byLearner) entries.push({ action: 'updated', file: change.file, ...renamed });
    else {
      const both = changedByTemplate.has(change.file) && policyFor(change.file, policies) === 'json';
      const entry = both ? await jsonEntry(change.file) : undefined;
      entries.push(
        entry ?? {
          action: 'merged',
          file: change.file,
          ...renamed,
          note: "your changes and the new version's",
        },
      );
    }
  }

  for (const file of facts.held) {
    if (seen.has(file)) continue;
    seen.add(file);
    entries.push({
      action: 'kept',
      file,
      note: isSecretFile(file)
        ? 'the new version changes it; update never writes a .env file'
        : 'the new version changes it; its policy is "keep"',
    });
  }

  for (const [file, status] of changedByLearner) {
    if (seen.has(file)) continue;
    const what = status === 'A' ? 'you added it' : status === 'D' ? 'you deleted it' : 'you changed it';
    entries.push({ action: 'kept', file, note: what });
  }
  return entries.sort(
    (a, b) =>
      ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
}

async function nameStatus(git: Git, args: string[]): Promise<Change[]> {
  const items = split(await git.out(['diff-tree', '-r', '-z', '--name-status', ...args]));
  const changes: Change[] = [];
  for (let index = 0; index < items.length;) {
    const status = items[index++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = items[index++]!;
      changes.push({ status: status[0]!, file: items[index++]!, from });
    } else {
      changes.push({ status: status[0]!, file: items[index++]! });
    }
  }
  return changes;
}

async function mergeJsonAt(
  git: Git,
  file: string,
  base: string,
  ours: string,
  theirs: string,
): Promise<{ text: string; disagreements: string[] } | undefined> {
  const [was, mine, next] = await Promise.all([
    git.show(base, file),
    git.show(ours, file),
    git.show(theirs, file),
  ]);
  if (mine === undefined || next === undefined) return undefined;
  try {
    return mergeJson(was, mine, next);
  } catch {
    return undefined; // not JSON (someone's hand): git's line merge it is
  }
}

/** The plan as the learner reads it: one line per file, grouped, then the counts. */
export function describePlan(plan: UpdatePlan, install: boolean, pmInstall: string): string {
  const width = Math.max(...ACTIONS.map((action) => action.length));
  const lines: string[] = [];
  for (const entry of plan.entries) {
    const word = entry.action.padEnd(width);
    const shown = entry.action === 'conflict' ? red(word) : entry.action === 'kept' ? dim(word) : word;
    const from = entry.from !== undefined ? ` (renamed from ${entry.from})` : '';
    const note = entry.note !== undefined ? dim(` (${entry.note})`) : '';
    lines.push(`  ${shown}  ${entry.file}${from}${note}`);
    for (const detail of entry.details ?? []) lines.push(dim(`  ${' '.repeat(width)}    ${detail}`));
  }
  if (plan.regenerate) {
    lines.push(
      install
        ? `  ${'lockfile'.padEnd(width)}  ${plan.regenerate} (written again by ${pmInstall} after the merge)`
        : `  ${'lockfile'.padEnd(width)}  ${plan.regenerate} (not written again: --no-install; run ${pmInstall} after the update)`,
    );
  }
  const counts = ACTIONS.map(
    (action) => [action, plan.entries.filter((entry) => entry.action === action).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([action, count]) => `${count} ${action === 'conflict' && count > 1 ? 'conflicts' : action}`);
  lines.push('', bold(counts.length > 0 ? counts.join(', ') : 'No file changes.'));
  return lines.join('\n');
}
