// Answers: one validated object from flags > preset file > prompts > defaults.
// Everything that comes from outside (argv, a preset file, the file system) is checked here, so the rest of the
// generator works on values it can trust.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import validateNpmPackageName from 'validate-npm-package-name';
import { CancelledError, UsageError } from './errors.js';
import {
  isObject,
  isTemplatePath,
  kitTemplateNames,
  loadTemplate,
  type OptionValue,
  type Template,
} from './kit.js';
import {
  detectPackageManager,
  isPackageManagerName,
  PACKAGE_MANAGERS,
  type PackageManagerName,
} from './package-manager.js';

export const DEFAULT_DIR = 'study-project';
export const DEFAULT_TEMPLATE = 'guestbook';

/** What the user said, from flags or a preset file; anything may be missing. */
export interface GivenAnswers {
  dir?: string;
  template?: string;
  name?: string;
  install?: boolean;
  git?: boolean;
  overwrite?: boolean;
  packageManager?: string;
  yes?: boolean;
  /** Raw `key=value` strings from `--option`, or values from a preset. */
  options?: Record<string, unknown>;
}

export interface Answers {
  /** The directory as the user gave it (for messages and `cd`). */
  dir: string;
  /** Absolute path of the target directory. */
  target: string;
  targetState: TargetState;
  /** The directory name (`projectName` in templates). */
  projectName: string;
  packageName: string;
  template: Template;
  /** Kit name, or the folder path (relative to the current directory) the template came from. */
  templateArg: string;
  options: Record<string, OptionValue>;
  install: boolean;
  git: boolean;
  overwrite: boolean;
  packageManager: PackageManagerName;
}

export type TargetState = { kind: 'missing' } | { kind: 'empty' } | { kind: 'not-empty'; entries: string[] };

/** The questions asked on a terminal (implemented in prompts.ts, loaded only on a TTY). */
export interface Questions {
  directory(initial: string): Promise<string>;
  template(choices: { name: string; description: string }[]): Promise<string>;
  packageName(dir: string, suggestion: string): Promise<string>;
  overwrite(dir: string): Promise<boolean>;
  install(manager: PackageManagerName): Promise<boolean>;
  git(): Promise<boolean>;
}

const PRESET_KEYS = [
  'dir',
  'template',
  'name',
  'install',
  'git',
  'overwrite',
  'packageManager',
  'options',
  'yes',
];

export interface ResolveInput {
  flags: GivenAnswers;
  presetFile?: string;
  interactive: boolean;
  dryRun: boolean;
}

export async function resolveAnswers({
  flags,
  presetFile,
  interactive,
  dryRun,
}: ResolveInput): Promise<Answers> {
  const cwd = process.cwd();
  const preset = presetFile ? readPreset(path.resolve(cwd, presetFile)) : {};
  const given: GivenAnswers = { ...preset, ...definedOnly(flags) };
  const givenOptions = { ...preset.options, ...flags.options };
  const yes = given.yes === true;

  // Check what was given before asking anything, so a typo in a flag is reported before the first question.
  if (given.packageManager !== undefined && !isPackageManagerName(given.packageManager)) {
    throw new UsageError(
      `Invalid --package-manager "${given.packageManager}". Valid values: ${PACKAGE_MANAGERS.join(', ')}`,
    );
  }
  if (given.name !== undefined) checkPackageName(given.name);
  let template = given.template !== undefined ? loadTemplate(given.template, cwd) : undefined;
  let options = template && resolveOptions(template, givenOptions);

  const ask: Questions | undefined = interactive && !yes ? await import('./prompts.js') : undefined;
  if (!ask && !yes) requireFlags(given);

  const dir = given.dir ?? (ask ? await ask.directory(DEFAULT_DIR) : DEFAULT_DIR);
  const { target, state } = checkTarget(dir, cwd);
  const projectName = path.basename(target);

  template ??= loadTemplate(ask ? await ask.template(templateChoices()) : DEFAULT_TEMPLATE, cwd);
  options ??= resolveOptions(template, givenOptions);

  let packageName = given.name;
  if (packageName === undefined) {
    const problem = packageNameProblem(projectName);
    if (!problem) packageName = projectName;
    else if (ask) packageName = await ask.packageName(dir, suggestPackageName(projectName));
    else {
      throw new UsageError(
        `The directory name "${projectName}" is not a valid npm package name (${problem}); ` +
          `pass --name, e.g. --name ${suggestPackageName(projectName)}`,
      );
    }
  }

  let overwrite = given.overwrite ?? false;
  if (state.kind === 'not-empty' && !overwrite && !dryRun) {
    if (!ask) {
      throw new UsageError(
        `Target directory ${dir} is not empty (${describeEntries(state.entries)}). ` +
          'Pass --overwrite to remove its files (.git is kept) and write the project, or choose another directory.',
      );
    }
    overwrite = await ask.overwrite(dir);
    if (!overwrite) throw new CancelledError();
  }

  const packageManager = given.packageManager ?? detectPackageManager();
  // A dry run installs nothing and commits nothing: no need to ask.
  const install = given.install ?? (ask && !dryRun ? await ask.install(packageManager) : true);
  const git = given.git ?? (ask && !dryRun ? await ask.git() : true);

  return {
    dir,
    target,
    targetState: state,
    projectName,
    packageName,
    template,
    templateArg: template.givenPath ?? template.name,
    options,
    install,
    git,
    overwrite,
    packageManager,
  };
}

