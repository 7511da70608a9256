// The template kit: load manifests (template.json, layer.json) through the contract's schemas (manifest.ts) and
// the versions map. The format is described in docs/authoring-templates.md; every error names the file and the key.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { createRequire } from 'node:module';
import type {
  EnvEntry,
  LayerManifest,
  OptionSpec,
  Probe,
  Requirement,
  TemplateManifest,
  WriteCheck,
  WriteRequest,
} from './manifest.js';
import type * as ManifestSchemas from './manifest.js';
import { contentHash } from './hash.js';
import { describeNumber, numberProblem } from './numbers.js';
import { generator, kitRoot } from './paths.js';

export type { EnvEntry, OptionSpec, Probe, Requirement, WriteCheck, WriteRequest };
export { describeNumber, numberProblem };
export type OptionValue = string | number | boolean;

export interface PackagePart {
  scripts: Record<string, string>;
  dependencies: string[];
  devDependencies: string[];
}

/** A layer or a template: a folder with a manifest, `files/` and optional `partials/`. */
export interface Part {
  name: string;
  title: string;
  description: string;
  flavour: string;
  seed: string;
  package: PackagePart;
  env: EnvEntry[];
  /** `src/plugins/<name>.ts`: Fastify plugins the part adds, in registration order. */
  plugins: string[];
  /** `src/adapters/<name>.ts`: adapters whose `serviceDeps` add to what services receive. */
  serviceDeps: string[];
  /** Files a later part (usually the template) must provide. */
  requires: Requirement[];
  /** Commands the project's tests run on the machine: tmux, promtool (verify names a missing one first). */
  tools: Tool[];
  /** Words of the docs, merged in layer order: `{{terms.client}}`. */
  terms: Record<string, string>;
  /** Absolute path of the folder that holds the manifest. */
  dir: string;
  /** The manifest file, for messages. */
  file: string;
}

export interface Tool {
  command: string;
  why: string;
  how: string;
}

export interface Layer extends Part {
  /** Layers that must come before this one in a template's `layers`. */
  needs: string[];
}

export interface Template extends Part {
  layers: string[];
  probes: Probe[];
  write?: WriteCheck;
  /** A command run (as `node …`, in the project, with the app's environment) before the app starts. */
  prepare?: string[];
  options: Record<string, OptionSpec>;
  /** Set when the template came from a folder (`--template ./path`): the path as the user gave it. */
  givenPath?: string;
}

export type VersionsMap = Record<string, string>;

/** `{{name}}` in a write request: a value saved by an earlier request. */
export const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Names of the kit's templates (folders of `templates/` with a `template.json`), sorted. */
export function kitTemplateNames(): string[] {
  return subfolders(kitRoot).filter(
    (name) => name !== 'layers' && existsSync(path.join(kitRoot, name, 'template.json')),
  );
}

/** Names of the kit's layers (`templates/layers/<name>/layer.json`), sorted. */
export function kitLayerNames(): string[] {
  const layersDir = path.join(kitRoot, 'layers');
  return subfolders(layersDir).filter((name) => existsSync(path.join(layersDir, name, 'layer.json')));
}

/** `--template` takes a kit name or a folder path; anything with a slash or a leading dot is a path. */
export function isTemplatePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.startsWith('.') || path.isAbsolute(value);
}

/**
 * Load a template by kit name, or from a folder. `baseDir` resolves a relative folder path (the current
 * directory for a flag, the preset file's folder for a preset).
 */
export function loadTemplate(nameOrPath: string, baseDir = process.cwd()): Template {
  if (isTemplatePath(nameOrPath)) {
    const dir = path.resolve(baseDir, nameOrPath);
    if (!existsSync(path.join(dir, 'template.json'))) {
      throw new UsageError(`Template folder ${nameOrPath} has no template.json (looked in ${dir})`);
    }
    return { ...readTemplate(dir), givenPath: nameOrPath };
  }
  const names = kitTemplateNames();
  if (!names.includes(nameOrPath)) {
    throw new UsageError(
      `Unknown template "${nameOrPath}". Valid templates: ${names.join(', ') || '(none in the kit)'}` +
        ' (or a folder path such as ./my-template)',
    );
  }
  return readTemplate(path.join(kitRoot, nameOrPath));
}

export function loadLayer(name: string): Layer {
  const dir = path.join(kitRoot, 'layers', name);
  const file = path.join(dir, 'layer.json');
  const manifest = parse('layer', file) as LayerManifest;
  return { ...part(manifest, dir, file), needs: manifest.needs };
}

export function loadVersions(): VersionsMap {
  const file = path.join(kitRoot, 'versions.json');
  if (!existsSync(file)) return {};
  const raw = readJson(file);
  if (!isObject(raw)) throw new UsageError(`${file}: must be an object mapping package names to versions`);
  const versions: VersionsMap = {};
  for (const [name, range] of Object.entries(raw)) {
    if (name.startsWith('$')) continue; // "$comment", "$schema" and the like
    if (typeof range !== 'string') throw new UsageError(`${file}: "${name}" must be a version range string`);
    versions[name] = range;
  }
  return versions;
}

