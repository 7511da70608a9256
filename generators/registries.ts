// The three small TypeScript files the plan writes from the manifests, so that the base layer's code names no
// layer: the Fastify plugins in registration order (`plugins`), what the adapters add to ServiceDeps
// (`serviceDeps`), and the environment schema with the values tests use (`env`). Each is plain code a learner
// reads and extends; the generator only writes the first version, like package.json.
import { UsageError } from './errors.js';
import type { EnvEntry, Part } from './kit.js';

export const REGISTRY_FILES = ['src/plugins/index.ts', 'src/adapters/index.ts', 'src/core/env.ts'];

/**
 * The registries to write: each one only where the project has the module that reads it (the base layer's), so a
 * template without the base layer gets none of them. A part that lists plugins or adapters needs that module.
 */
export function registries(
  parts: Part[],
  env: EnvEntry[],
  has: (file: string) => boolean,
): [string, string][] {
  const written: [string, string][] = [];
  const points = [
    { key: 'plugins', folder: 'src/plugins', reader: 'src/plugins/context.ts', write: pluginsIndex },
    { key: 'serviceDeps', folder: 'src/adapters', reader: 'src/services/deps.ts', write: adaptersIndex },
  ] as const;
  for (const { key, folder, reader, write } of points) {
    const named = collect(parts, key, folder, has);
    if (has(reader)) written.push([`${folder}/index.ts`, write(named)]);
    else if (named.length > 0) {
      throw new UsageError(
        `${named[0]!.owner}: "${key}" needs ${reader}, which the base layer provides: add "base" to "layers"`,
      );
    }
  }
  if (has('src/core/config.ts')) written.push(['src/core/env.ts', envModule(env)]);
  return written;
}

interface Named {
  name: string;
  /** The manifest that named it, for messages. */
  owner: string;
}

/** `error-handler` → `errorHandler` (an identifier for the import). */
function identifier(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Every name a part lists in `plugins` / `serviceDeps`, in layer order. The file must be in the project
 * (`src/<folder>/<name>.ts` or `.tsx`), provided by that part or a later one; a name listed twice is an error.
 */
function collect(
  parts: Part[],
  key: 'plugins' | 'serviceDeps',
  folder: string,
  has: (file: string) => boolean,
): Named[] {
  const named: Named[] = [];
  for (const part of parts) {
    for (const name of part[key]) {
      const owner = part.file;
      if (named.some((entry) => entry.name === name)) {
        throw new UsageError(`${owner}: "${key}" lists ${name}, which an earlier layer already lists`);
      }
      if (!has(`${folder}/${name}.ts`) && !has(`${folder}/${name}.tsx`)) {
        throw new UsageError(
          `${owner}: "${key}" lists ${name}, but the project has no ${folder}/${name}.ts (or .tsx): ` +
            'add the file to this layer or template, or remove the name',
        );
      }
      named.push({ name, owner });
    }
  }
  return named;
}

function pluginsIndex(plugins: Named[]): string {
  const imports = plugins.map(({ name }) => `import ${identifier(name)} from './${name}.js';`);
  return [
    '// The Fastify plugins of this app, in the order buildApp (src/app.ts) registers them: each one decorates the app',
    "// and adds hooks for every route (see README.md here). Written by create-study-project from the layers'",
    '// manifests ("plugins"); a plugin of your own goes in this list too.',
    "import type { AppPlugin } from './context.js';",
    ...imports,
    '',
    list(
      'export const plugins: AppPlugin[] = ',
      plugins.map(({ name }) => identifier(name)),
    ),
    '',
  ].join('\n');
}

function adaptersIndex(parts: Named[]): string {
  const imports = parts.map(
    ({ name }) => `import { serviceDeps as ${identifier(name)} } from './${name}.js';`,
  );
  return [
    "// What the adapters add to ServiceDeps (src/services/deps.ts), in the layers' order: each adapter's",
    '// `serviceDeps`. Written by create-study-project from the layers\' manifests ("serviceDeps"); an adapter of',
    '// your own goes in this list too.',
    "import type { DepsPart } from '../services/deps.js';",
    ...imports,
    '',
    list(
      'export const depsParts: DepsPart[] = ',
      parts.map(({ name }) => identifier(name)),
    ),
    '',
  ].join('\n');
}

function envModule(env: EnvEntry[]): string {
  const schema = env.flatMap((entry) => [`  /** ${entry.description} */`, `  ${entry.name}: ${entry.zod},`]);
  const tests = env
    .filter((entry) => entry.test !== undefined)
    .map((entry) => `  ${entry.name}: ${entry.test},`);
  return [
    '// The environment variables this app reads, each with its zod rule, and the values the tests run with.',
    '// Written by create-study-project from the layers\' manifests ("env"): a variable of your own goes here',
    '// (and in .env.example). src/core/config.ts validates the environment against it at start-up.',
    "import { z } from 'zod';",
    '',
    '/** A secret (a variable named *_SECRET): at least 32 characters; required in production (src/core/config.ts). */',
    "export const secret = () => z.string().min(32, 'must be at least 32 characters').optional();",
    '',
    'export const envSchema = z.object({',
    ...schema,
    '});',
    '',
    '/** The values tests run with (tests/helpers/app.ts): quiet logs, and nothing that leaves this machine. */',
    ...(tests.length === 0
      ? ['export const testEnvironment = (): Record<string, string | undefined> => ({});']
      : ['export const testEnvironment = (): Record<string, string | undefined> => ({', ...tests, '});']),
    '',
  ].join('\n');
}

/** An array literal as Prettier prints it (printWidth 120): on one line when it fits, else one item per line. */
function list(prefix: string, items: string[]): string {
  const oneLine = `${prefix}[${items.join(', ')}];`;
  return oneLine.length <= 120 ? oneLine : `${prefix}[\n${items.map((item) => `  ${item},`).join('\n')}\n];`;
}
