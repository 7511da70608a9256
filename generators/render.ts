// The file rules: `.hbs` files are rendered with Handlebars (strict, not HTML-escaped, helpers `eq`, `json` and
// `slot`, partials from `partials/`); every other file is copied byte for byte with its mode.
//
// node-plop's own renderString() compiles without options (so neither strict nor noEscape) and registers on the
// global Handlebars; we render in an isolated Handlebars environment instead.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Handlebars from 'handlebars';
import { CancelledError } from './errors.js';
import type { Plan, PlanFile } from './plan.js';
import { kitRoot } from './paths.js';
import { contentHash } from './hash.js';

export interface Renderer {
  (file: PlanFile, text: string): string;
  /** After every file is rendered: a slot file that no rendered file asked for is a mistake (a typo, most often). */
  checkSlotsUsed(): void;
}

export const compileOptions = { strict: true, noEscape: true } as const;

/** Kit file (relative to templates/) → its template, compiled at build time (precompile.ts). */
export type Precompiled = Record<string, { hash: string; spec: TemplateSpecification }>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** A rendering error that already names the file it happened in (a slot's partial). */
class RenderError extends Error {}

export function createRenderer(plan: Plan, precompiled: Precompiled = {}): Renderer {
  const handlebars = Handlebars.create();
  /** A kit file's precompiled template when it is still the file that was compiled; otherwise compiled now. */
  const compile = (file: string | undefined, text: string): Handlebars.TemplateDelegate => {
    const known = file ? precompiled[path.relative(kitRoot, file).split(path.sep).join('/')] : undefined;
    if (known && known.hash === contentHash(text)) return handlebars.template(known.spec);
    return handlebars.compile(text, compileOptions);
  };
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));
  for (const [name, file] of Object.entries(plan.partials))
    handlebars.registerPartial(name, compile(file, readFileSync(file, 'utf8')));

  // What every layer (then the template) puts in `partials/slots/<name>.hbs`, in order: how a layer adds to a base
  // file without the base naming the layer. On lines of their own, `{{#slot "readme-sections"}}` and `{{/slot}}`
  // leave no blank line when no layer fills the slot; inline, `{{slot "ci-servers"}}` drops each fill's last newline.
  const used = new Set<string>();
  const slotFiles = new Map<string, Handlebars.TemplateDelegate>();
  handlebars.registerHelper(
    'slot',
    function (this: unknown, name: unknown, options: Handlebars.HelperOptions) {
      if (typeof name !== 'string')
        throw new Error('{{slot}} needs a name: {{#slot "readme-sections"}}{{/slot}}');
      used.add(name);
      const inline = typeof options.fn !== 'function';
      return (plan.slots[name] ?? [])
        .map((file) => {
          let compiled = slotFiles.get(file);
          if (!compiled) slotFiles.set(file, (compiled = compile(file, readFileSync(file, 'utf8'))));
          try {
            const text = compiled(this);
            return inline ? text.replace(/\n$/, '') : text;
          } catch (error) {
            throw new RenderError(`${file}: ${explain((error as Error).message)}`, { cause: error });
          }
        })
        .join('');
    },
  );

  const render = (file: PlanFile, text: string) => {
    try {
      return compile(file.source, text)(plan.context);
    } catch (error) {
      if (error instanceof RenderError) throw error;
      throw new Error(`${file.origin}: ${explain((error as Error).message)}`, { cause: error });
    }
  };
  return Object.assign(render, {
    checkSlotsUsed() {
      const unused = Object.keys(plan.slots).filter((name) => !used.has(name));
      if (unused.length > 0) {
        const files = unused.flatMap((name) => plan.slots[name] ?? []);
        throw new Error(
          `${files.join(', ')}: no file of the project has {{slot "${unused[0]}"}}, so this partial would be lost ` +
            '(a typo in the name? see "Slots" in docs/authoring-templates.md)',
        );
      }
    },
  });
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

/**
 * Files written between two looks at `signal`. The writes themselves are synchronous: for a project's few hundred
 * small files that is several times faster than round trips through the thread pool (create-vite writes the same
 * way); between batches the event loop runs, so Ctrl-C stops the writing within one batch.
 */
const FILES_PER_BATCH = 32;

/** Write every file of the plan under `destination`. Stops with CancelledError as soon as `signal` aborts. */
export async function writePlan(plan: Plan, destination: string, signal?: AbortSignal): Promise<number> {
  const render = createRenderer(plan, await loadPrecompiled());
  for (const dir of new Set(plan.files.map((file) => path.dirname(path.join(destination, file.path)))))
    mkdirSync(dir, { recursive: true });
  for (const [index, file] of plan.files.entries()) {
    if (index % FILES_PER_BATCH === 0) {
      await nextTurn();
      if (signal?.aborted) throw new CancelledError();
    }
    const output = path.join(destination, file.path);
    if (file.content !== undefined) {
      writeFileSync(output, file.content);
    } else if (file.render) {
      const source = file.source as string;
      writeFileSync(output, render(file, readFileSync(source, 'utf8')));
      chmodSync(output, statSync(source).mode & 0o777); // a rendered file keeps its source's mode (a script stays one)
    } else {
      copyFileSync(file.source as string, output); // copies the mode too
    }
  }
  if (signal?.aborted) throw new CancelledError();
  render.checkSlotsUsed();
  return plan.files.length;
}

/** dist/kit-templates.js, when the build made it (precompile.ts); without it every template is compiled now. */
async function loadPrecompiled(): Promise<Precompiled> {
  try {
    return ((await import(new URL('./kit-templates.js', import.meta.url).href)) as { default: Precompiled })
      .default;
  } catch {
    return {};
  }
}

/** For a dry run: render every `.hbs` file in memory, so template errors show without writing anything. */
export async function checkRender(plan: Plan): Promise<void> {
  const render = createRenderer(plan, await loadPrecompiled());
  for (const file of plan.files) if (file.render) render(file, readFileSync(file.source as string, 'utf8'));
  render.checkSlotsUsed();
}
