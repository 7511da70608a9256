// A version of the template, rendered with the record's answers into a directory of its own, by the code `create`
// writes projects with (buildPlan, then writePlan), and made into the tree git would commit for it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Answers } from '../answers.js';
import { CancelledError } from '../errors.js';
import { buildPlan } from '../plan.js';
import { useRelease } from '../paths.js';
import { policyFor, type Policy } from '../policies.js';
import { writePlan } from '../render.js';
import { split, type Git } from './git.js';

/** A temporary directory, removed by `remove()` (update calls it in a `finally`, also after Ctrl-C). */
export interface Scratch {
  dir: string;
  remove(): void;
}

export function scratch(prefix: string): Scratch {
  const dir = mkdtempSync(path.join(os.tmpdir(), `study-update-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Release {
  /** The kit to read templates and layers from. */
  kit: string;
  /** The generator's name and version the render says it was made with. */
  generator: { name: string; version: string };
}

/**
 * Render into `dir`. `answers` is called once the release's kit is in place (the template is loaded from it);
 * without a release, the installed kit renders as this version.
 */
export async function renderVersion(
  dir: string,
  answers: () => Answers,
  signal: AbortSignal,
  release?: Release,
): Promise<void> {
  const restore = release ? useRelease(release) : undefined;
  try {
    await writePlan(buildPlan(answers()), dir, signal);
  } finally {
    restore?.();
  }
  if (signal.aborted) throw new CancelledError();
}

export interface RenderedTree {
  tree: string;
  /** Whether it differs from base's tree (always true without a base). */
  changed: boolean;
  /** Files the new version changes that stay as they were (a secret file, a "keep" policy), for the plan. */
  held: string[];
}

/**
 * The tree of a render as the first commit had it: `git add -A` in a temporary index, so the project's ignore
 * rules apply as they did when it was generated. Then the policies, against `base` (the template commit the
 * render follows): a file update must not write (`keep`, `regenerate`, a secret) is in the tree exactly as in
 * base, or absent as there, so that the merge sees no change to it from the template's side.
 */
export async function renderTree(
  git: Git,
  gitDir: string,
  dir: string,
  policies: Record<string, Policy>,
  base?: string,
): Promise<RenderedTree> {
  const index = path.join(dir, '..', `${path.basename(dir)}.index`);
  const env = { GIT_DIR: gitDir, GIT_WORK_TREE: dir, GIT_INDEX_FILE: index };
  try {
    await git.out(['add', '-A'], { env, cwd: dir });
    const tree = await git.out(['write-tree'], { env, cwd: dir });
    if (!base) return { tree, changed: true, held: [] };
    // What the render changes from base, as ":old-mode new-mode old-oid new-oid status" and the path.
    const changes = split(await git.out(['diff-tree', '-r', '-z', '--no-renames', base, tree]));
    const undo: string[] = [];
    const held: string[] = [];
    for (let at = 0; at + 1 < changes.length; at += 2) {
      const file = changes[at + 1]!;
      const policy = policyFor(file, policies);
      if (policy !== 'keep' && policy !== 'regenerate') continue;
      const [oldMode, , oldOid] = changes[at]!.slice(1).split(' ');
      undo.push(/^0+$/.test(oldMode!) ? `0 ${'0'.repeat(40)}\t${file}` : `${oldMode} ${oldOid}\t${file}`);
      if (policy === 'keep') held.push(file); // a lockfile is never rendered: it is no news that it is held
    }
    if (undo.length === 0) return { tree, changed: changes.length > 0, held };
    await git.out(['update-index', '-z', '--index-info'], {
      env,
      cwd: dir,
      input: undo.map((line) => `${line}\0`).join(''),
    });
    return {
      tree: await git.out(['write-tree'], { env, cwd: dir }),
      changed: undo.length * 2 < changes.length,
      held,
    };
  } finally {
    rmSync(index, { force: true });
  }
}
