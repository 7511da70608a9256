// The interactive path, once, in a real terminal (tmux): answer the prompts and get a project; Ctrl-C at a
// prompt or during rendering leaves nothing behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, tempDir } from './helpers.js';
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
    await terminal.waitFor('Directory "app" is not empty. How do you want to continue?');
    await terminal.keys('Enter'); // Cancel is the default
    expect(await terminal.exitCode()).toBe(130);
    expect(readdirSync(path.join(cwd, 'app'))).toEqual(['mine.txt']);
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

  it('Ctrl-C during rendering: staging removed, nothing written, exit code 130', async () => {
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
    const staging = await waitForStaging(cwd);
    await terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(await terminal.screen()).toContain('Cancelled');
    expect(existsSync(path.join(cwd, staging))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

async function waitForStaging(dir: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const staging = readdirSync(dir).find((name) => name.startsWith('.create-study-project'));
    if (staging) return staging;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the staging directory never appeared');
}
