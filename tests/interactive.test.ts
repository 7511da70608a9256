// The interactive path, once, in a real terminal (tmux): answer the prompts and get a project; Ctrl-C at a
// prompt or during rendering leaves nothing behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, fixture, root, tempDir } from './helpers.js';
import { openTerminal, type Terminal } from './tmux.js';

let terminal: Terminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

describe('on a terminal', () => {
  it('asks what flags left open (directory, package name, install, git) and writes the project', async () => {
    const cwd = tempDir();
    terminal = await openTerminal(['--template', fixture('basic')], cwd);
    await terminal.waitFor('Project directory');
    await terminal.keys('My App', 'Enter'); // typing replaces the default shown
    await terminal.waitFor('Package name ("My App" is not a valid one)');
    await terminal.keys('Enter'); // the suggestion: my-app
    await terminal.waitFor('Install dependencies with npm?');
    await terminal.keys('n');
    await terminal.waitFor('Create a git repository with a first commit?');
    await terminal.keys('n');
    expect(await terminal.exitCode()).toBe(0);
    const screen = await terminal.screen();
    expect(screen).toContain('Created my-app from the basic template');
    expect(screen).toContain("cd 'My App'");
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'My App', 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(pkg.name).toBe('my-app');
    expect(existsSync(path.join(cwd, 'My App', '.git'))).toBe(false);
  });

  it('offers the kit templates with their descriptions and builds the one chosen', async () => {
    const cwd = tempDir();
    terminal = await openTerminal(['pick', '--no-install', '--no-git'], cwd);
    await terminal.waitFor('What are you building?');
    // The highlighted choice shows its one-line description: go down the list to the guestbook's.
    for (let tries = 0; !(await terminal.screen()).includes('Server-rendered message board'); tries++) {
      if (tries === 10) throw new Error(`no guestbook in the list:\n${await terminal.screen()}`);
      await terminal.keys('Down');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    const record = JSON.parse(readFileSync(path.join(cwd, 'pick', 'study-project.json'), 'utf8')) as {
      template: string;
    };
    expect(record.template).toBe('guestbook');
    expect(existsSync(path.join(cwd, 'pick', 'src', 'app.ts'))).toBe(true);
  });

  it('asks before writing into a non-empty directory; "Cancel" leaves it untouched', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'app'));
    writeFileSync(path.join(cwd, 'app', 'mine.txt'), 'mine');
    terminal = await openTerminal(['app', '--template', fixture('basic'), '--no-install', '--no-git'], cwd);
    const screen = await terminal.waitFor('Directory "app" is not empty. How do you want to continue?');
    expect(screen).toContain('It removes 1 entry: mine.txt (.git is kept).');
    expect(screen).toContain('None of it is in a git repository: it is gone for good.');
    await terminal.keys('Enter'); // Cancel is the default
    expect(await terminal.exitCode()).toBe(130);
    expect(readdirSync(path.join(cwd, 'app'))).toEqual(['mine.txt']);
  });

  it('a file written into the directory while the question is open is not removed with the rest', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'mine.txt'), 'mine');
    terminal = await openTerminal(['app', '--template', fixture('basic'), '--no-install', '--no-git'], cwd);
    await terminal.waitFor('How do you want to continue?');
    writeFileSync(path.join(app, 'new.txt'), 'written meanwhile');
    await terminal.keys('Down', 'Enter'); // "Remove existing files (keeps .git) and continue"
    expect(await terminal.exitCode()).toBe(1);
    expect(await terminal.screen()).toContain(
      'app changed while the project was being prepared: new.txt is new. Nothing was written',
    );
    expect(readdirSync(app).sort()).toEqual(['mine.txt', 'new.txt']);
  });

  it('Ctrl-C at a prompt: "Cancelled", exit code 130, nothing written', async () => {
    const cwd = tempDir();
    terminal = await openTerminal([], cwd);
    await terminal.waitFor('Project directory');
    await terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(await terminal.screen()).toContain('Cancelled');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('Ctrl-C during rendering: staging removed, the directory it made removed, exit code 130', async () => {
    // A template big enough that rendering takes a while: 4,000 .hbs files.
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
    const cwd = tempDir();
    terminal = await openTerminal(['app', '--template', template, '--yes', '--no-install', '--no-git'], cwd);
    const staging = await waitForStaging(path.join(cwd, 'app'));
    await terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(await terminal.screen()).toContain('Cancelled. Nothing was written: app is as it was.');
    expect(existsSync(path.join(cwd, 'app', staging))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('on a terminal, what a user meets', () => {
  it('Enter at the template question takes the template --yes takes (the guestbook)', async () => {
    const cwd = tempDir();
    terminal = await openTerminal(['pick', '--no-install', '--no-git'], cwd);
    await terminal.waitFor('What are you building?');
    await terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);
    const record = JSON.parse(readFileSync(path.join(cwd, 'pick', 'study-project.json'), 'utf8')) as {
      template: string;
    };
    expect(record.template).toBe('guestbook');
  });

  it('a directory that cannot be written is asked again, with why; Ctrl-U clears the line', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'taken'), 'a file');
    terminal = await openTerminal(['--template', fixture('basic'), '--no-install', '--no-git'], cwd);
    await terminal.waitFor('Project directory');
    await terminal.keys('taken', 'Enter');
    await terminal.waitFor('taken exists and is not a directory');
    await terminal.keys('C-u', 'app', 'Enter'); // "app", not "taken\x15app"
    expect(await terminal.exitCode()).toBe(0);
    expect(existsSync(path.join(cwd, 'app', 'package.json'))).toBe(true);
    expect(readdirSync(cwd).sort()).toEqual(['app', 'taken']);
  });

  it.each([{ FORCE_COLOR: '0' }, { TERM: 'dumb' }])('%o: no colours', async (env) => {
    const run = async (extra: Record<string, string | undefined>): Promise<string> => {
      const cwd = tempDir();
      terminal = await openTerminal(
        ['app', '--template', fixture('basic'), '--yes', '--no-install', '--no-git'],
        cwd,
        {
          env: { NO_COLOR: undefined, ...extra },
        },
      );
      expect(await terminal.exitCode()).toBe(0);
      const screen = await terminal.screen({ escapes: true });
      await terminal.close();
      return screen;
    };
    // eslint-disable-next-line no-control-regex
    const colour = /\u001b\[[0-9;]*m/;
    expect(await run({})).toMatch(colour); // the same run with colours, so the check can see them
    const plain = await run(env);
    expect(plain).toContain('✔ Created app');
    expect(plain).not.toMatch(colour);
  });

  it('Ctrl-C at a prompt under `npm create`: "Cancelled" and no npm error lines', async () => {
    const cwd = tempDir();
    // A project where `npm create study-project` finds this build as create-study-project's bin.
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'class', private: true }));
    mkdirSync(path.join(cwd, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(root, path.join(cwd, 'node_modules', 'create-study-project'));
    symlinkSync(bin, path.join(cwd, 'node_modules', '.bin', 'create-study-project'));
    terminal = await openTerminal([], cwd, { argv: ['npm', 'create', 'study-project'] });
    await terminal.waitFor('Project directory', 30_000);
    await terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(0); // npm prints its error block for any other code
    const screen = await terminal.screen();
    expect(screen).toContain('Cancelled');
    expect(screen).not.toContain('npm error');
  });
});

describe('on a terminal, after the files are written', () => {
  it('Ctrl-C during the install ends it, says what is done and how to finish, exit code 130', async () => {
    const cwd = tempDir();
    terminal = await openTerminal(['app', '--template', fixture('slow-install'), '--yes', '--no-git'], cwd);
    const marker = path.join(cwd, 'app', 'installing.pid');
    for (const deadline = Date.now() + 20_000; !existsSync(marker) || readFileSync(marker, 'utf8') === '';) {
      if (Date.now() > deadline) throw new Error(`the install never started:\n${await terminal.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const installPid = Number(readFileSync(marker, 'utf8'));
    await terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const screen = (await terminal.screen()).replace(/\s+/g, ' ');
    expect(screen).toContain(
      'Cancelled. Stopped while installing. The project is in app with all its files, but its dependencies are not installed. To finish: cd app && npm install',
    );
    expect(() => process.kill(installPid, 0)).toThrow(); // the install's script is gone too
  });
});

async function waitForStaging(dir: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const staging = existsSync(dir)
      ? readdirSync(dir).find((name) => /^\.create-study-project-\d+-/.test(name))
      : undefined;
    if (staging) return staging;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the staging directory never appeared');
}
