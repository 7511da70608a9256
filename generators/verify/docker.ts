// The `docker` step: build the project's own Dockerfile, unchanged, and run the image as production would:
// once on its embedded PGlite (on a volume: what was written survives a restart), once on PostgreSQL. Each run
// must become `healthy` by the image's own HEALTHCHECK, answer the probes, be reachable on every interface, and
// stop promptly with exit code 0 on `docker stop`. The image must run as a non-root user and carry no sources,
// tests, .env or dev dependencies.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HOW } from './how.js';
import { checkWritten, get, runProbes, write } from './http.js';
import { withScratchServices } from './redis.js';
import { freePort, productionSecrets, sleep } from './process.js';
import { runCommand, type StepContext, type StepOutcome } from './run.js';

const MINUTE = 60_000;
const HEALTHY_TIMEOUT_MS = 2 * MINUTE;
/** docker stop's grace period: a clean app is gone well before it; a SIGKILL after it shows as exit code 137. */
const STOP_GRACE_S = 10;

/** What a production image must not contain (besides dev dependencies). */
const NOT_IN_IMAGE = [
  '.env',
  '.git',
  '.github',
  'src',
  'tests',
  'docs',
  'coverage',
  'tsconfig.json',
  'vitest.config.ts',
  'vitest.e2e.config.ts',
  'eslint.config.js',
  'drizzle.config.ts',
];

class DockerFailure extends Error {}

export async function dockerStep(ctx: StepContext): Promise<StepOutcome> {
  const log: string[] = [];
  const docker = async (args: string[], timeoutMs = MINUTE, env: NodeJS.ProcessEnv = {}): Promise<string> => {
    const outcome = await runCommand(['docker', ...args], {
      cwd: ctx.projectDir,
      env: { ...ctx.env, ...env },
      timeoutMs,
    });
    if (!outcome.ok) throw new DockerFailure(`${outcome.message ?? 'docker failed'}\n${outcome.output}`);
    return outcome.output.trim();
  };

  try {
    await docker(['info', '--format', '{{.ServerVersion}}']).catch((error: unknown) => {
      throw new DockerFailure(
        `no Docker engine answers (${firstLine(error)}): ${HOW.dockerEngine}; or pass --skip docker, which makes this an incomplete check`,
      );
    });
  } catch (error) {
    return { ok: false, output: String((error as Error).message), message: firstLine(error) };
  }

  const id = randomBytes(4).toString('hex');
  const tag = `study-verify-${ctx.manifest.name}:${id}`;
  const containers: string[] = [];
  const volume = `study-verify-${ctx.manifest.name}-${id}`;
  try {
    log.push(`$ DOCKER_BUILDKIT=0 docker build --network host --tag ${tag} .`);
    const build = await docker(['build', '--network', 'host', '--tag', tag, '.'], 20 * MINUTE, {
      DOCKER_BUILDKIT: '0',
    }).catch((error: unknown) => {
      throw new DockerFailure(`docker build failed: ${(error as Error).message}`);
    });
    log.push(lastLines(build, 3));

    const size = await inspectImage(tag, docker, ctx.projectDir, log);
    await checkImageContents(tag, docker, ctx.projectDir, log);

    const run = async (name: string, env: Record<string, string>, mounts: string[]): Promise<number> => {
      const port = await freePort();
      const vars = { ...productionSecrets(ctx.manifest), ...env, PORT: String(port) };
      const options = [
        '--network',
        'host',
        ...Object.entries(vars).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
        ...mounts.flatMap((mount) => ['--volume', mount]),
      ];
      if (ctx.manifest.prepare) {
        // In a container of its own, before the app's: an embedded database has one owner at a time.
        await docker(['run', '--rm', ...options, tag, ...ctx.manifest.prepare], 2 * MINUTE).catch(
          (error: unknown) => {
            throw new DockerFailure(
              `prepare (${ctx.manifest.prepare?.join(' ')}) failed: ${(error as Error).message}`,
            );
          },
        );
        log.push(`prepared: ${ctx.manifest.prepare.join(' ')}`);
      }
      await docker(['run', '--detach', '--name', name, ...options, tag]);
      containers.push(name);
      return port;
    };

    // 1. The defaults: embedded PGlite, its data on a volume.
    const pglite = `study-verify-${id}-pglite`;
    const port = await run(pglite, {}, [`${volume}:/app/data`]);
    await serves(pglite, port, 'PGlite', ctx, docker, log);
    const saved = {};
    if (ctx.manifest.write) await expectNoProblem(write(base(port), ctx.manifest.write, log, saved), 'write');
    await stop(pglite, docker, log);
    await docker(['start', pglite]);
    await waitHealthy(pglite, docker, log);
    if (ctx.manifest.write) {
      await expectNoProblem(
        checkWritten(base(port), ctx.manifest.write, log, saved),
        'after a restart, read back',
      );
      log.push('what was written before the restart is still there (volume)');
    }
    await stop(pglite, docker, log);

    // 2. PostgreSQL: the machine's server, a fresh database (and Redis, for a template that uses it).
    const postgres = await withScratchServices(ctx.manifest, async (services) => {
      const name = `study-verify-${id}-postgres`;
      // kit-glue: files the app stores (uploads) live on /app/data in production whatever the database, so this
      // run has a volume too; without it, what `prepare` stored in its own container would be gone.
      const pgPort = await run(name, services, [`${volume}-pg:/app/data`]);
      await serves(name, pgPort, 'PostgreSQL', ctx, docker, log);
      if (ctx.manifest.write) {
        const savedOnPostgres = {};
        await expectNoProblem(write(base(pgPort), ctx.manifest.write, log, savedOnPostgres), 'write');
        await expectNoProblem(
          checkWritten(base(pgPort), ctx.manifest.write, log, savedOnPostgres),
          'read back',
        );
      }
      await stop(name, docker, log);
      return { ok: true, output: '' };
    });
    if (!postgres.ok) throw new DockerFailure(postgres.message ?? 'PostgreSQL run failed');

    return { ok: true, output: log.join('\n'), summary: size };
  } catch (error) {
    if (!(error instanceof DockerFailure)) throw error;
    for (const name of containers.slice(-1)) {
      const logs = await docker(['logs', '--tail', '30', name]).catch(() => '');
      if (logs) log.push(`--- docker logs ${name} (last lines)`, logs);
    }
    return { ok: false, output: `${log.join('\n')}\n${error.message}`, message: firstLine(error) };
  } finally {
    for (const name of containers) await docker(['rm', '--force', name]).catch(() => undefined);
    await docker(['volume', 'rm', '--force', volume, `${volume}-pg`]).catch(() => undefined);
    // --no-prune keeps the layers, which the next build of the same project reuses as its cache.
    await docker(['rmi', '--no-prune', tag]).catch(() => undefined);
  }
}

