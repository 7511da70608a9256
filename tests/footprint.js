// `npm run footprint`: what `npm create study-project` downloads. Packs this package, installs the tarball into
// an empty directory as npm would for a user (dependencies from the npm registry), and prints the number of
// packages, their size on disk, and which dependency brings how much.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'csp-footprint-'));
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', work], root)
    .trim()
    .split('\n')
    .at(-1);
  const project = path.join(work, 'user');
  execFileSync('mkdir', [project]);
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
  npm(['install', '--no-audit', '--no-fund', path.join(work, tarball)], project);

  const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8'));
  const installed = Object.keys(lock.packages).filter((where) => where !== '' && !lock.packages[where].link);
  const own = 'node_modules/create-study-project';
  const deps = installed.filter((where) => where !== own);
  console.log(`npm install ${tarball} into an empty directory (npm ${npm(['--version'], root).trim()})\n`);
  console.log(
    `${deps.length} packages besides create-study-project; node_modules ${megabytes(diskUsage(path.join(project, 'node_modules')))} on disk ` +
      `(create-study-project itself ${megabytes(diskUsage(path.join(project, own)))})\n`,
  );

  // Which direct dependency brings which packages (a package reachable from two is counted for both).
  const pkg = lock.packages[own];
  console.log('by dependency of create-study-project (packages, size on disk, what it includes):');
  const direct = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies });
  for (const name of direct.sort()) {
    const start = resolve(lock, own, name);
    if (!start) continue;
    const reach = reachable(lock, start);
    const bytes = [...reach].reduce((sum, where) => sum + diskUsage(path.join(project, where), true), 0);
    console.log(`  ${name.padEnd(26)} ${String(reach.size).padStart(3)}  ${megabytes(bytes).padStart(8)}`);
    if (name === 'node-plop') {
      // Its prompts, which the generator never uses (docs/decisions/0010-what-node-plop-does.md).
      const prompts = new Set(
        ['inquirer', '@types/inquirer']
          .map((heavy) => resolve(lock, start, heavy))
          .filter(Boolean)
          .flatMap((at) => [...reachable(lock, at)]),
      );
      for (const where of prompts) {
        // shared with what node-plop uses besides its prompts: not counted as the prompts' own
        const others = Object.keys(lock.packages[start].dependencies ?? {}).filter(
          (dep) => !['inquirer', '@types/inquirer'].includes(dep),
        );
        if (others.some((dep) => reachable(lock, resolve(lock, start, dep) ?? start).has(where)))
          prompts.delete(where);
      }
      const promptBytes = [...prompts].reduce(
        (sum, where) => sum + diskUsage(path.join(project, where), true),
        0,
      );
      console.log(
        `    of which inquirer + @types/inquirer ${String(prompts.size).padStart(3)}  ${megabytes(promptBytes).padStart(8)}  (prompts, unused)`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Where `name` resolves from the package at `from` (node_modules lookup, as Node does). */
function resolve(lock, from, name) {
  for (let dir = from; ;) {
    const candidate = `${dir}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '') return lock.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at < 0 ? '' : dir.slice(0, at);
  }
}

function reachable(lock, start) {
  const seen = new Set();
  const visit = (where) => {
    if (seen.has(where)) return;
    seen.add(where);
    const entry = lock.packages[where];
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const next = resolve(lock, where, name);
      if (next) visit(next);
    }
  };
  visit(start);
  return seen;
}

/** Bytes on disk (blocks, as du counts them); `own`: without nested node_modules (counted as packages). */
function diskUsage(dir, own = false) {
  let bytes = lstatSync(dir).blocks * 512;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (own && entry.name === 'node_modules') continue;
    const file = path.join(dir, entry.name);
    bytes += entry.isDirectory() ? diskUsage(file, false) : lstatSync(file).blocks * 512;
  }
  return bytes;
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
