// The update step: a project made by the template's previous release and changed since by a learner updates to
// this release cleanly, and keeps every one of the learner's changes. A clone (or a folder template) has no
// previous release to render, so the previous release is the current render with the changes a release brings
// taken back out: a file and a script it dropped put back in, and as the template's files allow, the last line
// of a shared file, a new file, a file's new name, a dependency's version. The learner then does what learners
// do: a dependency and a script, a file of their own, and a line at the top of that shared file, a line at the
// end of the renamed file, a file deleted. `update --check` must say an update exists, `--dry-run` must write
// nothing, `update` must merge without a conflict, and the project must then be exactly the current render with
// the learner's changes in it: a lost edit, a file too many or too few fails the step, named. Nothing is
// installed: the step generates a project of its own.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { binPath } from '../paths.js';
import { defaultPolicies, policyFor, RECORD_FILE, type Policy } from '../policies.js';
import { FALLBACK_IDENTITY, TEMPLATE_BRANCH } from '../post.js';
import type { StepContext, StepOutcome } from './run.js';

const LEARNER_LINE = 'A line the learner added.';
const LEARNER_FILE = 'learner-notes.md';
const DROPPED_FILE = 'previous-release-file.txt';
const DROPPED_SCRIPT = 'previous-release-script';

type Files = Map<string, Buffer>;

/** The files the text edits use; a small template may not have them all (its files are too few or too short). */
interface Picked {
  /** Its last line came with this release; the learner adds a line at its top. */
  shared?: string;
  /** This release renamed it (it was `previous-<name>`); the learner adds a line at its end. */
  renamed?: string;
  /** New in this release. */
  added?: string;
  /** The learner deletes it. */
  deleted?: string;
}

