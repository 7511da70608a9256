// The template contract as zod schemas: `layer.json` and `template.json`. The same schemas check a manifest when
// it is loaded (kit.ts) and are exported as JSON Schema (templates/*.schema.json, `npm run schemas`), which a
// manifest names in its `$schema`, so an editor completes and checks it as it is written.
//
// Every schema carries, as its error, the phrase that completes "<key> must be …": the message a person gets is
// `template.json: "options.size.type" must be "number", "string" or "boolean" (got "int")`.
import { z } from 'zod';
import { numberProblem } from './numbers.js';
import { PACKAGE_MANAGERS } from './package-manager.js';
import { POLICIES } from './policies.js';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = (what: string) => z.string({ error: what });
const name = z.string({ error: 'lower-case [a-z0-9-]+' }).regex(NAME, 'lower-case [a-z0-9-]+');
/** A module of the part's files: `src/<folder>/<name>.ts` (or `.tsx`). */
const moduleName = z.string({ error: 'a file name without extension, e.g. "web"' }).regex(NAME);
const stringMap = (what: string) => z.record(z.string(), z.string(), { error: what });

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const envEntry = z.strictObject(
  {
    name: z
      .string({ error: 'an environment variable name' })
      .regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name ([A-Z][A-Z0-9_]*)'),
    description: text('a one-line description (README, .env.example)'),
    example: text('the value written to .env.example').default(''),
    zod: text('a zod schema expression, e.g. "z.coerce.number().int().default(3000)"'),
    secret: z.boolean({ error: 'true or false' }).default(false),
    test: text('a TypeScript expression for the value tests use, e.g. "\'memory://\'"').optional(),
  },
  { error: 'an env entry { "name", "description", "zod", "example", "secret", "test" }' },
);

const required = z.strictObject(
  {
    file: text('a path in the project, e.g. "src/site.ts"'),
    why: text('what the file holds, for the error message'),
  },
  { error: '{ "file": "src/…", "why": "…" }' },
);

const tool = z.strictObject(
  {
    command: text('a command on PATH, e.g. "tmux"').regex(/^[\w.-]+$/, 'a command name, e.g. "tmux"'),
    why: text('what the tests use it for, for the message'),
    how: text('how to get it, e.g. "Debian/Ubuntu: apt-get install tmux"'),
  },
  { error: '{ "command": "…", "why": "…", "how": "…" }' },
);

/** The keys a layer and a template share. */
const partShape = {
  name,
  title: text('a string').default(''),
  description: text('a string').default(''),
  flavour: text('a string').default(''),
  seed: text('a string').default(''),
  package: z
    .strictObject(
      {
        scripts: stringMap('an object of script name → command').default({}),
        dependencies: z.array(text('a package name').min(1, 'a package name')).default([]),
        devDependencies: z.array(text('a package name').min(1, 'a package name')).default([]),
      },
      { error: '{ "scripts", "dependencies", "devDependencies" }' },
    )
    .default({ scripts: {}, dependencies: [], devDependencies: [] }),
  env: z.array(envEntry, { error: 'an array of env entries' }).default([]),
  plugins: z
    .array(moduleName, { error: 'an array of plugin names (src/plugins/<name>.ts), in registration order' })
    .default([]),
  serviceDeps: z
    .array(moduleName, { error: 'an array of adapter names (src/adapters/<name>.ts exporting serviceDeps)' })
    .default([]),
  requires: z.array(required, { error: 'an array of { "file", "why" }' }).default([]),
  /** Commands the project's tests run on the machine (verify names a missing one before it starts). */
  tools: z.array(tool, { error: 'an array of { "command", "why", "how" }' }).default([]),
  /** Words the base's docs use, which a layer may change ("client" → "browser"): `{{terms.client}}`. */
  terms: stringMap('an object of term → text, e.g. { "client": "browser" }').default({}),
  /** The manifest's JSON Schema (templates/*.schema.json), for an editor; ignored here. */
  $schema: z.string().optional(),
};