type Docker = (args: string[], timeoutMs?: number) => Promise<string>;

function base(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** Healthy, reachable on every interface (not only 127.0.0.1), and answering every probe. */
async function serves(
  name: string,
  port: number,
  label: string,
  ctx: StepContext,
  docker: Docker,
  log: string[],
) {
  log.push(`--- ${label}: ${name} on port ${port}`);
  await waitHealthy(name, docker, log);
  const outside = externalAddress();
  if (outside) {
    const answer = await get(`http://${outside}:${port}/health`);
    if (answer?.status !== 200) {
      throw new DockerFailure(
        `${label}: /health answers on 127.0.0.1 but not on ${outside}: the app listens on localhost only; ` +
          'in a container it must listen on 0.0.0.0 (HOST)',
      );
    }
    log.push(`GET http://${outside}:${port}/health → 200 (listens on every interface)`);
  } else {
    log.push('(no network interface besides loopback: listening on every interface not checked)');
  }
  await expectNoProblem(runProbes(base(port), ctx.manifest.probes, log), `${label}: probe`);
}

async function waitHealthy(name: string, docker: Docker, log: string[]): Promise<void> {
  const started = Date.now();
  for (;;) {
    const state = JSON.parse(
      await docker(['inspect', '--format', '{{json .State}}', name]),
    ) as ContainerState;
    if (!state.Health)
      throw new DockerFailure('the image has no HEALTHCHECK: Docker cannot tell whether it works');
    if (state.Status !== 'running') {
      throw new DockerFailure(`the container stopped before it was healthy (exit code ${state.ExitCode})`);
    }
    if (state.Health.Status === 'healthy') {
      log.push(`healthy after ${((Date.now() - started) / 1000).toFixed(1)} s (the image's HEALTHCHECK)`);
      return;
    }
    if (state.Health.Status === 'unhealthy' || Date.now() - started > HEALTHY_TIMEOUT_MS) {
      const last = state.Health.Log?.at(-1);
      throw new DockerFailure(
        `the container did not become healthy (${state.Health.Status} after ${Math.round((Date.now() - started) / 1000)} s)` +
          (last ? `; last HEALTHCHECK: exit ${last.ExitCode} ${last.Output.trim()}` : ''),
      );
    }
    await sleep(500);
  }
}

/** docker stop sends SIGTERM; the app must finish and exit 0 before the grace period ends (no SIGKILL). */
async function stop(name: string, docker: Docker, log: string[]): Promise<void> {
  const started = Date.now();
  await docker(['stop', '--time', String(STOP_GRACE_S), name], (STOP_GRACE_S + 30) * 1000);
  const seconds = (Date.now() - started) / 1000;
  const exitCode = Number(await docker(['inspect', '--format', '{{.State.ExitCode}}', name]));
  if (exitCode !== 0) {
    const why = exitCode === 137 ? ': killed after the grace period, so it ignored SIGTERM' : '';
    throw new DockerFailure(`docker stop: the app exited with code ${exitCode}, expected 0${why}`);
  }
  if (seconds >= STOP_GRACE_S - 1)
    throw new DockerFailure(`docker stop took ${seconds.toFixed(1)} s: not prompt`);
  log.push(`docker stop → exit code 0 in ${seconds.toFixed(1)} s`);
}

/** Non-root user; the size, with the base image's share, for the report. */
async function inspectImage(tag: string, docker: Docker, projectDir: string, log: string[]): Promise<string> {
  const user = await docker(['image', 'inspect', '--format', '{{.Config.User}}', tag]);
  if (user === '' || user === 'root' || user === '0' || user.startsWith('0:')) {
    throw new DockerFailure(
      `the image runs as root (USER is ${JSON.stringify(user || 'unset')}): add USER node`,
    );
  }
  const bytes = Number(await docker(['image', 'inspect', '--format', '{{.Size}}', tag]));
  const from = /^\s*FROM\s+(\S+)(?![\s\S]*^\s*FROM\s)/im.exec(
    await readFile(path.join(projectDir, 'Dockerfile'), 'utf8'),
  )?.[1];
  const baseBytes = from
    ? Number(await docker(['image', 'inspect', '--format', '{{.Size}}', from]).catch(() => 'NaN'))
    : NaN;
  const size = Number.isNaN(baseBytes)
    ? `image ${megabytes(bytes)}`
    : `image ${megabytes(bytes)} (${from} ${megabytes(baseBytes)} + app ${megabytes(bytes - baseBytes)})`;
  log.push(`user ${user}; ${size}`);
  return size;
}

/**
 * Runs node inside the image, as its user: its uid, and which of the things a production image must not have
 * are there. A dev dependency is what npm's own record (node_modules/.package-lock.json) marks `dev`: needed
 * by the dev dependencies only. (A package listed in devDependencies that a runtime dependency also needs, such
 * as a @types package, is rightly kept.) Without that record (pnpm, Yarn, Bun), a package of devDependencies is
 * one too many when no runtime dependency needs it, following the dependencies from package.json.
 */
async function checkImageContents(
  tag: string,
  docker: Docker,
  projectDir: string,
  log: string[],
): Promise<void> {
  const pkg = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const devDependencies = Object.keys(pkg.devDependencies ?? {}).map((name) => `node_modules/${name}`);
  const script = `
    const fs = require('node:fs');
    const [unwanted, devDependencies] = JSON.parse(process.argv[1]);
    let dev;
    try {
      const record = JSON.parse(fs.readFileSync('node_modules/.package-lock.json', 'utf8'));
      dev = Object.entries(record.packages).filter(([, p]) => p.dev).map(([where]) => where);
    } catch {
      // Another manager (no npm record): a dev dependency is fine only where a runtime package needs it.
      const path = require('node:path');
      const needed = new Set();
      // Where Node would find a package from a folder (its exports may hide package.json from require.resolve).
      const locate = (name, from) => {
        for (let dir = from; ; dir = path.dirname(dir)) {
          const file = path.join(dir, 'node_modules', name, 'package.json');
          if (fs.existsSync(file)) return file;
          if (dir === path.dirname(dir)) return undefined;
        }
      };
      const visit = (name, from) => {
        const file = locate(name, from);
        if (!file) return;
        const dir = fs.realpathSync(path.dirname(file));
        if (needed.has(dir)) return;
        needed.add(dir);
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
        for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies })) visit(dep, dir);
      };
      for (const name of Object.keys(JSON.parse(fs.readFileSync('package.json', 'utf8')).dependencies ?? {})) visit(name, process.cwd());
      dev = devDependencies.filter((where) => fs.existsSync(where) && !needed.has(fs.realpathSync(where)));
    }
    const found = [...unwanted, ...dev].filter((p) => fs.existsSync(p));
    console.log(JSON.stringify({ uid: process.getuid(), found }));`;
  const output = await docker([
    'run',
    '--rm',
    '--network',
    'none',
    '--entrypoint',
    'node',
    tag,
    '-e',
    script,
    JSON.stringify([NOT_IN_IMAGE, devDependencies]),
  ]);
  const { uid, found } = JSON.parse(output.split('\n').at(-1) ?? '{}') as { uid: number; found: string[] };
  if (uid === 0) throw new DockerFailure('the app runs as root inside the container (uid 0)');
  if (found.length > 0) {
    throw new DockerFailure(`the image contains what production does not need: ${found.join(', ')}`);
  }
  log.push(`runs as uid ${uid}; no sources, tests, .env or dev dependencies in the image`);
}

async function expectNoProblem(check: Promise<string | undefined>, what: string): Promise<void> {
  const problem = await check;
  if (problem) throw new DockerFailure(`${what} ${problem}`);
}

/** An IPv4 address of this machine that is not loopback: with --network host, the container's too. */
function externalAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return undefined;
}

interface ContainerState {
  Status: string;
  ExitCode: number;
  Health?: { Status: string; Log?: { ExitCode: number; Output: string }[] };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

function lastLines(text: string, count: number): string {
  return text.split('\n').slice(-count).join('\n');
}