export async function updateStep(ctx: StepContext): Promise<StepOutcome> {
  const { execa } = await import('execa');
  const output: string[] = [];
  const run = async (command: string, args: string[], cwd: string) => {
    const result = await execa(command, args, {
      cwd,
      // A throwaway repository: its commits are not signed, whatever the machine's git config says.
      env: {
        ...ctx.env,
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'commit.gpgsign',
        GIT_CONFIG_VALUE_0: 'false',
      },
      extendEnv: false,
      reject: false,
      all: true,
      stdin: 'ignore',
      timeout: 60_000,
    });
    output.push(`$ ${[path.basename(command), ...args].join(' ')}`, String(result.all ?? ''));
    return { code: result.exitCode ?? 1, text: String(result.all ?? '') };
  };
  const fail = (message: string): StepOutcome => ({ ok: false, output: output.join('\n'), message });

  // 1. The project as this release generates it, in a directory of its own, and what each edit touches.
  const dir = path.join(ctx.workDir, 'update', path.basename(ctx.projectDir));
  const generated = await run(
    process.execPath,
    [binPath, dir, '--template', ctx.template, '--yes', '--no-git', '--no-install'],
    ctx.workDir,
  );
  if (generated.code !== 0) return fail('generating the project failed');
  const current = filesOf(dir);
  const record = JSON.parse(readFileSync(path.join(dir, RECORD_FILE), 'utf8')) as {
    policies?: Record<string, Policy>;
    generator: { version: string };
    templateVersion?: string;
  };
  const picked = pick(current, record.policies ?? defaultPolicies('package-lock.json'));

  // 2. The previous release's project: the current render with this release's changes taken out.
  const text = (file: string) => current.get(file)!.toString('utf8');
  const at = (file: string) => path.join(dir, file);
  if (picked.shared) writeFileSync(at(picked.shared), withoutLastLine(text(picked.shared)));
  if (picked.renamed) renameSync(at(picked.renamed), at(previousName(picked.renamed)));
  if (picked.added) rmSync(at(picked.added));
  writeFileSync(at(DROPPED_FILE), 'A file the previous release had and this one dropped.\n');
  const pkg = JSON.parse(text('package.json')) as PackageJson;
  const previous = structuredClone(pkg);
  previous.scripts = { ...previous.scripts, [DROPPED_SCRIPT]: 'node -e 0' };
  const bumped = Object.keys(previous.dependencies ?? {})[0];
  if (bumped !== undefined) previous.dependencies![bumped] = '0.0.0';
  writeJson(at('package.json'), previous);
  writeJson(at(RECORD_FILE), {
    ...record,
    generator: { ...record.generator, version: '0.0.0' },
    templateVersion: '0.0.0',
  });
  // A file and a script dropped, and as the files allow: a line, a rename, a file added, a dependency bumped.
  const releaseChanges =
    2 + [picked.shared, picked.renamed, picked.added, bumped].filter((item) => item !== undefined).length;
  const git = FALLBACK_IDENTITY; // a throwaway repository: committed as the generator, whoever runs verify
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    [...git, 'commit', '-q', '--no-verify', '-m', 'As the previous release generated it'],
    ['branch', TEMPLATE_BRANCH],
  ]) {
    if ((await run('git', args, dir)).code !== 0)
      return fail('making the repository of the previous release failed');
  }

  // 3. The learner's changes, committed: a dependency and a script, a file of their own, and as the files allow,
  //    a line at the top of the shared file, one at the end of the renamed file, a file deleted.
  if (picked.shared)
    writeFileSync(at(picked.shared), withLineAfterFirst(withoutLastLine(text(picked.shared))));
  if (picked.renamed) writeFileSync(at(previousName(picked.renamed)), withLineAtEnd(text(picked.renamed)));
  if (picked.deleted) rmSync(at(picked.deleted));
  writeFileSync(at(LEARNER_FILE), '# My notes\n');
  const learnerPkg = structuredClone(previous);
  learnerPkg.dependencies = sortKeys({ ...learnerPkg.dependencies, 'left-pad': '^1.3.0' });
  learnerPkg.scripts = { ...learnerPkg.scripts, learner: 'node -e 0' };
  writeJson(at('package.json'), learnerPkg);
  const learnerChanges =
    2 + [picked.shared, picked.renamed, picked.deleted].filter((item) => item !== undefined).length;
  for (const args of [
    ['add', '-A'],
    [...git, 'commit', '-q', '--no-verify', '-m', "A learner's changes"],
  ]) {
    if ((await run('git', args, dir)).code !== 0) return fail("committing the learner's changes failed");
  }

  // 4. The update: --check sees it, --dry-run writes nothing, update merges it cleanly.
  const cli = (args: string[]) => run(process.execPath, [binPath, 'update', ...args], dir);
  const state = async () =>
    (await run('git', ['for-each-ref', '--format=%(refname) %(objectname)'], dir)).text +
    (await run('git', ['status', '--porcelain'], dir)).text;
  const check = await cli(['--check']);
  if (check.code !== 2) return fail(`update --check exited with ${check.code}, not 2 (an update exists)`);
  const before = await state();
  const dry = await cli(['--dry-run', '--defaults']);
  if (dry.code !== 0) return fail(`update --dry-run exited with ${dry.code}`);
  if ((await state()) !== before) return fail('update --dry-run changed the repository');
  const started = performance.now();
  const updated = await cli(['--defaults', '--no-install']);
  const seconds = (performance.now() - started) / 1000;
  if (updated.code !== 0) {
    return fail(
      updated.code === 1 && /conflicts?:/.test(updated.text)
        ? `the update did not merge cleanly: ${/conflicts?: (.*)/.exec(updated.text)?.[1] ?? ''}`
        : `update exited with ${updated.code}`,
    );
  }
  const status = (await run('git', ['status', '--porcelain'], dir)).text.trim();
  if (status !== '') return fail(`after the update, git status is not clean:\n${status}`);

  // 5. The project is the current render with the learner's changes, exactly.
  const expected: Files = new Map(current);
  if (picked.shared) expected.set(picked.shared, Buffer.from(withLineAfterFirst(text(picked.shared))));
  if (picked.renamed) expected.set(picked.renamed, Buffer.from(withLineAtEnd(text(picked.renamed))));
  if (picked.deleted) expected.delete(picked.deleted);
  expected.set(LEARNER_FILE, Buffer.from('# My notes\n'));
  expected.delete('package.json');
  const actual = filesOf(dir);
  const merged = JSON.parse(actual.get('package.json')?.toString('utf8') ?? '{}') as PackageJson;
  actual.delete('package.json');
  const wrong = [
    ...[...expected.keys()].filter((file) => !actual.has(file)).map((file) => `${file}: missing`),
    ...[...actual.keys()].filter((file) => !expected.has(file)).map((file) => `${file}: should not be there`),
    ...[...expected]
      .filter(([file, content]) => actual.has(file) && !actual.get(file)!.equals(content))
      .map(([file]) => `${file}: not the new version with the learner's changes`),
  ];
  const wanted = {
    ...pkg,
    dependencies: { ...pkg.dependencies, 'left-pad': '^1.3.0' },
    scripts: { ...pkg.scripts, learner: 'node -e 0' },
  };
  if (!isDeepStrictEqual(merged, wanted))
    wrong.push("package.json: not the new version's with the learner's dependency and script");
  if (wrong.length > 0) return fail(`the update lost or got wrong: ${wrong.join('; ')}`);
  const after = await cli(['--check']);
  if (after.code !== 0) return fail(`after the update, update --check exited with ${after.code}, not 0`);
  return {
    ok: true,
    output: output.join('\n'),
    summary: `${releaseChanges} changes of a release merged with ${learnerChanges} of a learner's, no conflict (update ${seconds.toFixed(1)} s)`,
  };
}

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** The files the edits can use: text (no NUL byte), merged line by line, with enough lines to edit apart. */
function pick(files: Files, policies: Record<string, Policy>): Picked {
  const lines = (file: string) => files.get(file)!.toString('utf8').split('\n').length;
  const text = [...files.keys()]
    .filter((file) => policyFor(file, policies) === 'merge' && !files.get(file)!.includes(0))
    .sort();
  const shared = ['README.md', ...text].find((file) => text.includes(file) && lines(file) >= 8);
  const [renamed, added, deleted] = text.filter((file) => file !== shared && lines(file) >= 4);
  return { shared, renamed, added, deleted };
}

function previousName(file: string): string {
  return path.posix.join(path.posix.dirname(file), `previous-${path.posix.basename(file)}`);
}

/** The text without its last line that is not blank. */
function withoutLastLine(text: string): string {
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last -= 1;
  lines.splice(last, 1);
  return lines.join('\n');
}

function withLineAfterFirst(text: string): string {
  const newline = text.indexOf('\n');
  return `${text.slice(0, newline + 1)}${LEARNER_LINE}\n${text.slice(newline + 1)}`;
}

function withLineAtEnd(text: string): string {
  return `${text}${text.endsWith('\n') ? '' : '\n'}${LEARNER_LINE}\n`;
}

function filesOf(dir: string): Files {
  const files: Files = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (file.startsWith('.git/')) continue;
    files.set(file, readFileSync(path.join(dir, file)));
  }
  return files;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function sortKeys(object: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