export const layerSchema = z.strictObject({
  ...partShape,
  needs: z.array(name, { error: 'an array of layer names this layer builds on' }).default([]),
});

const probe = z.strictObject(
  {
    path: text('a path starting with /').startsWith('/', 'a path starting with /'),
    status: z.number({ error: 'an HTTP status number' }).int().default(200),
    contains: text('a string').optional(),
  },
  { error: '{ "path": "/…", "status": 200, "contains": "…" }' },
);

const writeRequest = z.strictObject(
  {
    method: z.enum(METHODS, { error: METHODS.join(', ') }).default('GET'),
    path: text('a path starting with /').startsWith('/', 'a path starting with /'),
    form: stringMap('an object of field → text').optional(),
    json: z.unknown().optional(),
    headers: stringMap('an object of header name → text').optional(),
    save: z
      .record(z.string().regex(/^[A-Za-z]\w*$/), z.string(), {
        error: 'an object of name ([A-Za-z]\\w*) → field of the JSON answer',
      })
      .optional(),
    status: z.number({ error: 'an HTTP status number' }).int().default(200),
  },
  { error: '{ "method": "POST", "path": "/…", "form": { … }, "status": 303 }' },
);

const optionSpec = z.discriminatedUnion(
  'type',
  [
    z
      .strictObject({
        type: z.literal('number'),
        default: z.number({ error: 'a number' }),
        description: z.string().default(''),
        min: z.number({ error: 'a number' }).optional(),
        max: z.number({ error: 'a number' }).optional(),
        // A page size, a count: whole numbers, unless the manifest says otherwise.
        integer: z.boolean({ error: 'true or false' }).default(true),
      })
      .superRefine((spec, context) => {
        const problem = numberProblem(spec.default, spec);
        if (problem) context.addIssue({ code: 'custom', path: ['default'], message: problem });
      }),
    z.strictObject({
      type: z.literal('string'),
      default: z.string({ error: 'a string' }),
      description: z.string().default(''),
      choices: z.array(z.string(), { error: 'an array of strings' }).optional(),
    }),
    z.strictObject({
      type: z.literal('boolean'),
      default: z.boolean({ error: 'true or false' }),
      description: z.string().default(''),
    }),
  ],
  { error: '"number", "string" or "boolean"' },
);

export const templateSchema = z.strictObject({
  ...partShape,
  title: text('a non-empty string').min(1, 'a non-empty string'),
  description: text('a one-line description').min(1, 'a one-line description'),
  layers: z.array(name, { error: 'an array of layer names' }).default([]),
  probes: z.array(probe, { error: 'an array of probes' }).default([]),
  write: z
    .strictObject(
      {
        requests: z
          .array(writeRequest, { error: 'a non-empty array of requests' })
          .min(1, 'a non-empty array of requests'),
        check: probe.extend({
          contains: text('the text written'),
          headers: stringMap('an object of header name → text').optional(),
        }),
      },
      {
        error:
          '{ "requests": [{ "method", "path", "form" | "json", "headers", "save", "status" }, …], "check": { … } }',
      },
    )
    .optional(),
  prepare: z
    .tuple([z.literal('node')], z.string())
    .optional()
    .refine((value) => value === undefined || value.length >= 2, 'a command ["node", "dist/…", args…]'),
  // An option is used as {{options.<name>}} in templates and as --option <name>=…
  options: z
    .record(
      z.string().regex(/^[A-Za-z]\w*$/, 'a name of letters, digits and _, starting with a letter'),
      optionSpec,
      {
        error: 'an object of option definitions',
      },
    )
    .default({}),
});

const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * A project's record, `study-project.json`: written by `create` (plan.ts), read by `update` (update/record.ts).
 * `templateFolder`, `templateVersion`, `projectName`, `packageManagerMajor` and `policies` came with update, so
 * they are optional: a record made before them (generator, template, templatePath, packageName, options,
 * packageManager, command) is still a valid one.
 */