/**
 * The version of a template, for the project's record: a kit template's is the package's (the kit ships with it);
 * a folder's, which an instructor changes without a version number, is a hash of its files (`sha256-` + 12 hex
 * digits), so that update can tell whether the folder is still the one a project was made from.
 */
export function templateVersion(template: Template): string {
  if (template.givenPath === undefined) return generator.version;
  const hash = createHash('sha256');
  const files = readdirSync(template.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(template.dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((file) => !/(^|\/)(\.git|node_modules)\//.test(file))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(template.dir, file)));
  return `sha256-${hash.digest('hex').slice(0, 12)}`;
}

/** `"fastify"` → the map's range; `"left-pad@^1.3.0"` → pinned; an unknown name is an error naming its owner. */
export function resolveDependency(spec: string, versions: VersionsMap, owner: string): [string, string] {
  const at = spec.lastIndexOf('@');
  if (at > 0) return [spec.slice(0, at), spec.slice(at + 1)];
  const range = versions[spec];
  if (range === undefined) {
    throw new UsageError(
      `${owner}: dependency "${spec}" is not in templates/versions.json (add it there, or pin it as "${spec}@<range>")`,
    );
  }
  return [spec, range];
}

function readTemplate(dir: string): Template {
  const file = path.join(dir, 'template.json');
  const manifest = parse('template', file) as TemplateManifest;
  const known = kitLayerNames();
  manifest.layers.forEach((layer, index) => {
    if (!known.includes(layer)) {
      throw invalid(
        file,
        `layers[${index}]`,
        `one of the kit's layers: ${known.join(', ') || '(none)'}`,
        layer,
      );
    }
  });
  if (manifest.write) checkPlaceholders(manifest.write, file);
  return {
    ...part(manifest, dir, file),
    layers: manifest.layers,
    probes: manifest.probes,
    write: manifest.write,
    prepare: manifest.prepare,
    options: manifest.options,
  };
}

/** Every `{{name}}` of a write sequence must have been saved by an earlier request. */
function checkPlaceholders(write: WriteCheck, file: string): void {
  const saved = new Set<string>();
  const check = (where: string, ...values: unknown[]) => {
    for (const text of values.flatMap(strings)) {
      for (const [, name] of text.matchAll(PLACEHOLDER)) {
        if (!saved.has(name!)) {
          throw invalid(file, where, 'a value saved by an earlier request ("save")', `{{${name}}}`);
        }
      }
    }
  };
  write.requests.forEach((request, index) => {
    check(`write.requests[${index}]`, request.path, request.form, request.json, request.headers);
    for (const name of Object.keys(request.save ?? {})) saved.add(name);
  });
  check('write.check', write.check.path, write.check.headers);
}

function part(manifest: LayerManifest | TemplateManifest, dir: string, file: string): Part {
  return {
    name: manifest.name,
    title: manifest.title,
    description: manifest.description,
    flavour: manifest.flavour,
    seed: manifest.seed,
    package: manifest.package,
    env: manifest.env,
    plugins: manifest.plugins,
    serviceDeps: manifest.serviceDeps,
    requires: manifest.requires,
    tools: manifest.tools,
    terms: manifest.terms,
    dir,
    file,
  };
}

const require = createRequire(import.meta.url);
type ManifestModule = typeof ManifestSchemas;

/** Kit manifest (relative to templates/) → what its schema made of it, checked at build time (precompile.ts). */
export type CheckedManifests = Record<string, { hash: string; manifest: unknown }>;
let checked: CheckedManifests | undefined;

/**
 * A manifest through the contract's schema. Loading zod takes ~50 ms of a create, so a kit manifest the build
 * already checked, unchanged since (same hash), is taken from dist/kit-manifests.js; any other one (a folder
 * template, a kit file edited since the build) loads the schemas and is checked now.
 */
function parse(kind: 'layer' | 'template', file: string): unknown {
  const text = readText(file);
  checked ??= loadChecked();
  const known = checked[path.relative(kitRoot, file).split(path.sep).join('/')];
  if (known && known.hash === contentHash(text)) return structuredClone(known.manifest);
  return checkManifest(kind, file, readJson(file, text));
}

/** Runs the schema on a manifest's JSON (also at build time); an error names the file, the key and what it must be. */
export function checkManifest(kind: 'layer' | 'template', file: string, raw: unknown): unknown {
  const { describeIssue, layerSchema, templateSchema } = require('./manifest.js') as ManifestModule;
  const schema = kind === 'layer' ? layerSchema : templateSchema;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(`${file}: ${describeIssue(issue, raw, schema)}`);
}

function loadChecked(): CheckedManifests {
  try {
    return (require('./kit-manifests.js') as { default: CheckedManifests }).default;
  } catch {
    return {};
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}`);
  }
}

function readJson(file: string, text = readText(file)): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON (${(error as Error).message})`);
  }
}

/** JSON.parse, after the byte order mark an editor may put at the start (Windows Notepad does). */
export function parseJson(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

function invalid(file: string, key: string, expected: string, got?: unknown): UsageError {
  const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
  return new UsageError(`${file}: "${key}" must be ${expected}${shown}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}
