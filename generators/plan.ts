// The plan: compose the template's layers and files into the list of files to write, package.json, the
// Handlebars context and the answers record. It only reads the kit; nothing is written here, so a dry run and
// a real run see exactly the same plan.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Answers } from './answers.js';
import { UsageError } from './errors.js';
import {
  kitLayerNames,
  loadLayer,
  loadVersions,
  resolveDependency,
  templateVersion,
  type EnvEntry,
  type OptionValue,
  type Layer,
  type Part,
  type Template,
} from './kit.js';
import type { ProjectRecord } from './manifest.js';
import { MANAGER_FILES, packageManager, type PackageManager } from './package-manager.js';
import { defaultPolicies, RECORD_FILE } from './policies.js';
import { REGISTRY_FILES, registries } from './registries.js';
import { generator, kitRoot } from './paths.js';
import { shellQuote } from './ui.js';

/** Written into every generated package.json and given to templates as `node`. */
export const NODE = { engines: '>=22.13', major: 24 };

const GENERATED_FILES = ['package.json', RECORD_FILE, ...REGISTRY_FILES, ...MANAGER_FILES];
/** Partials under `partials/slots/` fill a slot (`{{slot "name"}}`): every part's, in layer order. */
const SLOTS_DIR = 'slots/';

export interface PlanFile {
  /** Output path relative to the project root, with `/` separators. */
  path: string;
  /** Where it comes from, for messages: `layers/base/files/src/app.ts.hbs`. */
  origin: string;
  /** Absolute source path in the kit (absent for files the generator writes itself). */
  source?: string;
  /** Rendered with Handlebars (the source ends in `.hbs`); otherwise copied byte for byte. */
  render: boolean;
  /** Content of a file the generator writes itself (package.json, study-project.json). */
  content?: string;
}

export interface RenderContext {
  projectName: string;
  packageName: string;
  /** The image name for `docker build -t`: a directory "My App" may be, a Docker tag may not. */
  dockerImage: string;
  template: { name: string; title: string; description: string; flavour: string; seed: string };
  layers: Record<string, boolean>;
  /** The docs' words, merged in layer order (a later layer's replaces an earlier one's). */
  terms: Record<string, string>;
  options: Record<string, OptionValue>;
  env: EnvEntry[];
  scripts: Record<string, string>;
  pm: PackageManager;
  generator: { name: string; version: string };
  node: typeof NODE;
}

export interface Plan {
  files: PlanFile[];
  /** Partial name → absolute path of its `.hbs` file (later layers replace earlier ones). */
  partials: Record<string, string>;
  /** Slot name → the `.hbs` files that fill it, in layer order (`partials/slots/<name>.hbs` of each part). */
  slots: Record<string, string[]>;
  context: RenderContext;
}

export function buildPlan(answers: Answers): Plan {
  const { template } = answers;
  const parts = templateParts(template);

  const files = new Map<string, PlanFile>();
  const partials: Record<string, string> = {};
  const slots: Record<string, string[]> = {};
  for (const part of parts) {
    for (const file of kitFiles(part)) {
      if (GENERATED_FILES.includes(file.path)) {
        throw new UsageError(`${file.origin}: ${file.path} is written by the generator (from the manifests)`);
      }
      files.set(file.path, file); // a later layer replaces an earlier one's file
    }
    for (const relative of listFiles(path.join(part.dir, 'partials'))) {
      if (!relative.endsWith('.hbs')) continue;
      const name = relative.slice(0, -'.hbs'.length);
      const file = path.join(part.dir, 'partials', relative);
      if (name.startsWith(SLOTS_DIR)) (slots[name.slice(SLOTS_DIR.length)] ??= []).push(file);
      else partials[name] = file;
    }
  }
  checkRequirements(parts, files, partials);

  const pm = packageManager(answers.packageManager, answers.packageManagerMajor);
  // A script that runs another is written `npm run x` (or `npm test`) in the kit, and runs with the project's manager.
  const scripts = Object.fromEntries(
    Object.entries(
      Object.assign({}, ...parts.map((part) => part.package.scripts)) as Record<string, string>,
    ).map(([name, command]) => [
      name,
      command.replaceAll('npm run ', `${pm.run} `).replace(/\bnpm test\b/g, `${pm.run} test`),
    ]),
  );
  const env = mergeEnv(parts);
  const packageJson = buildPackageJson(answers, parts, scripts);
  const record = buildRecord(answers, pm);
  files.set('package.json', generated('package.json', packageJson));
  files.set(RECORD_FILE, generated(RECORD_FILE, record));
  for (const [file, content] of Object.entries(pm.files)) files.set(file, generated(file, content));
  for (const [file, content] of registries(parts, env, (file) => files.has(file))) {
    files.set(file, generated(file, content));
  }

  const layers = Object.fromEntries(kitLayerNames().map((name) => [name, template.layers.includes(name)]));
  return {
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    partials,
    slots,
    context: {
      projectName: answers.projectName,
      packageName: answers.packageName,
      dockerImage: dockerImage(answers.packageName),
      template: {
        name: template.name,
        title: template.title,
        description: template.description,
        flavour: template.flavour,
        seed: template.seed,
      },
      layers,
      terms: Object.assign({}, ...parts.map((part) => part.terms)) as Record<string, string>,
      options: answers.options,
      env,
      scripts,
      pm,
      generator: { ...generator },
      node: NODE,
    },
  };
}

