// The template check itself, on fixture templates that take seconds (the real kit is verified by .ci/run).
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from './helpers.js';

const STEPS = [
  'generate',
  'install',
  'lint',
  'format',
  'typecheck',
  'migrations',
  'test',
  'test-postgres',
  'build',
  'start',
  'e2e',
  'workflow',
  'compose',
  'docker',
];
const leftovers = (): string[] => readdirSync(os.tmpdir()).filter((name) => name.startsWith('study-verify-'));

describe('verify', () => {
  // The docker step needs a Docker engine and minutes: `npm run test:docker` (tests/docker/) checks it.
  it('runs every step in order on a green template, one line each, and exits 0', async () => {
    const before = leftovers();
    const { exitCode, stdout } = await cli(['verify', fixture('verify-green'), '--skip', 'docker'], {
      cwd: tempDir(),
      timeout: 60_000,
    });
    const lines = stdout.split('\n').filter((line) => line.includes(' › '));
    expect(lines.map((line) => /› (\S+)/.exec(line)?.[1])).toEqual(STEPS);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^✓ verify-green \(.+\) › \S+ {2}\d+\.\ds$/);
    expect(lines.at(-1)).toMatch(/^- verify-green \(.+\) › docker {2}SKIPPED$/);
    expect(stdout).toContain('13 steps passed');
    expect(stdout).toContain('All templates are green.');
    expect(exitCode).toBe(0);
    expect(leftovers().filter((name) => !before.includes(name))).toEqual([]); // temp dirs removed
  });

  it('a failing step shows its name, why, and the tail of its output; the template stops there; exit 1', async () => {
    const { exitCode, stdout } = await cli(['verify', fixture('install-fails')], {
      cwd: tempDir(),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✓ install-fails \(.+\) › generate/);
    expect(stdout).toMatch(/✗ install-fails \(.+\) › install {2}\d+\.\ds/);
    expect(stdout).toContain('npm install --no-audit --no-fund exited with code');
    expect(stdout).toContain('│ preinstall says no');
    expect(stdout).not.toContain('› lint');
    expect(stdout).toContain('failed at install');
  });

  it('a step failing in the middle stops that template; the next template still runs', async () => {
    const { exitCode, stdout } = await cli(['verify', fixture('broken-render'), fixture('verify-green')], {
      cwd: tempDir(),
      env: cleanEnv({ FIXTURE_FAIL_STEP: 'typecheck' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    // broken-render fails at generate, with the generator's message in the tail
    expect(stdout).toMatch(/✗ broken-render \(.+\) › generate/);
    expect(stdout).toContain('"projectNme" is not in the template context');
    // verify-green fails at typecheck (on purpose), after lint and format passed
    expect(stdout).toMatch(/✓ verify-green \(.+\) › format/);
    expect(stdout).toMatch(/✗ verify-green \(.+\) › typecheck/);
    expect(stdout).toContain('│ typecheck: failing on purpose');
    expect(stdout).not.toMatch(/verify-green \(.+\) › migrations/);
    expect(stdout).toContain('2 of 2 template(s) failed.');
  });

  it('--skip is loud, listed in the summary, and still exits 0; --keep keeps the project', async () => {
    const { exitCode, stdout, stderr } = await cli(
      ['verify', fixture('verify-green'), '--skip', 'e2e', '--skip', 'compose', '--skip', 'docker', '--keep'],
      { cwd: tempDir(), timeout: 60_000 },
    );
    expect(exitCode).toBe(0);
    expect(stderr).toContain('SKIPPING e2e, compose, docker (--skip): this is not a full template check.');
    expect(stdout).toMatch(/- verify-green \(.+\) › e2e {2}SKIPPED/);
    expect(stdout).toContain('SKIPPED: e2e, compose, docker (--skip)');
    const kept = /kept: (\S+)/.exec(stdout)?.[1];
    expect(kept && existsSync(`${kept}/package.json`)).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(path.dirname(kept!), { recursive: true, force: true }); // the temp dir verify made
  });

  it('migrations: db:generate creating a file under drizzle/ fails the step and names the file', async () => {
    const skip = ['lint', 'format', 'typecheck'].flatMap((step) => ['--skip', step]);
    const { exitCode, stdout } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv({ FIXTURE_SCHEMA_CHANGED: '1' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ verify-green \(.+\) › migrations/);
    expect(stdout).toContain('the schema and the committed migrations differ');
    expect(stdout).toContain('│   drizzle/0001_schema_changed.sql');
    expect(stdout).not.toMatch(/› test /);
  });

  it.each([
    [
      { FIXTURE_WRONG_PAGE: '1' },
      'probe GET /: the body does not contain "Hello from verify-green"',
      'GET / → 200 (the body',
    ],
    [
      // The check reads the note back by the id and with the token the write saved: both were filled in.
      { FIXTURE_FORGET_NOTES: '1' },
      'write GET /notes/1: status 404, expected 200',
      'POST /notes → 201',
    ],
    [
      { FIXTURE_STOP_CODE: '3' },
      'the app exited with code 3 after SIGTERM, expected code 0',
      'SIGTERM: closing',
    ],
  ])('start: %o fails the step with a clear message', async (env, message, output) => {
    const skip = STEPS.filter((step) => !['generate', 'install', 'build', 'start'].includes(step)).flatMap(
      (s) => ['--skip', s],
    );
    const { exitCode, stdout } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv(env),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ verify-green \(.+\) › start/);
    expect(stdout).toContain(message);
    expect(stdout).toContain(output);
  });

  it('docker: with no engine to talk to, the step fails and says how to start one or skip it', async () => {
    const skip = STEPS.filter((step) => !['generate', 'docker'].includes(step)).flatMap((s) => ['--skip', s]);
    const { exitCode, stdout } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ verify-green \(.+\) › docker/);
    expect(stdout).toContain('no Docker engine answers');
    expect(stdout).toContain('../shared/tools/docker-engine.sh), or pass --skip docker');
  });

  it('workflow: an actionlint finding fails the step and is printed', async () => {
    const cwd = tempDir();
    cpSync(fixture('verify-green'), path.join(cwd, 'tpl'), { recursive: true });
    const workflow = path.join(cwd, 'tpl/files/.github/workflows/ci.yml');
    writeFileSync(
      workflow,
      readFileSync(workflow, 'utf8').replace('${{ matrix.node }}', '${{ matrix.nod }}'),
    );
    const skip = STEPS.filter((step) => !['generate', 'workflow'].includes(step)).flatMap((step) => [
      '--skip',
      step,
    ]);
    const { exitCode, stdout } = await cli(['verify', './tpl', ...skip], { cwd, timeout: 60_000 });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ verify-green \(\.\/tpl\) › workflow/);
    expect(stdout).toContain('actionlint found 1 problem(s) in .github/workflows/ci.yml');
    expect(stdout).toMatch(/│ \.github\/workflows\/ci\.yml:\d+:\d+: .*"nod".*\[expression\]/);
  });

  it('unknown steps and unknown templates are errors that list the valid ones', async () => {
    const unknownStep = await cli(['verify', fixture('verify-green'), '--skip', 'lnt'], { cwd: tempDir() });
    expect(unknownStep.exitCode).toBe(1);
    expect(unknownStep.stderr).toContain(`Unknown step(s) for --skip: lnt. Steps: ${STEPS.join(', ')}`);
    const unknownTemplate = await cli(['verify', 'nope'], { cwd: tempDir() });
    expect(unknownTemplate.exitCode).toBe(1);
    expect(unknownTemplate.stdout).toContain('Unknown template "nope". Valid templates:');
  });

  it('test-postgres: a template whose env has REDIS_URL gets an unused Redis database; none reachable fails the step', async () => {
    const skip = STEPS.filter((step) => !['generate', 'install', 'test-postgres'].includes(step)).flatMap(
      (s) => ['--skip', s],
    );
    // The fixture's test script PINGs the Redis it is given and fails without one (tests/fixtures/verify-green).
    const green = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      timeout: 60_000,
    });
    expect(green.stdout).toMatch(/✓ verify-green \(.+\) › test-postgres/);
    const { exitCode, stdout } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv({ VERIFY_REDIS_URL: 'redis://127.0.0.1:1' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ verify-green \(.+\) › test-postgres/);
    expect(stdout).toContain('Redis is not reachable at redis://127.0.0.1:1');
    expect(stdout).toContain('set VERIFY_REDIS_URL');
  });

  it('an unreachable PostgreSQL fails test-postgres with a clear message', async () => {
    const { exitCode, stdout } = await cli(['verify', fixture('verify-green')], {
      cwd: tempDir(),
      env: cleanEnv({ VERIFY_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ verify-green \(.+\) › test-postgres/);
    expect(stdout).toContain('PostgreSQL is not reachable at postgres://postgres@127.0.0.1:1/test');
    expect(stdout).toContain('set VERIFY_DATABASE_URL');
  });
});
