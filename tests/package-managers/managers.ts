// The package managers a project can be made with, each installed from the npm registry into a cache folder the
// first time a test needs it (tests/package-managers/, tests/docker/).
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export interface Manager {
  label: string;
  /** The npm package with the manager, and its binary's path inside node_modules. */
  pkg: string;
  binary: string;
  command: string;
  lockfile: string;
}

export const managers: Manager[] = [
  { label: 'npm', pkg: '', binary: '', command: 'npm', lockfile: 'package-lock.json' },
  { label: 'pnpm 10', pkg: 'pnpm@10', binary: '.bin/pnpm', command: 'pnpm', lockfile: 'pnpm-lock.yaml' },
  { label: 'pnpm 11', pkg: 'pnpm@11', binary: '.bin/pnpm', command: 'pnpm', lockfile: 'pnpm-lock.yaml' },
  { label: 'yarn 1', pkg: 'yarn@1', binary: '.bin/yarn', command: 'yarn', lockfile: 'yarn.lock' },
  {
    label: 'yarn 4',
    pkg: '@yarnpkg/cli-dist@4',
    binary: '@yarnpkg/cli-dist/bin/yarn.js',
    command: 'yarn',
    lockfile: 'yarn.lock',
  },
  { label: 'bun', pkg: 'bun@1', binary: '.bin/bun', command: 'bun', lockfile: 'bun.lock' },
];

const cache = path.join(os.homedir(), '.cache', 'create-study-project-tests', 'package-managers');

/** A folder with the manager's command in it (installed from the registry once), to put first on PATH. */
export async function managerBin(manager: Manager): Promise<string> {
  const dir = path.join(cache, manager.pkg.replace(/[@/]/g, '_'));
  const binDir = path.join(dir, 'bin');
  if (!existsSync(path.join(binDir, manager.command))) {
    mkdirSync(binDir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    await execa('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', manager.pkg], { cwd: dir });
    symlinkSync(path.join(dir, 'node_modules', manager.binary), path.join(binDir, manager.command));
  }
  return binDir;
}