/** Without a terminal nothing is asked: every answer must come from a flag, a preset or `--yes`. */
function requireFlags(given: GivenAnswers): void {
  const missing = [
    given.dir === undefined && 'the directory (first argument)',
    given.template === undefined && '--template',
    given.install === undefined && '--install or --no-install',
    given.git === undefined && '--git or --no-git',
  ].filter((item): item is string => typeof item === 'string');
  if (missing.length > 0) {
    throw new UsageError(
      `No terminal to ask on, and no answer for: ${missing.join(', ')}. ` +
        'Pass them as flags, or --yes to take the defaults.',
    );
  }
}

/** Resolve the target directory and say what is there. A file in its place is an error. */
export function checkTarget(dir: string, cwd: string): { target: string; state: TargetState } {
  if (dir.trim() === '') throw new UsageError('The project directory must not be empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(dir))
    throw new UsageError(`The project directory ${JSON.stringify(dir)} has control characters`);
  const target = path.resolve(cwd, dir);
  if (target === path.parse(target).root) throw new UsageError(`Refusing to write a project into ${target}`);
  if (cwd.startsWith(target + path.sep)) {
    throw new UsageError(`Refusing to write into ${dir}: it contains the current directory`);
  }
  let existing = target;
  while (!existsSync(existing)) existing = path.dirname(existing);
  const stat = lstatSync(existing);
  if (!stat.isDirectory()) {
    throw new UsageError(`${existing === target ? dir : existing} exists and is not a directory`);
  }
  if (existing !== target) return { target, state: { kind: 'missing' } };
  const entries = readdirSync(target).filter((entry) => entry !== '.git');
  return { target, state: entries.length === 0 ? { kind: 'empty' } : { kind: 'not-empty', entries } };
}

/** Apply the manifest's defaults and check every given option against it (type, range, known name). */
export function resolveOptions(
  template: Template,
  given: Record<string, unknown>,
): Record<string, OptionValue> {
  const specs = template.options;
  const options: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = spec.default;
  for (const [name, raw] of Object.entries(given)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.entries(specs).map(
        ([key, s]) => `${key} (${s.type}, default ${String(s.default)})`,
      );
      throw new UsageError(
        `Template ${template.name} has no option "${name}". ` +
          (known.length ? `Its options: ${known.join(', ')}` : 'It has no options.'),
      );
    }
    const bad = (expected: string): UsageError =>
      new UsageError(`Option ${name}=${String(raw)} is invalid: expected ${expected}`);
    if (spec.type === 'number') {
      const value =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      const range = `${spec.integer ? 'an integer' : 'a number'}${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}${spec.max !== undefined ? ` ≤ ${spec.max}` : ''}`;
      if (!Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) throw bad(range);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        throw bad(range);
      options[name] = value;
    } else if (spec.type === 'boolean') {
      if (raw === true || raw === 'true') options[name] = true;
      else if (raw === false || raw === 'false') options[name] = false;
      else throw bad('true or false');
    } else {
      if (typeof raw !== 'string') throw bad('a string');
      if (spec.choices && !spec.choices.includes(raw)) throw bad(`one of ${spec.choices.join(', ')}`);
      options[name] = raw;
    }
  }
  return options;
}