/**
 * A Docker image name from the package name: `@class/my-app` → `class/my-app`. Package names are lowercase
 * already; Docker's name components also may not start, end or be joined with more than one of `.`, `_`, `-`.
 */
export function dockerImage(packageName: string): string {
  return packageName
    .replace(/^@/, '')
    .split('/')
    .map(
      (part) =>
        part
          .toLowerCase()
          .replace(/[^a-z0-9._-]+/g, '-')
          .replace(/[._-]{2,}/g, '-')
          .replace(/^[._-]+|[._-]+$/g, '') || 'app',
    )
    .join('/');
}

/** The layers in order, then the template itself. A layer's `needs` must come before it. */
export function templateParts(template: Template): Part[] {
  const layers: Layer[] = template.layers.map(loadLayer);
  layers.forEach((layer, index) => {
    const before = template.layers.slice(0, index);
    const missing = layer.needs.filter((name) => !before.includes(name));
    if (missing.length > 0) {
      throw new UsageError(
        `${template.file}: the ${layer.name} layer needs ${missing.join(', ')} before it in "layers" ` +
          `(e.g. "layers": ${JSON.stringify([...new Set([...before, ...missing, layer.name])])})`,
      );
    }
  });
  return [...layers, template];
}

/**
 * What a part `requires` (a file or a partial the template must provide) is checked here, before anything is
 * rendered, so that a missing piece is one sentence naming the file, not a type error deep inside `verify`.
 */
function checkRequirements(
  parts: Part[],
  files: Map<string, PlanFile>,
  partials: Record<string, string>,
): void {
  for (const part of parts) {
    for (const { file, why } of part.requires) {
      const partial = /^partials\/(.+)\.hbs$/.exec(file)?.[1];
      const provided =
        partial !== undefined
          ? partial in partials
          : files.has(file) || (file.endsWith('.ts') && files.has(`${file}x`));
      if (provided) continue;
      const layer = part === parts.at(-1) ? 'the template itself' : `the ${part.name} layer`;
      throw new UsageError(
        `${parts.at(-1)?.file}: the template is missing ${file}, which ${layer} requires: ${why} ` +
          '(see "What a template provides" in docs/authoring-templates.md)',
      );
    }
  }
}

/** The env entries of the layers, then the template's: appended in order, the same name replaces. */
export function mergeEnv(parts: Part[]): EnvEntry[] {
  const env: EnvEntry[] = [];
  for (const entry of parts.flatMap((part) => part.env)) {
    const index = env.findIndex((existing) => existing.name === entry.name);
    if (index >= 0) env[index] = entry;
    else env.push(entry);
  }
  return env;
}

