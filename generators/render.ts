// The file rules: `.hbs` files are rendered with Handlebars (strict, not HTML-escaped, helpers `eq` and `json`,
// partials from `partials/`); every other file is copied byte for byte with its mode.
//
// node-plop's own renderString() compiles without options (so neither strict nor noEscape) and registers on the
// global Handlebars; we render in an isolated Handlebars environment instead.
import { readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { CancelledError } from './errors.js';
import type { Plan, PlanFile } from './plan.js';

export type Renderer = (file: PlanFile, text: string) => string;

export function createRenderer(plan: Plan): Renderer {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));
  for (const [name, file] of Object.entries(plan.partials))
    handlebars.registerPartial(name, readFileSync(file, 'utf8'));

  return (file, text) => {
    try {
      return handlebars.compile(text, { strict: true, noEscape: true })(plan.context);
    } catch (error) {
      throw new Error(`${file.origin}: ${explain((error as Error).message)}`, { cause: error });
    }
  };
}

/** Handlebars says `"nme" not defined in [object Object] - 3:7`; say it for a person. */
function explain(message: string): string {
  const missing = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (missing) {
    const column = Number(missing[3]) + 1; // Handlebars counts columns from 0
    return `line ${missing[2]}, column ${column}: "${missing[1]}" is not in the template context (rendering is strict; see docs/authoring-templates.md)`;
  }
  return message;
}

/** Write every file of the plan under `destination`. Stops with CancelledError as soon as `signal` aborts. */
export async function writePlan(plan: Plan, destination: string, signal?: AbortSignal): Promise<number> {
  const render = createRenderer(plan);
  const madeDirs = new Set<string>();
  for (const file of plan.files) {
    if (signal?.aborted) throw new CancelledError();
    const output = path.join(destination, file.path);
    const dir = path.dirname(output);
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
    }
    if (file.content !== undefined) {
      await writeFile(output, file.content);
    } else if (file.render) {
      const source = file.source as string;
      await writeFile(output, render(file, await readFile(source, 'utf8')));
      await chmod(output, (await stat(source)).mode & 0o777);
    } else {
      await copyFile(file.source as string, output); // copies the mode too
    }
  }
  return plan.files.length;
}

/** For a dry run: render every `.hbs` file in memory, so template errors show without writing anything. */
export function checkRender(plan: Plan): void {
  const render = createRenderer(plan);
  for (const file of plan.files) if (file.render) render(file, readFileSync(file.source as string, 'utf8'));
}