/** `--option pageSize=20 --option theme=dark` → `{ pageSize: "20", theme: "dark" }` (typed later). */
export function parseOptionFlags(values: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--option expects key=value, got "${value}"`);
    options[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return options;
}

export function packageNameProblem(name: string): string | undefined {
  const result = validateNpmPackageName(name);
  if (result.validForNewPackages) return undefined;
  return [...(result.errors ?? []), ...(result.warnings ?? [])][0] ?? 'invalid name';
}

function checkPackageName(name: string): void {
  const problem = packageNameProblem(name);
  if (problem) {
    throw new UsageError(
      `Invalid package name "${name}": ${problem}. For example: ${suggestPackageName(name)}`,
    );
  }
}

/** "My App" → "my-app" (as create-vite does). */
export function suggestPackageName(name: string): string {
  const suggestion = name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/^[._]+/, '')
    .replace(/[^a-z\d\-~]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return suggestion || DEFAULT_DIR;
}

function templateChoices(): { name: string; description: string }[] {
  const names = kitTemplateNames();
  if (names.length === 0)
    throw new UsageError('The template kit has no templates; pass --template ./path/to/folder');
  return names.map((name) => {
    const template = loadTemplate(name);
    return { name, description: template.description };
  });
}

/** A preset: JSON with the flags' keys. Unknown keys and bad values name the key and what is allowed. */
function readPreset(file: string): GivenAnswers {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read preset ${file}: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new UsageError(`Preset ${file} must be a JSON object`);
  const bad = (key: string, allowed: string): UsageError =>
    new UsageError(`Preset ${file}: "${key}" must be ${allowed} (got ${JSON.stringify(raw[key])})`);
  const preset: GivenAnswers = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'install':
      case 'git':
      case 'overwrite':
      case 'yes':
        if (typeof value !== 'boolean') throw bad(key, 'true or false');
        preset[key] = value;
        break;
      case 'packageManager':
        if (!isPackageManagerName(value)) throw bad(key, `one of ${PACKAGE_MANAGERS.join(', ')}`);
        preset.packageManager = value;
        break;
      case 'name':
        if (typeof value !== 'string') throw bad(key, 'a package name string');
        preset.name = value;
        break;
      case 'dir':
        if (
          typeof value !== 'string' ||
          value === '' ||
          path.isAbsolute(value) ||
          value.split(/[/\\]/).includes('..')
        ) {
          throw bad(key, 'a relative directory path without ".."');
        }
        preset.dir = value;
        break;
      case 'template':
        if (typeof value !== 'string' || value === '') throw bad(key, 'a template name or folder path');
        // A folder path in a preset is relative to the preset file; recorded relative to the current directory.
        preset.template = templateFromPreset(value, path.dirname(file));
        break;
      case 'options':
        if (!isObject(value)) throw bad(key, 'an object of option name → value');
        for (const [name, option] of Object.entries(value)) {
          if (!['string', 'number', 'boolean'].includes(typeof option)) {
            throw bad(`options.${name}`, 'a string, number or boolean');
          }
        }
        preset.options = value;
        break;
      default:
        throw new UsageError(`Preset ${file}: unknown key "${key}". Allowed keys: ${PRESET_KEYS.join(', ')}`);
    }
  }
  return preset;
}

function templateFromPreset(value: string, presetDir: string): string {
  if (!isTemplatePath(value)) return value;
  const relative = path.relative(process.cwd(), path.resolve(presetDir, value)) || '.';
  return relative.startsWith('.') || path.isAbsolute(relative) ? relative : `./${relative}`;
}

function describeEntries(entries: string[]): string {
  const shown = entries.slice(0, 3).join(', ');
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
