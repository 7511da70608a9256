// The project update works on: the top of a git work tree, holding the record create wrote (study-project.json),
// checked against its schema (recordSchema in manifest.ts). Each refusal is one sentence: not a git repository,
// not a project of ours, a record written by a newer version than this one, a record someone broke by hand.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseJson } from '../kit.js';
import { describeIssue, recordSchema, type ProjectRecord } from '../manifest.js';
import { packageNameProblem } from '../package-name.js';
import { installed } from '../paths.js';
import { RECORD_FILE } from '../policies.js';
import type { Git } from './git.js';

export type { ProjectRecord };

export interface Project {
  /** The top of the work tree, where study-project.json is. */
  root: string;
  /** `.git` (or wherever the repository keeps its files), absolute. */
  gitDir: string;
  /** The object store, absolute (a throwaway store reads from it). */
  objects: string;
  record: ProjectRecord;
  /** The directory name: what `projectName` was when the record does not say. */
  name: string;
}

export async function findProject(git: Git, cwd: string): Promise<Project> {
  const top = await git.run([
    'rev-parse',
    '--path-format=absolute',
    '--show-toplevel',
    '--absolute-git-dir',
    '--git-common-dir',
  ]);
  const here = existsSync(path.join(cwd, RECORD_FILE));
  if (top.exitCode !== 0) {
    throw new UsageError(
      here
        ? `${cwd} has no git repository, and update merges with git. Make one first: ` +
            `git init && git add -A && git commit -m "My project", then run update again.`
        : `${cwd} is not a project made by create-study-project: it is not in a git repository and has no ${RECORD_FILE}.`,
    );
  }
  const [root = '', gitDir = '', commonDir = ''] = top.stdout.trim().split('\n');
  if (!existsSync(path.join(root, RECORD_FILE))) {
    throw new UsageError(
      here
        ? `The project in ${cwd} is inside the git repository of ${root}, not in one of its own: update merges the ` +
            `template into the whole repository, so it needs the project at its top.`
        : `${root} is not a project made by create-study-project: it has no ${RECORD_FILE}.`,
    );
  }
  return {
    root,
    gitDir,
    objects: path.join(commonDir, 'objects'),
    record: readRecord(path.join(root, RECORD_FILE)),
    name: path.basename(root),
  };
}

/** The record, checked: its maker, its version (not newer than this one), then every key against the schema. */
export function readRecord(file: string): ProjectRecord {
  let raw: unknown;
  try {
    raw = parseJson(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${RECORD_FILE}: not valid JSON (${(error as Error).message}); fix it, or take the committed one back ` +
        `(git checkout -- ${RECORD_FILE})`,
    );
  }
  const said = raw as { generator?: { name?: unknown; version?: unknown } } | null;
  const maker = said?.generator?.name;
  if (typeof maker === 'string' && maker !== installed.name) {
    throw new UsageError(
      `${RECORD_FILE} says the project was made by ${maker}, not by ${installed.name}: update cannot update it.`,
    );
  }
  // Before the schema: a newer version may have added keys this one does not know.
  const version = said?.generator?.version;
  if (typeof version === 'string' && compareVersions(version, installed.version) > 0) {
    throw new UsageError(
      `This project was made with ${installed.name} ${version}, newer than this one (${installed.version}). ` +
        `Update with that version or a later one: npx ${installed.name}@latest update`,
    );
  }
  const result = recordSchema.safeParse(raw);
  if (!result.success) {
    throw new UsageError(`${RECORD_FILE}: ${describeIssue(result.error.issues[0]!, raw, recordSchema)}`);
  }
  const problem = packageNameProblem(result.data.packageName);
  if (problem) {
    throw new UsageError(
      `${RECORD_FILE}: "packageName" must be a valid npm package name (got ${JSON.stringify(result.data.packageName)}: ${problem})`,
    );
  }
  return result.data;
}

/** Semantic versions: -1, 0 or 1. A pre-release comes before its release (0.2.0-beta.1 < 0.2.0). */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = '', pre] = version.split('+')[0]!.split(/-(.*)/s);
    return { core: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let index = 0; index < 3; index += 1) {
    const difference = (x.core[index] ?? 0) - (y.core[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (x.pre.length === 0 || y.pre.length === 0) return Math.sign(y.pre.length - x.pre.length);
  for (let index = 0; index < Math.max(x.pre.length, y.pre.length); index += 1) {
    const [p, q] = [x.pre[index], y.pre[index]];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const numeric = /^\d+$/.test(p) && /^\d+$/.test(q);
    return numeric ? Math.sign(Number(p) - Number(q)) : p < q ? -1 : 1;
  }
  return 0;
}