export const recordSchema = z.strictObject({
  generator: z.strictObject(
    {
      name: text('the name of the generator, "create-study-project"'),
      version: text('a version such as "0.1.0"').regex(VERSION, 'a version such as "0.1.0"'),
    },
    { error: '{ "name": "create-study-project", "version": "0.1.0" }' },
  ),
  template: name,
  /** As it was given to `--template` (relative to where create ran), for `command`. */
  templatePath: text('the template folder as it was given to --template').min(1).optional(),
  /** The template folder relative to the project: where update looks for it. */
  templateFolder: text('the template folder, relative to the project').min(1).optional(),
  templateVersion: text('the version of the template, e.g. "0.1.0"').min(1).optional(),
  projectName: text('the project directory name').min(1, 'the project directory name').optional(),
  packageName: text('an npm package name'),
  options: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean()], { error: 'a string, a number or true/false' }),
    { error: 'an object of option name → value' },
  ),
  packageManager: z.enum(PACKAGE_MANAGERS, { error: `one of ${PACKAGE_MANAGERS.join(', ')}` }),
  packageManagerMajor: z
    .number({ error: 'a major version number' })
    .int('a major version number')
    .positive('a major version number')
    .optional(),
  command: text('the command that makes the project again'),
  policies: z
    .record(
      z.string().min(1, 'a file path or pattern'),
      z.enum(POLICIES, { error: `one of ${POLICIES.map((policy) => `"${policy}"`).join(', ')}` }),
      { error: `an object of file path or pattern → ${POLICIES.map((policy) => `"${policy}"`).join(', ')}` },
    )
    .optional(),
});

export type ProjectRecord = z.infer<typeof recordSchema>;
export type LayerManifest = z.infer<typeof layerSchema>;
export type TemplateManifest = z.infer<typeof templateSchema>;
export type EnvEntry = z.infer<typeof envEntry>;
export type OptionSpec = z.infer<typeof optionSpec>;
export type Probe = z.infer<typeof probe>;
export type WriteRequest = z.infer<typeof writeRequest>;
export type WriteCheck = NonNullable<TemplateManifest['write']>;
export type Requirement = z.infer<typeof required>;

/** The JSON Schemas written to templates/ (and checked by a test to be up to date). */
export function jsonSchemas(): Record<string, unknown> {
  const describe = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title,
  });
  return {
    'layer.schema.json': describe(layerSchema, 'create-study-project layer manifest (layer.json)'),
    'template.schema.json': describe(
      templateSchema,
      'create-study-project template manifest (template.json)',
    ),
  };
}

/** One zod issue as the sentence a template author reads: which key, what it must be, what it was. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType): string {
  // A bad key of a record: named, when its schema says what a key must be; otherwise the record's message says it.
  const keyMessage =
    issue.code === 'invalid_key' ? issue.issues.find((inner) => !/^Invalid/.test(inner.message)) : undefined;
  if (keyMessage) return `"${formatPath(issue.path)}" must be ${keyMessage.message}`;
  const path = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
  const where = formatPath(path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(schema, issue.path);
    const inside = where ? ` in "${where}"` : '';
    return `unknown key "${issue.keys[0]}"${inside}${allowed ? ` (allowed: ${allowed.join(', ')})` : ''}`;
  }
  const expected =
    issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)
      ? or(issue.options.map((option) => JSON.stringify(option)))
      : issue.message;
  const got = issue.code === 'invalid_key' ? undefined : valueAt(input, path);
  return `"${where}" must be ${expected}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
}

function or(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The keys an object schema allows at `path` (through defaults, optionals and arrays). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of [...path, undefined]) {
    while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) {
      current = current.unwrap() as z.ZodType;
    }
    if (part === undefined) break;
    if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject) current = current.shape[String(part)] as z.ZodType | undefined;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return undefined;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}
