// The target directory where users really have it: behind a symbolic link, a mount point, a folder they may not
// write, a directory they still had files in, another run going at the same time, a run killed before.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, defaults, fixture, tempDir, treeOf } from './helpers.js';
import { cliOnMounts, quote, treeCommand, unprivileged } from './places.js';

const basic = fixture('basic');
/** A pid no process has (above Linux's pid_max limit): a killed run's. */
const DEAD_PID = 4_194_305;
const runFiles = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.startsWith('.create-study-project'));

/** The user's old project: files in git, one changed, one untracked, an ignored .env. */
function oldProject(app: string): void {
  mkdirSync(path.join(app, 'src'), { recursive: true });
  writeFileSync(path.join(app, 'README.md'), 'old readme\n');
  writeFileSync(path.join(app, '.gitignore'), '.env\n');
  writeFileSync(path.join(app, 'src', 'index.js'), 'old code\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: app,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'old');
  writeFileSync(path.join(app, 'README.md'), 'changed, not committed\n');
  writeFileSync(path.join(app, '.env'), 'SECRET=mine\n');
  writeFileSync(path.join(app, 'notes.txt'), 'untracked\n');
}

describe('--overwrite says what it removes, and loses nothing when it cannot write', () => {
  it('names the count, the first entries, and what git cannot bring back (.env included)', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    oldProject(app);
    const { exitCode, stderr, stdout } = await cli(['app', '--template', basic, ...defaults, '--overwrite'], {
      cwd,
    });
    expect(exitCode).toBe(0);
    expect(stderr).toContain('--overwrite: the project replaces what is in app. It removes 5 entries:');
    expect(stderr).toContain('(.git is kept).');
    expect(stderr).toMatch(/Not committed to git, so gone for good: .*README\.md \(changed\)/);
    for (const name of ['.env', 'notes.txt']) expect(stderr).toMatch(new RegExp(`gone for good: .*${name}`));
    expect(stderr).not.toMatch(/gone for good: .*src/); // committed and unchanged: git has it
    expect(stdout).toContain('Removed the 5 old entries it replaced.');
    expect(readFileSync(path.join(app, 'README.md'), 'utf8')).toContain('# app');
    expect(existsSync(path.join(app, '.env'))).toBe(false);
    expect(runFiles(app)).toEqual([]);
  });

  it('without a git repository, says all of it is gone for good and names .env', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'app'));
    writeFileSync(path.join(cwd, 'app', '.env'), 'SECRET=mine\n');
    writeFileSync(path.join(cwd, 'app', 'a.txt'), 'a\n');
    const { stderr } = await cli(['app', '--template', basic, ...defaults, '--overwrite'], { cwd });
    expect(stderr).toContain('It removes 2 entries: .env, a.txt (.git is kept).');
    expect(stderr).toContain('None of it is in a git repository: it is gone for good, .env included.');
  });

  it('a node_modules it may not move (EACCES, root-owned) stops it before anything changes', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    oldProject(app);
    mkdirSync(path.join(app, 'node_modules', 'left-pad'), { recursive: true });
    writeFileSync(path.join(app, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
    chmodSync(path.join(app, 'node_modules'), 0o555); // as `sudo npm install` leaves it, for this user
    const before = treeOf(app, true);
    const [command, ...prefix] = [...unprivileged(), process.execPath];
    const result = await execa(
      command,
      [...prefix, bin, 'app', '--template', basic, ...defaults, '--overwrite'],
      {
        cwd,
        env: cleanEnv(),
        extendEnv: false,
        reject: false,
      },
    );
    chmodSync(path.join(app, 'node_modules'), 0o755);
    expect(result.stderr).toContain(
      'Cannot move app/node_modules out of the way (EACCES: permission denied); nothing was changed.',
    );
    expect(result.exitCode).toBe(1);
    expect(treeOf(app, true)).toEqual(before);
    expect(runFiles(app)).toEqual([]);
  });

  it('old files it may not delete after the move: the project is written, and it says where they are', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(path.join(app, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(path.join(app, 'node_modules', '.bin', 'tool'), '#!/bin/sh\n');
    chmodSync(path.join(app, 'node_modules', '.bin'), 0o555);
    const [command, ...prefix] = [...unprivileged(), process.execPath];
    const result = await execa(
      command,
      [...prefix, bin, 'app', '--template', basic, ...defaults, '--overwrite'],
      {
        cwd,
        env: cleanEnv(),
        extendEnv: false,
        reject: false,
      },
    );
    const aside = runFiles(app);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^\.create-study-project-old-files-/);
    chmodSync(path.join(app, aside[0]!, 'node_modules', '.bin'), 0o755);
    expect(result.stderr).toContain(
      `The old files could not all be removed (EACCES: permission denied); what is left is in ${path.join(app, aside[0]!)}: remove it yourself.`,
    );
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(app, 'README.md'), 'utf8')).toContain('# app');
    expect(readFileSync(path.join(app, aside[0]!, 'node_modules', '.bin', 'tool'), 'utf8')).toBe(
      '#!/bin/sh\n',
    );
  });

  it('a mount point among the old entries (a node_modules volume) stops it; every file stays as it was', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    oldProject(app);
    const tree = treeCommand(app);
    const run = await cliOnMounts([path.join(app, 'node_modules')], {
      cwd,
      setup: `echo 'module.exports = 1;' > app/node_modules/index.js && (${tree}) > ${quote(path.join(cwd, 'before.txt'))}`,
      args: ['app', '--template', basic, ...defaults, '--overwrite'],
      inspect: `${tree} && ls -a ${quote(app)}`,
    });
    expect(run.stderr).toMatch(/Cannot move app\/node_modules out of the way \(EBUSY|EXDEV/);
    expect(run.stderr).toContain('nothing was changed');
    expect(run.exitCode).toBe(1);
    const before = readFileSync(path.join(cwd, 'before.txt'), 'utf8');
    expect(run.inspected.startsWith(before)).toBe(true); // the same files, modes and contents, node_modules too
    expect(run.inspected).not.toContain('.create-study-project');
  });
});

