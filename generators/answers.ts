// Answers: one validated object from flags > preset file > prompts > defaults. The flow is resolveAnswers(),
// step by step; each check lives in the module named after what it checks (preset, target, options, package
// name), so the rest of the generator works on values it can trust.
import path from 'node:path';
import { CancelledError, UsageError } from './errors.js';
import { kitTemplateNames, loadTemplate, type OptionValue, type Template } from './kit.js';
import { resolveOptions } from './options.js';
import {
  detectMajor,
  detectPackageManager,
  isPackageManagerName,
  PACKAGE_MANAGERS,
  type PackageManagerName,
} from './package-manager.js';
import { checkPackageName, packageNameProblem, suggestPackageName } from './package-name.js';
import { readPreset, type Preset } from './preset.js';
import type * as Questions from './prompts.js';
import { checkTarget, DEFAULT_DIR, describeEntries, describeRemoval, type TargetState } from './target.js';
import { info, warn } from './ui.js';

export const DEFAULT_TEMPLATE = 'guestbook';

/** What the user said, from flags or a preset file (the same keys); anything may be missing. */
export type GivenAnswers = Preset;

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
  /** Its major version when it launched us (Yarn 1 and Yarn 4 differ), else undefined. */
  packageManagerMajor?: number;
}

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

  // 1. What was given: the flags over the preset. All of it is checked before anything is asked, so a typo in
  //    a flag is reported before the first question.
  const preset = presetFile ? readPreset(path.resolve(cwd, presetFile)) : {};
  const given: GivenAnswers = { ...preset, ...definedOnly(flags) };
  const givenOptions = { ...preset.options, ...flags.options };
  if (given.packageManager !== undefined && !isPackageManagerName(given.packageManager)) {
    throw new UsageError(
      `Invalid --package-manager "${given.packageManager}". Valid values: ${PACKAGE_MANAGERS.join(', ')}`,
    );
  }
  if (given.name !== undefined) checkPackageName(given.name);
  let template = given.template !== undefined ? loadTemplate(given.template, cwd) : undefined;
  let options = template && resolveOptions(template, givenOptions);

  // 2. Who answers the rest: the prompts on a terminal; without one, every answer must have been given
  //    (or --yes takes the defaults).
  const yes = given.yes === true;
  const ask: typeof Questions | undefined = interactive && !yes ? await import('./prompts.js') : undefined;
  if (!ask && !yes) requireFlags(given);

  // 3. The directory, and what is in it.
  const dir = given.dir ?? (ask ? await ask.directory(DEFAULT_DIR) : DEFAULT_DIR);
  const { target, state } = checkTarget(dir, cwd);
  const projectName = path.basename(target);

  // 4. The template and its options.
  template ??= loadTemplate(
    ask ? await ask.template(templateChoices(), DEFAULT_TEMPLATE) : DEFAULT_TEMPLATE,
    cwd,
  );
  options ??= resolveOptions(template, givenOptions);

  // 5. The package name: the directory's name when it is a valid one, else asked, or with --yes the suggestion
  //    (as create-vite does).
  let packageName = given.name;
  if (packageName === undefined) {
    const problem = packageNameProblem(projectName);
    if (!problem) packageName = projectName;
    else if (ask) packageName = await ask.packageName(dir, suggestPackageName(projectName));
    else if (yes) {
      packageName = suggestPackageName(projectName);
      info(
        `Package name: ${packageName} (the directory name "${projectName}" is not a valid one: ${problem})`,
      );
    } else {
      throw new UsageError(
        `The directory name "${projectName}" is not a valid npm package name (${problem}); ` +
          `pass --name, e.g. --name ${suggestPackageName(projectName)}`,
      );
    }
  }

  // 6. A directory with files in it is written only with consent, given knowing what goes (a dry run writes
  //    nothing, and says what would go).
  let overwrite = given.overwrite ?? false;
  if (state.kind === 'not-empty' && !dryRun) {
    if (!overwrite && !ask) {
      throw new UsageError(
        `Target directory ${dir} is not empty (${describeEntries(state.entries)}). ` +
          'Pass --overwrite to remove its files (.git is kept) and write the project, or choose another directory.',
      );
    }
    const removal = describeRemoval(target, state.entries);
    if (overwrite) warn(`--overwrite: the project replaces what is in ${dir}. ${removal}`);
    else {
      info(`\n${dir} is not empty. ${removal}\n`);
      overwrite = await ask!.overwrite(dir);
      if (!overwrite) throw new CancelledError(`Nothing was written: ${dir} is as it was.`);
    }
  }

  // 7. After writing: the package manager, install, git. A dry run installs and commits nothing: not asked.
  const packageManager = given.packageManager ?? detectPackageManager();
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
    packageManagerMajor: detectMajor(packageManager),
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

function templateChoices(): { name: string; description: string }[] {
  const names = kitTemplateNames();
  if (names.length === 0)
    throw new UsageError('The template kit has no templates; pass --template ./path/to/folder');
  return names.map((name) => {
    const template = loadTemplate(name);
    return { name, description: template.description };
  });
}

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
