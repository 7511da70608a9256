// The template check itself, on fixture templates that take seconds (the real kit is verified by .ci/run).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from './helpers.js';

const STEPS = [
  'generate',
  'update',
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
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^✓ verify-green \(.+\) › \S+ {2}\d+\.\ds( {2}.+)?$/);
    expect(lines.at(-1)).toMatch(/^- verify-green \(.+\) › docker {2}SKIPPED$/);
    expect(stdout).toContain('14 steps passed');
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
    const { exitCode, stdout } = await cli(
      ['verify', fixture('broken-render'), fixture('verify-green'), '--skip', 'update'],
      {
        cwd: tempDir(),
        env: cleanEnv({ FIXTURE_FAIL_STEP: 'typecheck' }),
        timeout: 60_000,
      },
    );
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
    const skip = ['update', 'lint', 'format', 'typecheck'].flatMap((step) => ['--skip', step]);
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

  it('docker: with no engine to talk to, it says so before the first step, and how to start one or skip it', async () => {
    const skip = STEPS.filter((step) => !['generate', 'docker'].includes(step)).flatMap((s) => ['--skip', s]);
    const { exitCode, stdout, stderr } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('  - a Docker engine: none answers (');
    expect(stderr).toContain(
      "(for docker): start one (systemctl start docker; on the project's CI machines ../shared/tools/docker-engine.sh)",
    );
    expect(stderr).toContain('(then it is not a full check): --skip docker');
    expect(stdout).not.toContain(' › ');
  });

  it('whatever the machine lacks is named up front, once each, with how to get it; nothing runs', async () => {
    const before = leftovers();
    const { exitCode, stdout, stderr } = await cli(['verify', fixture('verify-green')], {
      cwd: tempDir(),
      env: cleanEnv({
        PATH: nodeAndNpmOnly(),
        CHROMIUM_PATH: '/nonexistent/chromium',
        VERIFY_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test',
        VERIFY_REDIS_URL: 'redis://127.0.0.1:1',
      }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('verify needs what this machine does not have, so nothing was run:');
    for (const line of [
      '  - PostgreSQL at postgres://postgres@127.0.0.1:1/test: not reachable (',
      '(for test-postgres, docker): start one (Debian/Ubuntu: apt-get install postgresql), or set VERIFY_DATABASE_URL',
      '  - Redis at redis://127.0.0.1:1: not reachable (',
      '(for test-postgres, docker): start one (Debian/Ubuntu: apt-get install redis-server, then redis-server --daemonize yes), or set VERIFY_REDIS_URL',
      '  - Chromium: nothing to run at /nonexistent/chromium (for e2e): Debian/Ubuntu: apt-get install chromium; or set CHROMIUM_PATH',
      '  - docker-compose: not found (nor `docker compose`) (for compose): Debian/Ubuntu: apt-get install docker-compose',
      '  - Docker: the docker command is not found (for docker): Debian/Ubuntu: apt-get install docker.io',
      "  - tmux, which the fixture's tests type in it: not found on PATH (for test, test-postgres): Debian/Ubuntu: apt-get install tmux",
      '  - git: not found on PATH (for update): Debian/Ubuntu: apt-get install git (update needs 2.38 or newer)',
      '--skip test-postgres --skip docker --skip test --skip e2e --skip compose',
    ]) {
      expect(stderr).toContain(line);
    }
    expect(stderr.match(/PostgreSQL at/g)).toHaveLength(1);
    expect(stdout).not.toContain(' › ');
    expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
  });

  it('without docker-compose, and a docker without its compose plugin: named up front, alone', async () => {
    const { exitCode, stdout, stderr } = await cli(['verify', fixture('verify-green')], {
      cwd: tempDir(),
      env: cleanEnv({ PATH: nodeAndNpmOnly('docker', 'tmux', 'git') }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stderr.split('\n').filter((line) => line.startsWith('  - '))).toEqual([
      "  - docker-compose: not found (nor `docker compose`) (for compose): Debian/Ubuntu: apt-get install docker-compose (or Docker's Compose plugin, `docker compose`)",
    ]);
    expect(stderr).not.toContain('exited with code 125');
    expect(stdout).not.toContain(' › ');
  });

  it('what only a skipped step needs is not asked for', async () => {
    const skip = ['test-postgres', 'e2e', 'compose', 'docker'].flatMap((step) => ['--skip', step]);
    const { exitCode, stdout, stderr } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv({
        PATH: nodeAndNpmOnly('tmux', 'git'),
        CHROMIUM_PATH: '/nonexistent/chromium',
        VERIFY_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test',
        VERIFY_REDIS_URL: 'redis://127.0.0.1:1',
      }),
      timeout: 60_000,
    });
    expect(stderr).not.toContain('verify needs');
    expect(stdout).toContain('All templates are green.');
    expect(exitCode).toBe(0);
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

  it('test-postgres: a template whose env has REDIS_URL gets an unused Redis database; none reachable is named before the first step', async () => {
    const skip = STEPS.filter((step) => !['generate', 'install', 'test-postgres'].includes(step)).flatMap(
      (s) => ['--skip', s],
    );
    // The fixture's test script PINGs the Redis it is given and fails without one (tests/fixtures/verify-green).
    const green = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      timeout: 60_000,
    });
    expect(green.stdout).toMatch(/✓ verify-green \(.+\) › test-postgres/);
    const { exitCode, stdout, stderr } = await cli(['verify', fixture('verify-green'), ...skip], {
      cwd: tempDir(),
      env: cleanEnv({ VERIFY_REDIS_URL: 'redis://127.0.0.1:1' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('  - Redis at redis://127.0.0.1:1: not reachable (');
    expect(stderr).toContain('or set VERIFY_REDIS_URL');
    expect(stdout).not.toContain(' › ');
  });

  it('an unreachable PostgreSQL is named before the first step, with how to get one', async () => {
    const { exitCode, stdout, stderr } = await cli(['verify', fixture('verify-green')], {
      cwd: tempDir(),
      env: cleanEnv({ VERIFY_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' }),
      timeout: 60_000,
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('  - PostgreSQL at postgres://postgres@127.0.0.1:1/test: not reachable (');
    expect(stderr).toContain('or set VERIFY_DATABASE_URL');
    expect(stdout).not.toContain(' › ');
  });
  describe('update: a project of the previous release, changed by a learner, updates to this one', () => {
    /** Only generate and update run. */
    const onlyUpdate = STEPS.filter((step) => !['generate', 'update'].includes(step)).flatMap((step) => [
      '--skip',
      step,
    ]);
    /** A copy of verify-green with one more file. */
    function greenWith(file: string, content: string): string {
      const dir = path.join(tempDir(), 'green-copy');
      cpSync(fixture('verify-green'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'files', file), content);
      return dir;
    }

    it('passes on a kit template, and says what it merged', async () => {
      const { exitCode, stdout } = await cli(['verify', 'guestbook', ...onlyUpdate], {
        cwd: tempDir(),
        timeout: 60_000,
      });
      expect(stdout).toMatch(
        /✓ guestbook › update {2}\d+\.\ds {2}6 changes of a release merged with 5 of a learner's, no conflict \(update \d+\.\d s\)/,
      );
      expect(exitCode).toBe(0);
    });

    it('fails when the merge is not clean, naming the file', async () => {
      // A template that tells git never to merge its files: every file both sides changed is a conflict.
      const template = greenWith('.gitattributes', '* -merge\n');
      const { exitCode, stdout } = await cli(['verify', template, ...onlyUpdate], {
        cwd: tempDir(),
        timeout: 60_000,
      });
      expect(exitCode).toBe(1);
      expect(stdout).toMatch(/✗ verify-green \(.+\) › update/);
      expect(stdout).toContain('the update did not merge cleanly: .github/workflows/ci.yml');
    });

    it("fails when a learner's change is lost, naming the files", async () => {
      // A template that ignores a file it ships: the file cannot follow a rename, and the learner's line in it is lost.
      const template = greenWith('_gitignore', 'compose.yaml\n');
      const { exitCode, stdout } = await cli(['verify', template, ...onlyUpdate], {
        cwd: tempDir(),
        timeout: 60_000,
      });
      expect(exitCode).toBe(1);
      expect(stdout).toContain(
        'the update lost or got wrong: compose.yaml: missing; previous-compose.yaml: should not be there',
      );
    });
  });
});

/** A PATH with node, npm and sh (for npm's scripts), and `more`: no docker, no docker-compose unless named. */
function nodeAndNpmOnly(...more: string[]): string {
  const dir = path.join(tempDir(), 'bin');
  mkdirSync(dir);
  symlinkSync(process.execPath, path.join(dir, 'node'));
  for (const tool of ['npm', 'sh', ...more]) {
    const found = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    symlinkSync(realpathSync(found), path.join(dir, tool));
  }
  return dir;
}