describe('where users stand', () => {
  it('`create .` in a directory that is a mount point (docker run -v $PWD:/app -w /app)', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    const run = await cliOnMounts([app], {
      cwd: app,
      args: ['.', '--template', basic, ...defaults],
      inspect: `ls -A ${quote(app)}`,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Created app');
    expect(run.exitCode).toBe(0);
    expect(run.inspected.split('\n')).toEqual(
      expect.arrayContaining(['package.json', 'README.md', '.gitignore']),
    );
    expect(run.inspected).not.toContain('.create-study-project');
    expect(readdirSync(cwd)).toEqual(['app']); // nothing in the parent either
  });

  it('`create .` under a parent it may not write', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(app);
    chmodSync(cwd, 0o555);
    const [command, ...prefix] = [...unprivileged(), process.execPath];
    const result = await execa(command, [...prefix, bin, '.', '--template', basic, ...defaults], {
      cwd: app,
      env: cleanEnv(),
      extendEnv: false,
      reject: false,
    });
    chmodSync(cwd, 0o755);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(existsSync(path.join(app, 'package.json'))).toBe(true);
  });

  it('a target, or one of its parents, behind a symbolic link (on macOS /tmp and /var are links)', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'real'));
    symlinkSync('real', path.join(cwd, 'link'));
    const inside = await cli(['link/app', '--template', basic, ...defaults], { cwd });
    expect(inside.stderr).toBe('');
    expect(inside.exitCode).toBe(0);
    expect(existsSync(path.join(cwd, 'real', 'app', 'package.json'))).toBe(true);

    mkdirSync(path.join(cwd, 'real', 'empty'));
    symlinkSync(path.join('real', 'empty'), path.join(cwd, 'to-empty'));
    const itself = await cli(['to-empty', '--template', basic, ...defaults], { cwd });
    expect(itself.stderr).toBe('');
    expect(itself.exitCode).toBe(0);
    expect(existsSync(path.join(cwd, 'real', 'empty', 'package.json'))).toBe(true);

    symlinkSync('nowhere', path.join(cwd, 'dangling'));
    const dangling = await cli(['dangling', '--template', basic, ...defaults], { cwd });
    expect(dangling.stderr).toContain('dangling is a symbolic link to nowhere, which does not exist');
    expect(dangling.exitCode).toBe(1);
  });
});

