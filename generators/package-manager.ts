// The package managers a project can be set up with, and how each one spells its commands.

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManagerName = (typeof PACKAGE_MANAGERS)[number];

export interface PackageManager {
  name: PackageManagerName;
  /** Prefix to run a package.json script: `npm run build`, `pnpm build`. */
  run: string;
  install: string;
  /** Runs a locally installed binary: `npx drizzle-kit`. */
  exec: string;
}

const MANAGERS: Record<PackageManagerName, PackageManager> = {
  npm: { name: 'npm', run: 'npm run', install: 'npm install', exec: 'npx' },
  pnpm: { name: 'pnpm', run: 'pnpm', install: 'pnpm install', exec: 'pnpm exec' },
  yarn: { name: 'yarn', run: 'yarn', install: 'yarn install', exec: 'yarn' },
  bun: { name: 'bun', run: 'bun run', install: 'bun install', exec: 'bunx' },
};

export function packageManager(name: PackageManagerName): PackageManager {
  return MANAGERS[name];
}

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
