// `npm run kit:check`: the kit's fast inner loop. Every kit template (and every option value that changes what
// is written) is generated into one workspace, `.kit-check/`, whose node_modules all of them share (Node finds
// packages in a parent folder), then linted, format-checked, type-checked and tested on PGlite. No Docker, no
// PostgreSQL, no browser: a change to a shared layer shows every template's errors in one run, each named by
// template and file, with the kit file it came from. `verify` remains the full check.
//
//   node dist/kit-check.js [template ...] [--steps lint,format,typecheck,test] [--workspace <dir>]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, UsageError } from './errors.js';
import { kitTemplateNames, loadTemplate, loadVersions, resolveDependency, type Template } from './kit.js';
import { outputPath, templateParts } from './plan.js';
import { binPath, kitRoot, packageRoot } from './paths.js';
import { bold, dim, fail, green, info, red } from './ui.js';
import { baseEnv, runCommand, tail } from './verify/run.js';

// In the order they are started: the longest first.
const STEPS = ['test', 'lint', 'typecheck', 'format'] as const;
type StepName = (typeof STEPS)[number];
const MINUTE = 60_000;

interface Project {
  /** `guestbook`, or `guestbook (pageSize=…)` for an option variant. */
  label: string;
  template: Template;
  dir: string;
  options: Record<string, string>;
}

interface Failure {
  project: string;
  step: StepName;
  message: string;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { steps: { type: 'string' }, workspace: { type: 'string' } },
  });
  const steps = (values.steps?.split(',') ?? [...STEPS]) as StepName[];
  const unknown = steps.filter((step) => !STEPS.includes(step));
  if (unknown.length > 0)
    throw new UsageError(`Unknown step(s): ${unknown.join(', ')}. Steps: ${STEPS.join(', ')}`);
  const names = positionals.length > 0 ? positionals : kitTemplateNames();
  const workspace = path.resolve(values.workspace ?? path.join(packageRoot, '.kit-check'));
  const started = performance.now();

  info(`${bold('kit:check')} ${names.join(', ')} in ${workspace} ${dim(`(${steps.join(', ')})`)}`);
  mkdirSync(workspace, { recursive: true });
  const projects = names.flatMap((name) => variants(loadTemplate(name), workspace));
  await generate(projects);
  await installShared(workspace);

  // One queue of every (project, step), the longest kinds of step first and no barrier between steps, so that a
  // core never waits for the slowest project of a step. Two at a time: each tool keeps about one core busy.
  const tasks = [...steps]
    .sort((a, b) => STEPS.indexOf(a) - STEPS.indexOf(b))
    .flatMap((step) => projects.map((project) => ({ step, project })));
  const failures: Failure[] = [];
  await inParallel(tasks, Math.max(1, Math.min(2, os.availableParallelism())), async ({ step, project }) => {
    const problem = await runStep(step, project);
    if (problem) failures.push({ project: project.label, step, message: problem });
  });

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length === 0) {
    info(green(`\nkit:check: ${projects.length} projects × ${steps.length} steps green in ${seconds} s`));
    return 0;
  }
  info(red(`\nkit:check: ${failures.length} failure(s) in ${seconds} s:`));
  for (const failure of failures)
    info(`  ${red('✗')} ${failure.project} › ${failure.step}: ${failure.message}`);
  return 1;
}

/** The defaults, plus one project for each other value of an option with a fixed set of values. */
function variants(template: Template, workspace: string): Project[] {
  const projects: Project[] = [
    { label: template.name, template, dir: path.join(workspace, template.name), options: {} },
  ];
  for (const [name, spec] of Object.entries(template.options)) {
    const values =
      spec.type === 'boolean'
        ? [!spec.default]
        : spec.type === 'string'
          ? (spec.choices ?? []).filter((c) => c !== spec.default)
          : [];
    for (const value of values) {
      const label = `${template.name} (${name}=${String(value)})`;
      const dir = path.join(workspace, `${template.name}--${name}-${String(value)}`);
      projects.push({ label, template, dir, options: { [name]: String(value) } });
    }
  }
  return projects;
}

