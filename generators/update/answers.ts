// The answers a version is rendered with: the record's, so that the new version is the same project, plus an
// answer for each option the template gained since (asked on a terminal, the default with --defaults, or given
// with --option; listed either way). An option the template dropped is dropped, and said.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Answers } from '../answers.js';
import { UsageError } from '../errors.js';
import { loadTemplate, type OptionSpec, type OptionValue, type Template } from '../kit.js';
import { resolveOptions } from '../options.js';
import type * as Questions from '../prompts.js';
import type { Project, ProjectRecord } from './record.js';

/**
 * The template as it is now: a kit template from the installed kit, a folder template from its folder (the
 * record's `templateFolder`, relative to the project; for an older record `templatePath` from the project's
 * parent, where create usually ran; or `--template` when the folder has moved).
 */
export function currentTemplate(project: Project, templateFlag: string | undefined, cwd: string): Template {
  const { record } = project;
  if (record.templatePath === undefined) {
    if (templateFlag !== undefined && templateFlag !== record.template) {
      throw new UsageError(
        `This project was made from the kit template ${record.template}; --template is for a template folder that ` +
          'has moved, and update keeps the template a project was made from.',
      );
    }
    return loadRecorded(() => loadTemplate(record.template), record);
  }
  const candidates =
    templateFlag !== undefined
      ? [path.resolve(cwd, templateFlag)]
      : [
          ...(record.templateFolder !== undefined ? [path.resolve(project.root, record.templateFolder)] : []),
          path.resolve(path.dirname(project.root), record.templatePath),
          path.resolve(project.root, record.templatePath),
        ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'template.json')));
  if (!found) {
    const where = templateFlag ?? record.templateFolder ?? record.templatePath;
    throw new UsageError(
      templateFlag !== undefined
        ? `--template ${templateFlag}: no template.json in ${candidates[0]}`
        : `This project was made from the template folder ${where}, which is not there any more ` +
            `(looked in ${candidates.join(', ')}): pass --template <where the folder is now>`,
    );
  }
  const template = loadRecorded(() => loadTemplate(found), record);
  // The record's templatePath is kept as it was given, so that the recorded command stays the same.
  return { ...template, givenPath: record.templatePath };
}

function loadRecorded(load: () => Template, record: ProjectRecord): Template {
  let template: Template;
  try {
    template = load();
  } catch (error) {
    if (error instanceof UsageError && /^Unknown template/.test(error.message)) {
      throw new UsageError(
        `study-project.json: "template" is "${record.template}", which this version's kit does not have ` +
          `(${error.message.replace(/^Unknown template "[^"]*"\. /, '')})`,
      );
    }
    throw error;
  }
  if (template.name !== record.template) {
    throw new UsageError(
      `${template.dir} holds the template "${template.name}", but this project was made from "${record.template}"`,
    );
  }
  return template;
}

export interface OptionAnswers {
  options: Record<string, OptionValue>;
  /** One line each: an option the template gained (and its answer), one it dropped, one changed with --option. */
  notes: string[];
}

export interface OptionSources {
  /** `--option name=value` */
  given: Record<string, string>;
  /** Asks on a terminal; absent when nothing may be asked. */
  ask?: typeof Questions;
  /** --defaults, or a run that writes nothing: a new option takes its default. */
  defaults: boolean;
}

export async function updateOptions(
  template: Template,
  recorded: Record<string, OptionValue>,
  { given, ask, defaults }: OptionSources,
): Promise<OptionAnswers> {
  const specs = template.options;
  const notes: string[] = [];
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(recorded)) {
    if (Object.hasOwn(specs, name)) raw[name] = value;
    else notes.push(`The option ${name} (${JSON.stringify(value)}) is no longer in the template: dropped.`);
  }
  // A recorded answer the new version no longer takes (a range that shrank, a choice that went) is named.
  for (const name of Object.keys(raw)) {
    if (Object.hasOwn(given, name)) continue;
    try {
      resolveOptions(template, { [name]: raw[name] });
    } catch (error) {
      throw new UsageError(
        `The recorded answer ${name}=${String(raw[name])} does not fit the new version of the template ` +
          `(${(error as Error).message.replace(/^Option [^ ]+ is invalid: /, '')}): pass --option ${name}=…`,
      );
    }
  }
  const added = Object.keys(specs).filter((name) => !Object.hasOwn(recorded, name));
  const unanswered = added.filter((name) => !Object.hasOwn(given, name));
  if (unanswered.length > 0 && !ask && !defaults) {
    throw new UsageError(
      `The new version of the template has ${unanswered.length === 1 ? 'a new option' : 'new options'}: ` +
        `${unanswered.map((name) => describeOption(name, specs[name]!)).join('; ')}. ` +
        `Answer with --option ${unanswered[0]}=…, or take the defaults with --defaults.`,
    );
  }
  for (const name of unanswered)
    raw[name] = ask ? await ask.option(name, specs[name]!) : specs[name]!.default;
  for (const [name, value] of Object.entries(given)) raw[name] = value;
  const options = resolveOptions(template, raw);

  for (const name of added) {
    const how = Object.hasOwn(given, name)
      ? '--option'
      : ask
        ? 'your answer'
        : `the default; --option ${name}=… to choose`;
    notes.push(
      `New option ${describeOption(name, specs[name]!)} → ${JSON.stringify(options[name])} (${how}).`,
    );
  }
  for (const name of Object.keys(given)) {
    if (added.includes(name) || recorded[name] === options[name]) continue;
    notes.push(
      `Option ${name}: ${JSON.stringify(recorded[name])} → ${JSON.stringify(options[name])} (--option).`,
    );
  }
  return { options, notes };
}

function describeOption(name: string, spec: OptionSpec): string {
  const about = spec.description ? `: ${spec.description}` : '';
  return `${name} (${spec.type}, default ${JSON.stringify(spec.default)}${about})`;
}

/** The Answers create would have had: the record's, for the project where it is now. */
export function recordedAnswers(
  project: Project,
  template: Template,
  options: Record<string, OptionValue>,
): Answers {
  const { record, root } = project;
  // The recorded command says whether create installed and made the repository: its flags are part of the record.
  const words = record.command.split(' ');
  return {
    dir: root,
    target: root,
    targetState: { kind: 'not-empty', entries: [] },
    projectName: record.projectName ?? project.name,
    packageName: record.packageName,
    template,
    templateArg: record.templatePath ?? record.template,
    options,
    install: !words.includes('--no-install'),
    git: !words.includes('--no-git'),
    overwrite: false,
    packageManager: record.packageManager,
    ...(record.packageManagerMajor !== undefined && { packageManagerMajor: record.packageManagerMajor }),
  };
}