/** The file rules: `x.hbs` → `x` (rendered), `_gitignore` → `.gitignore`, `_npmrc` → `.npmrc`. */
export function outputPath(relative: string): { path: string; render: boolean } {
  const render = relative.endsWith('.hbs');
  const withoutHbs = render ? relative.slice(0, -'.hbs'.length) : relative;
  const dir = path.posix.dirname(withoutHbs);
  const base = path.posix.basename(withoutHbs);
  const renamed = base === '_gitignore' ? '.gitignore' : base === '_npmrc' ? '.npmrc' : base;
  return { path: dir === '.' ? renamed : `${dir}/${renamed}`, render };
}

function kitFiles(part: Part): PlanFile[] {
  const filesDir = path.join(part.dir, 'files');
  const label = originLabel(part.dir);
  return listFiles(filesDir).map((relative) => ({
    ...outputPath(relative),
    origin: `${label}/files/${relative}`,
    source: path.join(filesDir, relative),
  }));
}

/** Every file under `dir` (dot-files included), relative, `/`-separated, sorted. Symlinks are refused. */
function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (entry.isSymbolicLink())
      throw new UsageError(`${path.join(dir, relative)}: symbolic links are not supported`);
    if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

function buildPackageJson(answers: Answers, parts: Part[], scripts: Record<string, string>): string {
  const versions = loadVersions();
  const resolve = (key: 'dependencies' | 'devDependencies'): Record<string, string> => {
    const resolved: Record<string, string> = {};
    for (const part of parts) {
      for (const spec of part.package[key]) {
        const [name, range] = resolveDependency(spec, versions, `${originLabel(part.dir)} (${key})`);
        resolved[name] = range;
      }
    }
    return sortKeys(resolved);
  };
  const dependencies = resolve('dependencies');
  const devDependencies = resolve('devDependencies');
  for (const name of Object.keys(dependencies)) delete devDependencies[name]; // a runtime dependency wins
  const pkg = {
    name: answers.packageName,
    version: '0.1.0',
    private: true,
    description: answers.template.description,
    type: 'module',
    engines: { node: NODE.engines },
    scripts,
    dependencies,
    devDependencies,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * study-project.json: what the project was made from and with which answers (never a secret: options are not
 * secrets, env values are not recorded), so that `update` can render a later version the same way, and how update
 * treats its files. Its schema is `recordSchema` (manifest.ts).
 */
function buildRecord(answers: Answers, pm: PackageManager): string {
  const { template } = answers;
  const record: ProjectRecord = {
    generator: { ...generator },
    template: template.name,
    ...(template.givenPath !== undefined && {
      templatePath: template.givenPath,
      // templatePath is relative to where create ran; update runs in the project and looks here.
      templateFolder: path.relative(answers.target, template.dir).split(path.sep).join('/') || '.',
    }),
    templateVersion: templateVersion(template),
    projectName: answers.projectName,
    packageName: answers.packageName,
    options: answers.options,
    packageManager: answers.packageManager,
    ...(answers.packageManagerMajor !== undefined && { packageManagerMajor: answers.packageManagerMajor }),
    command: reproduceCommand(answers),
    policies: defaultPolicies(pm.lockfile),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The non-interactive command that writes this project again (only what differs from the defaults). */
export function reproduceCommand(answers: Answers): string {
  const args = [
    `${generator.name}@${generator.version}`,
    answers.projectName,
    '--template',
    answers.templateArg,
  ];
  if (answers.packageName !== answers.projectName) args.push('--name', answers.packageName);
  args.push('--yes');
  if (!answers.install) args.push('--no-install');
  if (!answers.git) args.push('--no-git');
  if (answers.packageManager !== 'npm') args.push('--package-manager', answers.packageManager);
  for (const [name, value] of Object.entries(answers.options)) {
    if (value !== answers.template.options[name]?.default) args.push('--option', `${name}=${String(value)}`);
  }
  return ['npx', ...args.map(shellQuote)].join(' ');
}

function generated(filePath: string, content: string): PlanFile {
  return { path: filePath, origin: `(generated) ${filePath}`, render: false, content };
}

function originLabel(dir: string): string {
  const relative = path.relative(kitRoot, dir);
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative.split(path.sep).join('/');
}

function sortKeys(object: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