/** Each project generated afresh by the real CLI, as a learner would get it. */
async function generate(projects: Project[]): Promise<void> {
  for (const project of projects) {
    // A project's own node_modules holds only caches (its packages are the workspace's): the PGlite snapshot of
    // tests/global-setup.ts, valid until a migration changes. Kept across runs; everything else is made afresh.
    const caches = path.join(path.dirname(project.dir), '.caches', path.basename(project.dir));
    rmSync(caches, { recursive: true, force: true });
    if (existsSync(path.join(project.dir, 'node_modules'))) {
      mkdirSync(path.dirname(caches), { recursive: true });
      renameSync(path.join(project.dir, 'node_modules'), caches);
    }
    rmSync(project.dir, { recursive: true, force: true });
    const options = Object.entries(project.options).flatMap(([key, value]) => [
      '--option',
      `${key}=${value}`,
    ]);
    const outcome = await runCommand(
      [
        process.execPath,
        binPath,
        project.dir,
        '--template',
        project.template.name,
        '--yes',
        '--no-install',
        '--no-git',
        ...options,
      ],
      { cwd: path.dirname(project.dir), env: baseEnv(), timeoutMs: MINUTE },
    );
    if (!outcome.ok)
      throw new UsageError(
        `${project.label}: generation failed: ${outcome.message}\n${tail(outcome.output)}`,
      );
    if (existsSync(caches)) renameSync(caches, path.join(project.dir, 'node_modules'));
  }
}

/**
 * One node_modules for every project: the dependencies of every kit template (whichever are checked now, so that
 * checking one template never reinstalls). Beside it, in its own folder so that `node_modules/.bin/tsc` stays the
 * projects' TypeScript 6, the native TypeScript 7 compiler the typecheck step uses (see `commandFor`).
 */
async function installShared(workspace: string): Promise<void> {
  const versions = loadVersions();
  const dependencies: Record<string, string> = {};
  for (const name of kitTemplateNames()) {
    for (const part of templateParts(loadTemplate(name))) {
      for (const spec of [...part.package.dependencies, ...part.package.devDependencies]) {
        const [dependency, range] = resolveDependency(spec, versions, part.file);
        dependencies[dependency] = range;
      }
    }
  }
  await Promise.all([
    installInto(workspace, 'kit-check-workspace', dependencies),
    installInto(nativeTypescriptDir(workspace), 'kit-check-native-typescript', {
      typescript: NATIVE_TYPESCRIPT,
    }),
  ]);
}

/** `npm install` of a manifest in `dir`, only when the manifest changed (its hash is kept in node_modules). */
async function installInto(dir: string, name: string, dependencies: Record<string, string>): Promise<void> {
  const manifest = `${JSON.stringify({ name, private: true, type: 'module', dependencies }, null, 2)}\n`;
  const hash = createHash('sha256').update(manifest).digest('hex');
  const hashFile = path.join(dir, 'node_modules', '.kit-check-hash');
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
    info(dim(`${name}: node_modules up to date`));
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), manifest);
  const started = performance.now();
  const outcome = await runCommand(['npm', 'install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: baseEnv(),
    timeoutMs: 15 * MINUTE,
  });
  if (!outcome.ok)
    throw new UsageError(`npm install in ${dir} failed: ${outcome.message}\n${tail(outcome.output)}`);
  writeFileSync(hashFile, hash);
  info(dim(`${name}: installed in ${((performance.now() - started) / 1000).toFixed(1)} s`));
}

/** The project's own scripts, as a learner (and verify) runs them; the tools come from the shared node_modules. */
const scripts: Record<StepName, string> = {
  lint: 'lint',
  format: 'format:check',
  typecheck: 'typecheck',
  // Unit and integration tests; the system tests (processes of their own: the server stopped with SIGTERM, the
  // commands, a terminal) are left to verify, which runs `npm test`.
  test: 'test:quick',
};

/**
 * kit:check is an inner loop, not the gate (verify is), so it runs two scripts a little differently, for speed
 * (decision 0022): the type check with TypeScript 7, the native port of the same checker (3–4 times faster here;
 * the projects keep TypeScript 6, which typescript-eslint still requires), and the tests in one worker (two
 * projects run at a time on two cores; a second worker would only load a second PGlite).
 */