describe('one run at a time, and only what the user agreed to', () => {
  it('two runs into the same empty directory: one writes, the other says another run is writing', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'app'));
    const template = bigTemplate();
    const first = execa(process.execPath, [bin, 'app', '--template', template, ...defaults], {
      cwd,
      env: cleanEnv(),
      extendEnv: false,
      reject: false,
    });
    await waitFor(() => existsSync(path.join(cwd, 'app', '.create-study-project.lock')));
    const second = await cli(['app', '--template', basic, ...defaults], { cwd });
    expect(second.stderr).toMatch(/Another create-study-project run .*is writing into app/);
    expect(second.exitCode).toBe(1);
    const done = await first;
    expect(done.stdout).toContain('Created app');
    expect(done.exitCode).toBe(0);
    expect(readdirSync(path.join(cwd, 'app'))).toContain('d0'); // the first one's files, not the second's
    expect(existsSync(path.join(cwd, 'app', 'public'))).toBe(false);
    expect(runFiles(path.join(cwd, 'app'))).toEqual([]);
  });

  it('a lock held by a live run is refused even when the target looks empty', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'app'));
    const holder = execa(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    writeFileSync(
      path.join(cwd, 'app', '.create-study-project.lock'),
      JSON.stringify({ pid: holder.pid, host: hostname() }),
    );
    const { exitCode, stderr } = await cli(['app', '--template', basic, ...defaults], { cwd });
    holder.kill();
    await holder.catch(() => undefined);
    expect(stderr).toContain('Another create-study-project run is writing into app');
    expect(exitCode).toBe(1);
  });

  it("a killed run's lock and staging are recognised and removed; what it moved aside is not", async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(path.join(app, `.create-study-project-${DEAD_PID}-AbCdEf123456`), { recursive: true });
    writeFileSync(path.join(app, `.create-study-project-${DEAD_PID}-AbCdEf123456`, 'README.md'), 'half');
    writeFileSync(
      path.join(app, '.create-study-project.lock'),
      JSON.stringify({ pid: DEAD_PID, host: hostname() }),
    );
    const { exitCode, stderr } = await cli(['app', '--template', basic, ...defaults], { cwd });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(runFiles(app)).toEqual([]);

    const other = path.join(cwd, 'other');
    mkdirSync(path.join(other, `.create-study-project-old-files-${DEAD_PID}-AbCdEf123456`), {
      recursive: true,
    });
    const refused = await cli(['other', '--template', basic, ...defaults], { cwd });
    expect(refused.stderr).toContain(
      `is not empty (.create-study-project-old-files-${DEAD_PID}-AbCdEf123456)`,
    );
  });

  it('SIGKILL mid-write leaves nothing a later run trips over', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    const killed = execa(process.execPath, [bin, 'app', '--template', bigTemplate(), ...defaults], {
      cwd,
      env: cleanEnv(),
      extendEnv: false,
      reject: false,
    });
    await waitFor(
      () => existsSync(app) && runFiles(app).some((name) => /^\.create-study-project-\d+-/.test(name)),
    );
    killed.kill('SIGKILL');
    await killed;
    expect(runFiles(app).length).toBeGreaterThan(0); // what the killed run left
    const again = await cli(['app', '--template', basic, ...defaults], { cwd });
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    expect(runFiles(app)).toEqual([]);
  });
});

/** A template big enough that rendering takes a while: 4,000 .hbs files. */
function bigTemplate(): string {
  const template = tempDir();
  writeFileSync(
    path.join(template, 'template.json'),
    JSON.stringify({ name: 'many', title: 'Many', description: 'Thousands of files', layers: [] }),
  );
  for (let dir = 0; dir < 40; dir++) {
    mkdirSync(path.join(template, 'files', `d${dir}`), { recursive: true });
    for (let file = 0; file < 100; file++) {
      writeFileSync(
        path.join(template, 'files', `d${dir}`, `f${file}.txt.hbs`),
        `{{projectName}} ${dir}/${file}\n`,
      );
    }
  }
  return template;
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
