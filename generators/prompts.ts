// The questions asked on a terminal. Loaded only when stdin and stdout are a TTY and --yes was not given;
// each one is asked only when flags and the preset left it open (see resolveAnswers() in answers.ts).
import prompts, { type PromptObject } from 'prompts';
import { CancelledError } from './errors.js';
import { describeNumber, numberProblem, type OptionSpec, type OptionValue } from './kit.js';
import type { PackageManagerName } from './package-manager.js';
import { packageNameProblem } from './package-name.js';
import { targetProblem } from './target.js';

/**
 * prompts types every key it has no action for into the answer, Ctrl-U (a shell's "clear the line") included.
 * Ctrl-U is turned into Ctrl-G, prompts' own "reset" (it clears what was typed): the listener runs before
 * prompts' own and the key object is the one prompts gets next.
 */
process.stdin.prependListener('keypress', (_text: unknown, key?: { ctrl?: boolean; name?: string }) => {
  if (key?.ctrl && key.name === 'u') key.name = 'g';
});

async function ask<T>(question: Omit<PromptObject<'value'>, 'name'>): Promise<T> {
  const answer = await prompts(
    { ...question, name: 'value' },
    {
      onCancel: () => {
        throw new CancelledError();
      },
    },
  );
  return answer.value as T;
}

/** Asked again, with the reason, until the directory can be written (or Ctrl-C). */
export function directory(initial: string): Promise<string> {
  return ask<string>({
    type: 'text',
    message: 'Project directory',
    initial,
    validate: (value: string) => targetProblem(value.trim() || initial, process.cwd()) ?? true,
    format: (value: string) => value.trim() || initial,
  });
}

/** `preselected`: the one `--yes` takes, so that pressing Enter gives the same project. */
export function template(
  choices: { name: string; description: string }[],
  preselected: string,
): Promise<string> {
  return ask<string>({
    type: 'select',
    message: 'What are you building?',
    choices: choices.map(({ name, description }) => ({ title: name, description, value: name })),
    initial: Math.max(
      0,
      choices.findIndex((choice) => choice.name === preselected),
    ),
  });
}

export function packageName(dir: string, suggestion: string): Promise<string> {
  return ask<string>({
    type: 'text',
    message: `Package name ("${dir}" is not a valid one)`,
    initial: suggestion,
    validate: (value: string) => packageNameProblem(value) ?? true,
  });
}

export async function overwrite(dir: string): Promise<boolean> {
  const choice = await ask<'cancel' | 'overwrite'>({
    type: 'select',
    message: `Directory "${dir}" is not empty. How do you want to continue?`,
    choices: [
      { title: 'Cancel', value: 'cancel' },
      { title: 'Remove existing files (keeps .git) and continue', value: 'overwrite' },
    ],
    initial: 0,
  });
  return choice === 'overwrite';
}

export function install(manager: PackageManagerName): Promise<boolean> {
  return ask<boolean>({ type: 'confirm', message: `Install dependencies with ${manager}?`, initial: true });
}

export function git(): Promise<boolean> {
  return ask<boolean>({
    type: 'confirm',
    message: 'Create a git repository with a first commit?',
    initial: true,
  });
}

/** A template option a project has no answer for yet (`update`: the new version of its template added it). */
export function option(name: string, spec: OptionSpec): Promise<OptionValue> {
  const message = `New option ${name}${spec.description ? ` (${spec.description})` : ''}`;
  if (spec.type === 'boolean') return ask<boolean>({ type: 'confirm', message, initial: spec.default });
  if (spec.type === 'number') {
    return ask<number>({
      type: 'number',
      message,
      initial: spec.default,
      float: !spec.integer,
      validate: (value: number) =>
        numberProblem(Number(value), spec) === undefined || `Expected ${describeNumber(spec)}`,
    });
  }
  if (spec.choices) {
    return ask<string>({
      type: 'select',
      message,
      choices: spec.choices.map((choice) => ({ title: choice, value: choice })),
      initial: Math.max(0, spec.choices.indexOf(spec.default)),
    });
  }
  return ask<string>({ type: 'text', message, initial: spec.default });
}
