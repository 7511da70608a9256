// The template kit: load and validate manifests (template.json, layer.json) and the versions map.
// The format is described in docs/authoring-templates.md; every check here names the file and the key.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { kitRoot } from './paths.js';

export type OptionValue = string | number | boolean;

export type OptionSpec =
  | { type: 'number'; default: number; description: string; min?: number; max?: number; integer?: boolean }
  | { type: 'string'; default: string; description: string; choices?: string[] }
  | { type: 'boolean'; default: boolean; description: string };

export interface EnvEntry {
  name: string;
  description: string;
  example: string;
  zod: string;
  secret: boolean;
}

export interface Probe {
  path: string;
  status: number;
  contains?: string;
}

/** One request of a `write` sequence (see docs/authoring-templates.md). */
export interface WriteRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** May use `{{name}}`: a value an earlier request saved (so may `headers` and the strings of `json`). */
  path: string;
  /** Sent urlencoded, with the CSRF token of the last page that had one. */
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  /** name → field of the JSON answer (dot path: `data.id`), kept for later requests and the check. */
  save?: Record<string, string>;
  status: number;
}

/** How verify writes something through the app, and how it sees it again (after a restart, in Docker). */
export interface WriteCheck {
  requests: WriteRequest[];
  check: Probe & { contains: string; headers?: Record<string, string> };
}

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
  /** Absolute path of the folder that holds the manifest. */
  dir: string;
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

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LAYER_KEYS = ['name', 'title', 'description', 'flavour', 'seed', 'package', 'env'];
const TEMPLATE_KEYS = [...LAYER_KEYS, 'layers', 'probes', 'write', 'prepare', 'options'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const SAVED_NAME = /^[A-Za-z]\w*$/;
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

export function loadLayer(name: string): Part {
  const dir = path.join(kitRoot, 'layers', name);
  const manifest = readManifest(path.join(dir, 'layer.json'), LAYER_KEYS);
  return readPart(manifest, dir, path.join(dir, 'layer.json'));
}

export function loadVersions(): VersionsMap {
  const file = path.join(kitRoot, 'versions.json');
  if (!existsSync(file)) return {};
  const raw = readJson(file);
  if (!isObject(raw)) throw new UsageError(`${file}: must be an object mapping package names to versions`);
  const versions: VersionsMap = {};
  for (const [name, range] of Object.entries(raw)) {
    if (name.startsWith('$')) continue; // "$comment" and the like
    if (typeof range !== 'string') throw new UsageError(`${file}: "${name}" must be a version range string`);
    versions[name] = range;
  }
  return versions;
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
  const manifest = readManifest(file, TEMPLATE_KEYS);
  const part = readPart(manifest, dir, file);
  if (part.title === '') throw invalid(file, 'title', 'a non-empty string');
  if (part.description === '') throw invalid(file, 'description', 'a one-line description');
  const layers = optionalArray(manifest, 'layers', file, (value, key) => {
    if (typeof value !== 'string') throw invalid(file, key, 'a layer name');
    const known = kitLayerNames();
    if (!known.includes(value)) {
      throw invalid(file, key, `one of the kit's layers: ${known.join(', ') || '(none)'}`, value);
    }
    return value;
  });
  const probes = optionalArray(manifest, 'probes', file, (value, key) => readProbe(value, file, key));
  const write = manifest.write === undefined ? undefined : readWrite(manifest.write, file);
  const prepare = manifest.prepare;
  if (
    prepare !== undefined &&
    !(Array.isArray(prepare) && prepare[0] === 'node' && prepare.every((word) => typeof word === 'string'))
  ) {
    throw invalid(file, 'prepare', 'a command as an array of strings starting with "node"', prepare);
  }
  const options: Record<string, OptionSpec> = {};
  const rawOptions = manifest.options ?? {};
  if (!isObject(rawOptions)) throw invalid(file, 'options', 'an object of option definitions');
  for (const [name, spec] of Object.entries(rawOptions)) {
    options[name] = readOptionSpec(spec, file, `options.${name}`);
  }
  return { ...part, layers, probes, write, prepare, options };
}

function readProbe(value: unknown, file: string, key: string): Probe {
  if (!isObject(value) || typeof value.path !== 'string' || !value.path.startsWith('/')) {
    throw invalid(file, key, '{ "path": "/…", "status": 200, "contains": "…" }');
  }
  const status = value.status ?? 200;
  if (typeof status !== 'number') throw invalid(file, `${key}.status`, 'an HTTP status number');
  if (value.contains !== undefined && typeof value.contains !== 'string') {
    throw invalid(file, `${key}.contains`, 'a string');
  }
  return { path: value.path, status, contains: value.contains };
}

function readWrite(value: unknown, file: string): WriteCheck {
  const shape =
    '{ "requests": [{ "method", "path", "form" | "json", "headers", "save", "status" }, …], "check": { "path", "headers", "contains" } }';
  if (!isObject(value)) throw invalid(file, 'write', shape);
  const saved = new Set<string>();
  /** Every `{{name}}` in these strings must have been saved by an earlier request. */
  const placeholders = (where: string, ...texts: unknown[]): void => {
    for (const text of texts.flatMap(strings)) {
      for (const [, name] of text.matchAll(PLACEHOLDER)) {
        if (!saved.has(name!)) {
          throw invalid(file, where, `a value saved by an earlier request ("save")`, `{{${name}}}`);
        }
      }
    }
  };
  const requests = optionalArray(value, 'requests', file, (request, key): WriteRequest => {
    const where = `write.${key}`;
    if (!isObject(request) || typeof request.path !== 'string' || !request.path.startsWith('/')) {
      throw invalid(file, where, '{ "method": "POST", "path": "/…", "form": { … }, "status": 303 }');
    }
    const method = request.method ?? 'GET';
    if (!METHODS.includes(method as WriteRequest['method'])) {
      throw invalid(file, `${where}.method`, METHODS.join(', '), method);
    }
    const form = request.form;
    if (form !== undefined && !isStringMap(form))
      throw invalid(file, `${where}.form`, 'an object of field → text');
    if (form !== undefined && request.json !== undefined)
      throw invalid(file, where, 'either "form" or "json"');
    const headers = request.headers;
    if (headers !== undefined && !isStringMap(headers)) {
      throw invalid(file, `${where}.headers`, 'an object of header name → text');
    }
    const save = request.save;
    if (
      save !== undefined &&
      !(isStringMap(save) && Object.keys(save).every((name) => SAVED_NAME.test(name)))
    ) {
      throw invalid(file, `${where}.save`, 'an object of name ([A-Za-z]\\w*) → field of the JSON answer');
    }
    const status = request.status ?? 200;
    if (typeof status !== 'number') throw invalid(file, `${where}.status`, 'an HTTP status number');
    placeholders(where, request.path, form, request.json, headers);
    for (const name of Object.keys(save ?? {})) saved.add(name);
    return {
      method: method as WriteRequest['method'],
      path: request.path,
      form,
      json: request.json,
      headers,
      save,
      status,
    };
  });
  if (requests.length === 0) throw invalid(file, 'write.requests', 'a non-empty array of requests');
  const check = readProbe(value.check, file, 'write.check');
  if (check.contains === undefined) throw invalid(file, 'write.check.contains', 'the text written');
  const checkHeaders = isObject(value.check) ? value.check.headers : undefined;
  if (checkHeaders !== undefined && !isStringMap(checkHeaders)) {
    throw invalid(file, 'write.check.headers', 'an object of header name → text');
  }
  placeholders('write.check', check.path, checkHeaders);
  return { requests, check: { ...check, contains: check.contains, headers: checkHeaders } };
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

function readOptionSpec(spec: unknown, file: string, key: string): OptionSpec {
  if (!isObject(spec)) throw invalid(file, key, 'an option definition object');
  const description = typeof spec.description === 'string' ? spec.description : '';
  switch (spec.type) {
    case 'number': {
      const { default: value, min, max, integer } = spec;
      if (typeof value !== 'number') throw invalid(file, `${key}.default`, 'a number');
      if (min !== undefined && typeof min !== 'number') throw invalid(file, `${key}.min`, 'a number');
      if (max !== undefined && typeof max !== 'number') throw invalid(file, `${key}.max`, 'a number');
      return { type: 'number', default: value, description, min, max, integer: integer === true };
    }
    case 'string': {
      const { default: value, choices } = spec;
      if (typeof value !== 'string') throw invalid(file, `${key}.default`, 'a string');
      if (choices !== undefined && !(Array.isArray(choices) && choices.every((c) => typeof c === 'string'))) {
        throw invalid(file, `${key}.choices`, 'an array of strings');
      }
      return { type: 'string', default: value, description, choices };
    }
    case 'boolean': {
      if (typeof spec.default !== 'boolean') throw invalid(file, `${key}.default`, 'true or false');
      return { type: 'boolean', default: spec.default, description };
    }
    default:
      throw invalid(file, `${key}.type`, '"number", "string" or "boolean"', spec.type);
  }
}

function readPart(manifest: Record<string, unknown>, dir: string, file: string): Part {
  const name = manifest.name;
  if (typeof name !== 'string' || !NAME.test(name))
    throw invalid(file, 'name', 'lower-case [a-z0-9-]+', name);
  const text = (key: string): string => {
    const value = manifest[key] ?? '';
    if (typeof value !== 'string') throw invalid(file, key, 'a string');
    return value;
  };
  const pkg = manifest.package ?? {};
  if (!isObject(pkg)) throw invalid(file, 'package', '{ "scripts", "dependencies", "devDependencies" }');
  for (const key of Object.keys(pkg)) {
    if (!['scripts', 'dependencies', 'devDependencies'].includes(key)) {
      throw invalid(file, `package.${key}`, 'one of scripts, dependencies, devDependencies (unknown key)');
    }
  }
  const scripts = pkg.scripts ?? {};
  if (!isObject(scripts) || !Object.values(scripts).every((s) => typeof s === 'string')) {
    throw invalid(file, 'package.scripts', 'an object of script name → command');
  }
  const names = (key: 'dependencies' | 'devDependencies'): string[] =>
    optionalArray(pkg, key, file, (value, where) => {
      if (typeof value !== 'string' || value === '')
        throw invalid(file, `package.${where}`, 'a package name');
      return value;
    });
  const env = optionalArray(manifest, 'env', file, (value, key): EnvEntry => {
    if (!isObject(value)) throw invalid(file, key, 'an env entry object');
    const { name, description, zod, example = '', secret = false } = value;
    if (typeof name !== 'string') throw invalid(file, `${key}.name`, 'a string');
    if (typeof description !== 'string') throw invalid(file, `${key}.description`, 'a string');
    if (typeof zod !== 'string') throw invalid(file, `${key}.zod`, 'a string');
    if (typeof example !== 'string') throw invalid(file, `${key}.example`, 'a string');
    if (typeof secret !== 'boolean') throw invalid(file, `${key}.secret`, 'true or false');
    return { name, description, example, zod, secret };
  });
  return {
    name,
    title: text('title'),
    description: text('description'),
    flavour: text('flavour'),
    seed: text('seed'),
    package: {
      scripts: scripts as Record<string, string>,
      dependencies: names('dependencies'),
      devDependencies: names('devDependencies'),
    },
    env,
    dir,
  };
}

function readManifest(file: string, allowedKeys: string[]): Record<string, unknown> {
  const manifest = readJson(file);
  if (!isObject(manifest)) throw new UsageError(`${file}: must be a JSON object`);
  for (const key of Object.keys(manifest)) {
    if (!allowedKeys.includes(key)) {
      throw new UsageError(`${file}: unknown key "${key}" (allowed: ${allowedKeys.join(', ')})`);
    }
  }
  return manifest;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON (${(error as Error).message})`);
  }
}

function optionalArray<T>(
  object: Record<string, unknown>,
  key: string,
  file: string,
  item: (value: unknown, key: string) => T,
): T[] {
  const value = object[key] ?? [];
  if (!Array.isArray(value)) throw invalid(file, key, 'an array');
  return value.map((entry, index) => item(entry, `${key}[${index}]`));
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