function commandFor(step: StepName, project: Project): string {
  const manifest = JSON.parse(readFileSync(path.join(project.dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.[scripts[step]];
  if (!script) throw new UsageError(`${project.label}: package.json has no "${scripts[step]}" script`);
  if (step === 'typecheck') {
    const tsc = path.join(
      nativeTypescriptDir(path.dirname(project.dir)),
      'node_modules',
      'typescript',
      'bin',
      'tsc',
    );
    return script.replace(/(?<![\w/-])tsc(?![\w-])/g, JSON.stringify(tsc));
  }
  if (step === 'test') return script.replace(/\bvitest run\b/g, 'vitest run --maxWorkers=1');
  return script;
}

/** The native TypeScript compiler (7.x) the typecheck step runs; the kit's projects use TypeScript 6. */
const NATIVE_TYPESCRIPT = '^7.0.2';

function nativeTypescriptDir(workspace: string): string {
  return path.join(workspace, '.native-typescript');
}

/** Runs one step; on failure prints its output, each project file annotated with the kit file it comes from. */
async function runStep(step: StepName, project: Project): Promise<string | undefined> {
  const started = performance.now();
  // As `npm run` runs a script (the tools from node_modules/.bin, the shared one above the project's), without
  // npm itself, which costs most of a second of CPU each time.
  const env = baseEnv();
  const bins = [project.dir, path.dirname(project.dir)].map((dir) => path.join(dir, 'node_modules', '.bin'));
  const outcome = await runCommand(['sh', '-c', commandFor(step, project)], {
    cwd: project.dir,
    // No DATABASE_URL: the tests run on PGlite. REDIS_URL is left out too: kit:check needs no server.
    env: {
      ...env,
      PATH: [...bins, env.PATH].join(path.delimiter),
      REDIS_URL: '',
      CI: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    timeoutMs: 10 * MINUTE,
  });
  const time = dim(`${((performance.now() - started) / 1000).toFixed(1)}s`);
  if (outcome.ok) {
    info(`${green('✓')} ${project.label} › ${step}  ${time}`);
    return undefined;
  }
  // A test run names every test file it ran; only the failed ones say where to look.
  const relevant = step === 'test' ? failedTestLines(outcome.output) : outcome.output;
  const files = mentionedFiles(relevant, project);
  fail(`${project.label} › ${step}  ${time}`);
  info(tail(outcome.output, 60).replace(/^/gm, '    '));
  if (files.length > 0) {
    info(`    ${bold('from the kit:')}`);
    for (const [file, origin] of files) info(`      ${file} ← ${origin}`);
  }
  return `${outcome.message ?? 'failed'}${files.length > 0 ? ` (${files.map(([file]) => file).join(', ')})` : ''}`;
}

/** The lines of a Vitest run that name what failed (FAIL lines, and the stack lines under them). */
function failedTestLines(output: string): string {
  return output
    .split('\n')
    .filter((line) => /FAIL|❯ |×/.test(line))
    .join('\n');
}

/** Project files named in a tool's output, with the kit file each one is written from. */
function mentionedFiles(output: string, project: Project): [string, string][] {
  const parts = templateParts(project.template);
  const found = new Map<string, string>();
  for (const [, file] of output.matchAll(/(?:^|[\s(/])((?:src|tests|public|web)\/[\w./@-]+\.[a-z]+)/gm)) {
    if (!file || found.has(file)) continue;
    const origin = originOf(file, parts);
    if (origin) found.set(file, origin);
  }
  return [...found];
}

function originOf(file: string, parts: ReturnType<typeof templateParts>): string | undefined {
  for (const part of [...parts].reverse()) {
    for (const candidate of [file, `${file}.hbs`]) {
      if (outputPath(candidate).path === file && existsSync(path.join(part.dir, 'files', candidate))) {
        return path
          .relative(kitRoot, path.join(part.dir, 'files', candidate))
          .split(path.sep)
          .join('/');
      }
    }
  }
  return undefined;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  fail(errorMessage(error));
  process.exitCode = 1;
}
