// The package managers a project can be set up with, and what each one needs: how it spells its commands, the
// lockfile it writes, how CI and Docker install exactly that lockfile, what `.gitignore` must hold for it, which
// dependencies' install scripts it must be allowed to run. Templates read it as `pm` (docs/authoring-templates.md).

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManagerName = (typeof PACKAGE_MANAGERS)[number];

export interface PackageManager {
  name: PackageManagerName;
  /** Prefix to run a package.json script: `npm run build`, `pnpm build`. */
  run: string;
  install: string;
  /** Runs a locally installed binary: `npx drizzle-kit`. */
  exec: string;
  /** The lockfile it writes, committed with the project. */
  lockfile: string;
  /** Installs exactly what the lockfile says and fails when package.json disagrees with it: CI and Docker. */
  frozenInstall: string;
  /** Lines `.gitignore` needs for this manager's own files (Yarn's install state, Plug'n'Play files). */
  gitignore: string[];
  /**
   * Dependencies whose install scripts must run (esbuild fetches its binary in one; tsx, drizzle-kit and vite use
   * it). pnpm 10 skips such scripts unless listed (`onlyBuiltDependencies`), pnpm 11 fails the install
   * (`allowBuilds` in pnpm-workspace.yaml); the other managers run them. Empty where nothing is to declare.
   */
  allowBuilds: string[];
  /** Yarn only: 1 (classic) or the current major; undefined for the others. */
  major?: number;
  /** What `npm install -g` installs to have this manager in CI and in the Docker image; empty for npm. */
  globalPackage: string;
  /** Removes the dev dependencies from an installed node_modules (the Docker image's last stage). */
  pruneDev: string;
  /** Files this manager needs in the project (settings), written by the generator: path → content. */
  files: Record<string, string>;
}

/** The packages of the kit that need their install scripts (see `allowBuilds`). */
const BUILDS = ['esbuild'];

/** pnpm runs dependencies' install scripts only when listed: pnpm 11 reads allowBuilds, pnpm 10 onlyBuiltDependencies. */
const PNPM_WORKSPACE = [
  "# pnpm's settings for this project. pnpm runs a dependency's install script only when it is allowed here:",
  "# esbuild's sets up its native binary, which tsx and drizzle-kit use. allowBuilds is pnpm 11's setting,",
  "# onlyBuiltDependencies pnpm 10's.",
  'allowBuilds:',
  ...BUILDS.map((name) => `  ${name}: true`),
  'onlyBuiltDependencies:',
  ...BUILDS.map((name) => `  - ${name}`),
  '',
].join('\n');

/** Yarn 2+: a node_modules folder, as every tool of the project expects, instead of Plug'n'Play. */
const YARNRC = [
  '# Yarn installs into node_modules, which every tool of this project (tsx, vitest, drizzle-kit) expects,',
  "# instead of its default Plug'n'Play.",
  'nodeLinker: node-modules',
  '',
].join('\n');

/** Yarn 2+ (berry): what its docs say to ignore when Zero-Installs are not used. */
const YARN_BERRY_GITIGNORE = [
  '.pnp.*',
  '.yarn/*',
  '!.yarn/patches',
  '!.yarn/plugins',
  '!.yarn/releases',
  '!.yarn/sdks',
  '!.yarn/versions',
];

const MANAGERS: Record<PackageManagerName, PackageManager> = {
  npm: {
    name: 'npm',
    run: 'npm run',
    install: 'npm install',
    exec: 'npx',
    lockfile: 'package-lock.json',
    frozenInstall: 'npm ci',
    gitignore: [],
    allowBuilds: [],
    globalPackage: '',
    pruneDev: 'npm prune --omit=dev',
    files: {},
  },
  pnpm: {
    name: 'pnpm',
    run: 'pnpm',
    install: 'pnpm install',
    exec: 'pnpm exec',
    lockfile: 'pnpm-lock.yaml',
    frozenInstall: 'pnpm install --frozen-lockfile',
    gitignore: [],
    allowBuilds: BUILDS,
    globalPackage: 'pnpm@11',
    pruneDev: 'pnpm prune --prod',
    files: { 'pnpm-workspace.yaml': PNPM_WORKSPACE },
  },
  yarn: {
    name: 'yarn',
    run: 'yarn',
    install: 'yarn install',
    exec: 'yarn',
    lockfile: 'yarn.lock',
    frozenInstall: 'yarn install --immutable',
    gitignore: YARN_BERRY_GITIGNORE,
    allowBuilds: [],
    major: 4,
    globalPackage: '@yarnpkg/cli-dist@4',
    pruneDev: 'yarn workspaces focus --all --production',
    files: { '.yarnrc.yml': YARNRC },
  },
  bun: {
    name: 'bun',
    run: 'bun run',
    install: 'bun install',
    exec: 'bunx',
    lockfile: 'bun.lock',
    frozenInstall: 'bun install --frozen-lockfile',
    gitignore: [],
    allowBuilds: [],
    globalPackage: 'bun@1',
    pruneDev: 'rm -rf node_modules && bun install --production --frozen-lockfile',
    files: {},
  },
};

const YARN_CLASSIC: PackageManager = {
  ...MANAGERS.yarn,
  frozenInstall: 'yarn install --frozen-lockfile',
  gitignore: [],
  major: 1,
  globalPackage: 'yarn@1',
  pruneDev: 'yarn install --production --frozen-lockfile --ignore-scripts',
  files: {},
};

/** `major`: the version that launched us, when known (Yarn 1 differs from Yarn 2+; CI and Docker get that major). */
export function packageManager(name: PackageManagerName, major?: number): PackageManager {
  if (name === 'yarn' && major !== undefined) {
    return major === 1
      ? YARN_CLASSIC
      : { ...MANAGERS.yarn, major, globalPackage: `@yarnpkg/cli-dist@${major}` };
  }
  if (name === 'pnpm' && major !== undefined) return { ...MANAGERS.pnpm, globalPackage: `pnpm@${major}` };
  return MANAGERS[name];
}

/** Every settings file a manager may need (a kit file of the same name would be replaced: an error). */
export const MANAGER_FILES = [
  ...new Set(Object.values(MANAGERS).flatMap((manager) => Object.keys(manager.files))),
];

export function isPackageManagerName(value: unknown): value is PackageManagerName {
  return typeof value === 'string' && (PACKAGE_MANAGERS as readonly string[]).includes(value);
}

/**
 * The manager that launched us: `npm create`, `pnpm create`, `yarn create` and `bunx` set
 * `npm_config_user_agent` to e.g. "pnpm/9.12.0 npm/? node/v24.0.0 linux x64". Default npm.
 */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent): PackageManagerName {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return isPackageManagerName(name) ? name : 'npm';
}

/** The major version of `name` in the user agent, when that manager launched us: "yarn/1.22.22 …" → 1. */
export function detectMajor(
  name: PackageManagerName,
  userAgent = process.env.npm_config_user_agent,
): number | undefined {
  const [agent, version] = userAgent?.split(' ')[0]?.split('/') ?? [];
  const major = agent === name ? Number(version?.split('.')[0]) : NaN;
  return Number.isInteger(major) ? major : undefined;
}
