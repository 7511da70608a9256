// `update`, in copier's style: real renders of a template folder into real git repositories, changed as a learner
// changes a project and as an instructor changes a template, then updated with the built CLI. Each test asserts
// what a learner sees: the exit code, the words, the files, `git status`.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, fixture, root, tempDir, treeOf, version, type RunResult } from './helpers.js';
import { openTerminal } from './tmux.js';

type Env = Record<string, string | undefined>;

/** A learner's machine: a git identity, no system config. */
function learnerEnv(extra: Env = {}): Env {
  const home = tempDir();
  writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Ada Learner\n\temail = ada@example.com\n');
  return cleanEnv({
    HOME: home,
    XDG_CONFIG_HOME: undefined,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: undefined,
    ...extra,
  });
}

async function git(cwd: string, args: string[], env: Env): Promise<string> {
  return String((await execa('git', args, { cwd, env, extendEnv: false })).stdout);
}

interface Setup {
  cwd: string;
  app: string;
  tpl: string;
  env: Env;
  update(args?: string[]): Promise<RunResult>;
  git(args: string[]): Promise<string>;
  read(file: string): string;
}

/** The update-app fixture copied to `tpl/`, and `app/` generated from it with git (no install). */
async function generate(
  template = fixture('update-app'),
  createArgs: string[] = ['--no-install'],
): Promise<Setup> {
  const cwd = tempDir();
  const env = learnerEnv();
  const tpl = path.join(cwd, 'tpl');
  cpSync(template, tpl, { recursive: true });
  const made = await cli(['app', '--template', './tpl', '--yes', ...createArgs], { cwd, env });
  expect(made.exitCode, made.all).toBe(0);
  const app = path.join(cwd, 'app');
  return {
    cwd,
    app,
    tpl,
    env,
    update: (args = []) => cli(['update', ...args], { cwd: app, env }),
    git: (args) => git(app, args, env),
    read: (file) => readFileSync(path.join(app, file), 'utf8'),
  };
}

/** Replace text that must be there (so a changed fixture fails here, not silently later). */
function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON files a test changes, any shape
type JsonObject = Record<string, any>;

function editJson(file: string, change: (value: JsonObject) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  change(value);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

const HELLO_ROUTE = "  '/hello': () => '<!doctype html><title>Hello</title><p>Hi!</p>',\n";
const SHOUT = '\nexport function shout(text) {\n  return `${text}!`;\n}\n';

/** What a learner does in a few weeks, committed: each kind of change update must respect. */
async function learnerChanges(setup: Setup): Promise<void> {
  const at = (file: string) => path.join(setup.app, file);
  edit(at('src/views/home.js'), '<h1>${greeting}</h1>', '<h1>${greeting}, class of 2026!</h1>'); // a view
  edit(at('src/routes.js'), "  '/about': about,\n", `  '/about': about,\n${HELLO_ROUTE}`); // a route
  editJson(at('package.json'), (pkg) => {
    pkg.dependencies = { 'learner-lib': '^2.0.0', ...pkg.dependencies }; // a dependency (npm keeps them sorted)
    pkg.scripts.hello = 'node -e "console.log(1)"'; // a script
    pkg.scripts.start = 'node --watch src/server.js'; // a script the template changes too
  });
  edit(at('src/config.js'), 'process.env.PORT ?? 3000', 'process.env.PORT ?? 8080'); // a shared config, at its top
  writeFileSync(at('src/util.js'), `${setup.read('src/util.js')}${SHOUT}`); // a file the template renames
  edit(at('README.md'), '# app\n', '# app\n\nMy notes: the hello page is mine.\n'); // a shared file, at its top
  rmSync(at('docs/notes.md')); // deleted; the template changes it
  rmSync(at('docs/extra.md')); // deleted; the template leaves it
  writeFileSync(at('src/mine.js'), 'export const mine = true;\n'); // a file of their own
  await setup.git(['add', '-A']);
  await setup.git(['commit', '-q', '-m', 'My changes']);
  writeFileSync(at('.env'), 'SECRET=mine\n'); // never committed (.gitignore), never touched
}

/** What the instructor's next version of the template changes. */
function templateV2(tpl: string): void {
  const at = (file: string) => path.join(tpl, 'files', file);
  edit(
    at('README.md.hbs'),
    'Made from the {{template.name}} template.',
    'Made from the {{template.name}} template, version 2.',
  );
  edit(at('src/config.js'), "title: 'Update app',", "title: 'Update app 2',"); // the shared config, at its bottom
  renameSync(at('src/util.js'), at('src/helpers.js')); // a rename
  edit(at('src/views/layout.js'), "from '../util.js'", "from '../helpers.js'");
  // a new option, used by a new file
  editJson(path.join(tpl, 'template.json'), (manifest) => {
    manifest.options.footer = {
      type: 'string',
      default: 'Made in class',
      description: 'the line under every page',
    };
    manifest.package.dependencies = ['study-fixture-router@^1.2.0']; // a dependency bump
    manifest.package.scripts.start = 'node --env-file-if-exists=.env src/server.js';
    manifest.package.scripts.lint = 'node --check src/server.js';
  });
  writeFileSync(at('src/footer.js.hbs'), 'export const footer = {{json options.footer}};\n');
  edit(
    at('src/views/layout.js'),
    "import { config } from '../config.js';",
    "import { config } from '../config.js';\nimport { footer } from '../footer.js';",
  );
  edit(at('src/views/layout.js'), '${body}`', '${body}<footer>${escapeHtml(footer)}</footer>`');
  rmSync(at('src/legacy.js')); // a file removed
  writeFileSync(
    at('docs/notes.md'),
    `${readFileSync(at('docs/notes.md'), 'utf8')}\nfooter.js holds the footer.\n`,
  );
  edit(at('.env.example'), 'PORT=3000\n', 'PORT=3000\nHOST=127.0.0.1\n');
  writeFileSync(at('.env.local'), 'SECRET=from-the-template\n'); // a template that ships a secret file
}

/** Every ref, HEAD and the pseudo-refs a merge moves: what "the repository as it was" means for refs. */
async function refs(setup: Setup): Promise<string> {
  const all = await setup.git(['for-each-ref', '--format=%(refname) %(objectname)']);
  const pseudo = await Promise.all(
    ['HEAD', 'ORIG_HEAD', 'MERGE_HEAD'].map(async (name) => {
      const result = await execa('git', ['rev-parse', '--verify', '-q', name], {
        cwd: setup.app,
        env: setup.env,
        extendEnv: false,
        reject: false,
      });
      return `${name} ${String(result.stdout)}`;
    }),
  );
  return [all, ...pseudo, await setup.git(['symbolic-ref', 'HEAD'])].join('\n');
}

/** Every file of the repository's own directory (objects, index, refs, logs) with its hash. */
function gitDirOf(app: string): Record<string, string> {
  const dir = path.join(app, '.git');
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return files;
}

/** The per-file plan as printed: from "Updating" to the counts. */
function planOf(output: string): string {
  const start = output.indexOf('Updating ');
  const lines = output.slice(start).split('\n');
  const end = lines.findIndex((line) => /^\d+ (updated|new|removed|merged|kept|conflict)/.test(line));
  return lines.slice(0, end + 1).join('\n');
}

describe('update', () => {
  it('merges the new version into a changed project: every rule, and the project still passes its check', async () => {
    const setup = await generate();
    const generated = await setup.git(['rev-parse', 'study-project/template']);
    await learnerChanges(setup);
    templateV2(setup.tpl);

    const dry = await setup.update(['--dry-run', '--defaults']);
    expect(dry.exitCode, dry.all).toBe(0);
    const { exitCode, stdout, all } = await setup.update(['--defaults']);
    expect(exitCode, all).toBe(0);

    // The plan, as printed (and exactly as the dry run printed it).
    expect(planOf(stdout)).toBe(planOf(dry.stdout));
    const plan = planOf(stdout);
    for (const line of [
      /^ {2}updated {3}\.env\.example$/m,
      /^ {2}updated {3}src\/views\/layout\.js$/m,
      /^ {2}new {7}src\/footer\.js$/m,
      /^ {2}removed {3}src\/legacy\.js$/m,
      /^ {2}merged {4}README\.md \(your changes and the new version's\)$/m,
      /^ {2}merged {4}src\/config\.js /m,
      /^ {2}merged {4}src\/helpers\.js \(renamed from src\/util\.js\)/m,
      /^ {2}merged {4}package\.json \(as JSON; where both changed a key, yours stays:\)$/m,
      /^ +scripts\.start: was "node src\/server\.js", yours is "node --watch src\/server\.js", the new version's "node --env-file-if-exists=\.env src\/server\.js"; yours stays$/m,
      /^ {2}kept {6}docs\/notes\.md \(you deleted it, the new version changes it: it stays deleted\)$/m,
      /^ {2}kept {6}docs\/extra\.md \(you deleted it\)$/m,
      /^ {2}kept {6}src\/mine\.js \(you added it\)$/m,
      /^ {2}kept {6}src\/routes\.js \(you changed it\)$/m,
      /^ {2}kept {6}src\/views\/home\.js \(you changed it\)$/m,
    ]) {
      expect(plan).toMatch(line);
    }
    expect(plan).toMatch(
      /^ {2}kept {6}\.env\.local \(the new version changes it; update never writes a \.env file\)$/m,
    );
    expect(plan).not.toContain('conflict');
    expect(stdout).toContain(
      'New option footer (string, default "Made in class": the line under every page) → "Made in class" (the default; --option footer=… to choose).',
    );
    const branch = await setup.git(['branch', '--show-current']);
    expect(stdout).toMatch(
      new RegExp(`✔ Updated to update-app sha256-[0-9a-f]{12}: merged into ${branch} as [0-9a-f]{7}\\.`),
    );
    expect(stdout).toContain('npm run check: see that everything still works');

    // Files the learner never touched take the new version; a new file comes; a removed one goes.
    expect(setup.read('src/views/layout.js')).toContain("from '../helpers.js'");
    expect(setup.read('src/footer.js')).toBe('export const footer = "Made in class";\n');
    expect(existsSync(path.join(setup.app, 'src/legacy.js'))).toBe(false);
    // Files only the learner changed keep the learner's version.
    expect(setup.read('src/views/home.js')).toContain('<h1>${greeting}, class of 2026!</h1>');
    expect(setup.read('src/routes.js')).toContain(HELLO_ROUTE);
    expect(setup.read('src/mine.js')).toBe('export const mine = true;\n');
    // Deleted stays deleted, whether the template changed the file or not.
    expect(existsSync(path.join(setup.app, 'docs/notes.md'))).toBe(false);
    expect(existsSync(path.join(setup.app, 'docs/extra.md'))).toBe(false);
    // Both changed a file in different places: merged.
    expect(setup.read('src/config.js')).toContain('process.env.PORT ?? 8080');
    expect(setup.read('src/config.js')).toContain("title: 'Update app 2',");
    expect(setup.read('README.md')).toContain('My notes: the hello page is mine.');
    expect(setup.read('README.md')).toContain('Made from the update-app template, version 2.');
    // The rename follows through, with the learner's addition.
    expect(existsSync(path.join(setup.app, 'src/util.js'))).toBe(false);
    expect(setup.read('src/helpers.js')).toContain('export function shout(text)');
    // package.json merged as JSON: the learner's dependency and scripts kept, the kit's bump and script taken,
    // the script both changed stays the learner's.
    const pkg = JSON.parse(setup.read('package.json')) as JsonObject;
    expect(pkg.dependencies).toEqual({ 'learner-lib': '^2.0.0', 'study-fixture-router': '^1.2.0' });
    expect(Object.keys(pkg.dependencies as object)).toEqual(['learner-lib', 'study-fixture-router']); // still sorted
    expect(pkg.scripts).toEqual({
      check: 'node --test',
      hello: 'node -e "console.log(1)"',
      lint: 'node --check src/server.js',
      start: 'node --watch src/server.js',
    });
    // Secrets: the learner's .env as it was; the template's .env.local never written; .env.example updated.
    expect(setup.read('.env')).toBe('SECRET=mine\n');
    expect(existsSync(path.join(setup.app, '.env.local'))).toBe(false);
    expect(setup.read('.env.example')).toBe('PORT=3000\nHOST=127.0.0.1\n');
    // The record: the new answers and the template's new version.
    const record = JSON.parse(setup.read('study-project.json'));
    expect(record.options).toEqual({ greeting: 'Hello', footer: 'Made in class' });
    expect(record.templateVersion).toMatch(/^sha256-[0-9a-f]{12}$/);

    // git: everything committed in one merge commit of the learner's branch and the template branch, whose new
    // commit follows the one that was generated.
    expect(await setup.git(['status', '--porcelain'])).toBe('');
    const [, first, second] = (await setup.git(['rev-list', '--parents', '-n', '1', 'HEAD'])).split(' ');
    expect(second).toBe(await setup.git(['rev-parse', 'study-project/template']));
    expect(await setup.git(['rev-parse', 'study-project/template^'])).toBe(generated);
    expect(await setup.git(['log', '-1', '--format=%s', first!])).toBe('My changes');

    // The updated project still passes its own check, and is up to date now.
    const check = await execa('npm', ['run', 'check'], {
      cwd: setup.app,
      env: setup.env,
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(check.exitCode, String(check.all)).toBe(0);
    expect(String(check.all)).toMatch(/\bpass 1\b/);
    const again = await setup.update(['--check']);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.stdout).toContain('Up to date');
  });

  it('a real conflict leaves markers and UU in git status, exits 1 with what to do; --abort restores the project byte for byte', async () => {
    const setup = await generate();
    await learnerChanges(setup);
    edit(
      path.join(setup.app, 'src/views/about.js'),
      'An app made for the update tests.',
      'My own words about my app.',
    );
    await setup.git(['commit', '-q', '-am', 'About, in my words']);
    templateV2(setup.tpl);
    edit(
      path.join(setup.tpl, 'files/src/views/about.js'),
      'An app made for the update tests.',
      'An app made for the update tests, version 2.',
    );
    const files = treeOf(setup.app, true);
    const before = await refs(setup);

    const { exitCode, stdout, stderr } = await setup.update(['--defaults']);
    expect(exitCode).toBe(1);
    expect(planOf(stdout)).toMatch(
      /^ {2}conflict {2}src\/views\/about\.js \(you and the new version changed the same lines\)$/m,
    );
    expect(stderr).toContain('✖ 1 file has conflicts: src/views/about.js');
    expect(stdout).toContain('find the lines between <<<<<<< and >>>>>>>');
    expect(stdout).toContain('To undo the whole update instead: create-study-project update --abort');
    const about = setup.read('src/views/about.js');
    expect(about).toMatch(
      /^<<<<<<< HEAD\n.*My own words about my app\..*\n=======\n.*version 2\..*\n>>>>>>> study-project\/template\n/m,
    );
    const status = (await setup.git(['status', '--porcelain'])).split('\n');
    expect(status).toContain('UU src/views/about.js');
    expect(status).toContain('M  README.md'); // the rest is merged and staged
    expect(status).toContain('D  src/legacy.js');

    // Running update again says what is going on.
    const twice = await setup.update(['--defaults']);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain(
      'An update is in progress: resolve its conflicts and commit (git commit), or undo it: create-study-project update --abort',
    );

    const aborted = await setup.update(['--abort']);
    expect(aborted.exitCode, aborted.all).toBe(0);
    expect(aborted.stdout).toContain(
      'Update aborted: the project, your branch and study-project/template are as they were before it.',
    );
    expect(treeOf(setup.app, true)).toEqual(files);
    expect(await refs(setup)).toBe(before);
    expect(await setup.git(['status', '--porcelain'])).toBe('');
    expect((await setup.update(['--abort'])).stderr).toContain('There is no update to abort.');
  });

  it('git merge --abort restores the files too; the next update merges what is on the template branch, and resolving by hand finishes it', async () => {
    const setup = await generate();
    edit(path.join(setup.app, 'src/views/about.js'), 'An app made for the update tests.', 'My own words.');
    await setup.git(['commit', '-q', '-am', 'About']);
    edit(
      path.join(setup.tpl, 'files/src/views/about.js'),
      'An app made for the update tests.',
      'Version 2 words.',
    );
    const files = treeOf(setup.app, true);

    expect((await setup.update()).exitCode).toBe(1);
    await setup.git(['merge', '--abort']);
    expect(treeOf(setup.app, true)).toEqual(files);
    expect(await setup.git(['status', '--porcelain'])).toBe('');
    const tip = await setup.git(['rev-parse', 'study-project/template']);

    const again = await setup.update();
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toContain('already holds');
    expect(await setup.git(['rev-parse', 'study-project/template'])).toBe(tip); // no second template commit
    // Its note of what to undo lost (a crash, a clean-up): --abort still aborts the merge.
    rmSync(path.join(setup.app, '.git/study-project-update.json'));
    const aborted = await setup.update(['--abort']);
    expect(aborted.stdout).toContain(
      'Merge aborted: your files and branch are as they were before the update',
    );
    expect(treeOf(setup.app, true)).toEqual(files);
    expect((await setup.update()).exitCode).toBe(1);
    writeFileSync(
      path.join(setup.app, 'src/views/about.js'),
      readFileSync(path.join(setup.tpl, 'files/src/views/about.js')),
    );
    await setup.git(['add', 'src/views/about.js']);
    await setup.git(['commit', '-q', '--no-edit']);
    expect(await setup.git(['status', '--porcelain'])).toBe('');
    expect((await setup.update(['--check'])).exitCode).toBe(0);
  });

  it('--dry-run and --check write nothing: the work tree and every byte of .git stay as they were', async () => {
    const setup = await generate();
    await learnerChanges(setup);
    templateV2(setup.tpl);
    const files = treeOf(setup.app, true);
    const gitDir = gitDirOf(setup.app);

    const dry = await setup.update(['--dry-run']); // a new option: its default, said, in a dry run
    expect(dry.exitCode, dry.all).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(dry.stdout).toContain('New option footer');
    const check = await setup.update(['--check']);
    expect(check.exitCode, check.all).toBe(2);
    expect(check.stdout).toMatch(
      /An update is available: update-app sha256-\w+ → update-app sha256-\w+\. Run: npx create-study-project update/,
    );

    expect(treeOf(setup.app, true)).toEqual(files);
    expect(gitDirOf(setup.app)).toEqual(gitDir);

    // The same snapshot sees a real update (the comparison can fail).
    expect((await setup.update(['--defaults'])).exitCode).toBe(0);
    expect(gitDirOf(setup.app)).not.toEqual(gitDir);
  });

  it('a policy the learner adds to the record: "keep" holds a file as it is, and the record keeps the policy', async () => {
    const setup = await generate();
    editJson(
      path.join(setup.app, 'study-project.json'),
      (record) => (record.policies['src/views/*'] = 'keep'),
    );
    await setup.git(['commit', '-q', '-am', 'My views are mine']);
    const about = setup.read('src/views/about.js');
    edit(path.join(setup.tpl, 'files/src/views/about.js'), 'An app made', 'An app, version 2, made');
    edit(path.join(setup.tpl, 'files/docs/extra.md'), 'Nothing here yet.', 'Something now.');

    const { exitCode, stdout, all } = await setup.update();
    expect(exitCode, all).toBe(0);
    expect(planOf(stdout)).toMatch(
      /^ {2}kept {6}src\/views\/about\.js \(the new version changes it; its policy is "keep"\)$/m,
    );
    expect(setup.read('src/views/about.js')).toBe(about);
    expect(setup.read('docs/extra.md')).toContain('Something now.');
    expect(JSON.parse(setup.read('study-project.json')).policies['src/views/*']).toBe('keep');
  });

  it('--check: 0 on a fresh project, 2 when the template changed, 0 after the update', async () => {
    const setup = await generate();
    const fresh = await setup.update(['--check']);
    expect(fresh.exitCode, fresh.all).toBe(0);
    expect(fresh.stdout).toMatch(/^Up to date: update-app sha256-[0-9a-f]{12}\.$/m);
    expect((await setup.update()).stdout).toContain('Nothing to do.');
    edit(path.join(setup.tpl, 'files/docs/extra.md'), 'Nothing here yet.', 'Something now.');
    expect((await setup.update(['--check'])).exitCode).toBe(2);
    expect((await setup.update()).exitCode).toBe(0);
    expect(setup.read('docs/extra.md')).toContain('Something now.');
    expect((await setup.update(['--check'])).exitCode).toBe(0);
  });

  it('lockfiles are never merged: written again by the package manager after the merge, and committed with it', async () => {
    const setup = await generate(fixture('installable'), []); // installed: the first commit has package-lock.json
    expect(await setup.git(['ls-files', 'package-lock.json'])).toBe('package-lock.json');
    editJson(path.join(setup.app, 'package.json'), (pkg) => (pkg.scripts.hello = 'node -e 1'));
    await setup.git(['commit', '-q', '-am', 'A script of mine']);
    // The new version depends on a package in the project itself: npm installs it offline.
    editJson(
      path.join(setup.tpl, 'template.json'),
      (manifest) => (manifest.package.dependencies = ['local-lib@file:vendor/local-lib']),
    );
    mkdirSync(path.join(setup.tpl, 'files/vendor/local-lib'), { recursive: true });
    writeFileSync(
      path.join(setup.tpl, 'files/vendor/local-lib/package.json'),
      '{ "name": "local-lib", "version": "1.0.0" }\n',
    );
    writeFileSync(path.join(setup.tpl, 'files/_gitignore'), 'node_modules/\n'); // it has one now

    const { exitCode, stdout, all } = await setup.update();
    expect(exitCode, all).toBe(0);
    expect(stdout).toContain('lockfile  package-lock.json (written again by npm install after the merge)');
    expect(stdout).toContain('Writing package-lock.json again with npm install');
    expect(await setup.git(['status', '--porcelain'])).toBe('');
    const lock = JSON.parse(await setup.git(['show', 'HEAD:package-lock.json']));
    expect(lock.packages[''].dependencies).toEqual({ 'local-lib': 'file:vendor/local-lib' });
    expect(JSON.parse(setup.read('package.json')).scripts.hello).toBe('node -e 1');
    expect(existsSync(path.join(setup.app, 'node_modules/local-lib/package.json'))).toBe(true);
  });

  it('--no-install leaves the lockfile as it was and says to run the install', async () => {
    const setup = await generate(fixture('installable'), []);
    const lock = setup.read('package-lock.json');
    editJson(
      path.join(setup.tpl, 'template.json'),
      (manifest) => (manifest.package.scripts.start = 'node main.js'),
    );
    const { exitCode, stdout } = await setup.update(['--no-install']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain(
      'package-lock.json (not written again: --no-install; run npm install after the update)',
    );
    expect(stdout).toContain(
      'npm install (package.json changed: it writes package-lock.json again), then commit package-lock.json',
    );
    expect(setup.read('package-lock.json')).toBe(lock);
  });
});

describe('update refuses, with one sentence, and changes nothing', () => {
  async function refused(setup: Setup, args: string[], sentence: string | RegExp): Promise<void> {
    const files = treeOf(setup.app, true);
    const before = await refs(setup);
    const { exitCode, stderr, stdout } = await setup.update(args);
    expect(exitCode, stdout).toBe(1);
    if (typeof sentence === 'string') expect(stderr).toContain(sentence);
    else expect(stderr).toMatch(sentence);
    expect(treeOf(setup.app, true)).toEqual(files);
    expect(await refs(setup)).toBe(before);
  }

  it('a working tree with uncommitted changes (unless --allow-dirty)', async () => {
    const setup = await generate();
    edit(path.join(setup.tpl, 'files/docs/extra.md'), 'Nothing here yet.', 'Something now.');
    writeFileSync(path.join(setup.app, 'src/routes.js'), `${setup.read('src/routes.js')}// mine\n`);
    await refused(
      setup,
      [],
      'The project has changes that are not committed (M src/routes.js). Commit them first',
    );
    await setup.git(['checkout', '--', 'src/routes.js']);
    writeFileSync(path.join(setup.app, 'notes.txt'), 'untracked\n');
    await refused(setup, [], '(?? notes.txt)');
    const dirty = await setup.update(['--allow-dirty']);
    expect(dirty.exitCode, dirty.all).toBe(0);
    expect(setup.read('notes.txt')).toBe('untracked\n');
    expect(setup.read('docs/extra.md')).toContain('Something now.');
    // --allow-dirty, and a change in a file the merge changes: git refuses, and the update is undone.
    writeFileSync(path.join(setup.app, 'docs/extra.md'), 'My local words.\n');
    edit(path.join(setup.tpl, 'files/docs/extra.md'), 'Something now.', 'Something else now.');
    await refused(
      setup,
      ['--allow-dirty'],
      /git did not start the merge:\n.*Your local changes to the following files would be overwritten by merge:[\s\S]*\nNothing was changed\.$/m,
    );
  });

  it('a project it did not make, or outside a repository', async () => {
    const cwd = tempDir();
    const env = learnerEnv();
    const outside = await cli(['update'], { cwd, env });
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain(
      `${cwd} is not a project made by create-study-project: it is not in a git repository and has no study-project.json.`,
    );
    await git(cwd, ['init', '-q'], env);
    writeFileSync(path.join(cwd, 'index.js'), '\n');
    await git(cwd, ['add', '-A'], env);
    await git(cwd, ['commit', '-q', '-m', 'Mine'], env);
    const notOurs = await cli(['update'], { cwd, env });
    expect(notOurs.exitCode).toBe(1);
    expect(notOurs.stderr).toContain(
      `${cwd} is not a project made by create-study-project: it has no study-project.json.`,
    );
    writeFileSync(
      path.join(cwd, 'study-project.json'),
      '{ "generator": { "name": "another-tool", "version": "1.0.0" } }\n',
    );
    const other = await cli(['update'], { cwd, env });
    expect(other.stderr).toContain(
      'study-project.json says the project was made by another-tool, not by create-study-project',
    );
  });

  it('a record newer than this version, a broken record (naming the key), an unknown template', async () => {
    const setup = await generate();
    const record = path.join(setup.app, 'study-project.json');
    const original = readFileSync(record, 'utf8');
    const commitRecord = async (change: (value: JsonObject) => void) => {
      writeFileSync(record, original);
      editJson(record, change);
      await setup.git(['commit', '-q', '-am', 'Record edited']);
    };
    await commitRecord((value) => (value.generator.version = '99.0.0'));
    await refused(
      setup,
      [],
      `This project was made with create-study-project 99.0.0, newer than this one (${version}). Update with that version or a later one: npx create-study-project@latest update`,
    );
    await commitRecord((value) => (value.packageManager = 'pip'));
    await refused(
      setup,
      [],
      'study-project.json: "packageManager" must be one of npm, pnpm, yarn, bun (got "pip")',
    );
    await commitRecord((value) => (value.options.greeting = ['Hi']));
    await refused(
      setup,
      [],
      'study-project.json: "options.greeting" must be a string, a number or true/false (got ["Hi"])',
    );
    await commitRecord((value) => (value.policies['src/**'] = 'mine'));
    await refused(
      setup,
      [],
      'study-project.json: "policies.src/**" must be one of "merge", "json", "regenerate", "keep" (got "mine")',
    );
    await commitRecord((value) => (value.templatFolder = '../tpl'));
    await refused(setup, [], 'study-project.json: unknown key "templatFolder"');
    await commitRecord((value) => delete value.command);
    await refused(
      setup,
      [],
      'study-project.json: "command" must be the command that makes the project again',
    );
    writeFileSync(record, '{ "generator": ');
    await setup.git(['commit', '-q', '-am', 'Broken']);
    await refused(
      setup,
      [],
      /^✖ study-project\.json: not valid JSON \(.+\); fix it, or take the committed one back/,
    );
    await commitRecord((value) => {
      value.template = 'no-such-template';
      delete value.templatePath;
      delete value.templateFolder;
    });
    await refused(
      setup,
      [],
      /"template" is "no-such-template", which this version's kit does not have \(Valid templates: .*guestbook/,
    );
  });

  it('flags that do not go together, a --from that is not there, a template folder that moved', async () => {
    const setup = await generate();
    await refused(
      setup,
      ['--check', '--dry-run'],
      '--check and --dry-run cannot be used together: choose one',
    );
    await refused(
      setup,
      ['--from', 'old.tgz'],
      '--from is for a project without the branch study-project/template',
    );
    await setup.git(['branch', '-D', 'study-project/template']);
    await refused(setup, ['--from', 'nowhere.tgz'], '--from nowhere.tgz: no such file or folder');
    renameSync(setup.tpl, path.join(setup.cwd, 'moved'));
    await refused(
      setup,
      [],
      /made from the template folder \.\.\/tpl, which is not there any more \(looked in .*\): pass --template <where the folder is now>/,
    );
    await refused(setup, ['--template', '../nowhere'], '--template ../nowhere: no template.json in');
  });

  it('a new option without a terminal needs --defaults or --option', async () => {
    const setup = await generate();
    templateV2(setup.tpl);
    await refused(
      setup,
      [],
      'The new version of the template has a new option: footer (string, default "Made in class": the line under every page). Answer with --option footer=…, or take the defaults with --defaults.',
    );
    const given = await setup.update(['--option', 'footer=By Ada']);
    expect(given.exitCode, given.all).toBe(0);
    expect(given.stdout).toContain(
      'New option footer (string, default "Made in class": the line under every page) → "By Ada" (--option).',
    );
    expect(setup.read('src/footer.js')).toBe('export const footer = "By Ada";\n');
  });
});

describe('update of a project without the template branch (made before update existed)', () => {
  /** The record as create wrote it before update: no templateFolder, templateVersion, projectName, policies. */
  async function makeOld(setup: Setup): Promise<void> {
    await setup.git(['branch', '-D', 'study-project/template']);
    editJson(path.join(setup.app, 'study-project.json'), (record) => {
      for (const key of ['templateFolder', 'templateVersion', 'projectName', 'policies']) delete record[key];
    });
    await setup.git(['commit', '-q', '-am', 'As old projects were']);
  }

  it('a folder template: the folder as it was with --from, then a commit records the branch for later updates', async () => {
    const setup = await generate();
    await makeOld(setup);
    await learnerChanges(setup);
    cpSync(setup.tpl, path.join(setup.cwd, 'tpl-then'), { recursive: true });
    templateV2(setup.tpl);

    const without = await setup.update(['--defaults']);
    expect(without.exitCode).toBe(1);
    expect(without.stderr).toContain(
      'This project has no branch study-project/template (it was made before update existed, or the branch was deleted)',
    );
    expect(without.stderr).toContain(
      'the record does not say which version of the template folder it was made from. Pass the folder as it was when the project was made with --from <folder>',
    );

    const { exitCode, stdout, all } = await setup.update(['--defaults', '--from', '../tpl-then']);
    expect(exitCode, all).toBe(0);
    expect(stdout).toContain(
      'No branch study-project/template: rendering the version the project was made with from --from ../tpl-then.',
    );
    expect(setup.read('src/helpers.js')).toContain('export function shout(text)');
    expect(setup.read('src/config.js')).toContain("title: 'Update app 2',");
    expect(setup.read('src/config.js')).toContain('process.env.PORT ?? 8080');
    expect(existsSync(path.join(setup.app, 'docs/notes.md'))).toBe(false);
    expect(JSON.parse(setup.read('package.json')).dependencies).toEqual({
      'learner-lib': '^2.0.0',
      'study-fixture-router': '^1.2.0',
    });
    const record = JSON.parse(setup.read('study-project.json'));
    expect(record.templateVersion).toMatch(/^sha256-/); // the record has the new keys now
    expect(record.policies['package.json']).toBe('json');
    expect(await setup.git(['status', '--porcelain'])).toBe('');
    // The learner's branch: the merge, over the commit that adopted the re-rendered base.
    expect(await setup.git(['log', '-2', '--first-parent', '--format=%s'])).toMatch(
      /^Update to update-app sha256-\w+ .*\nRecord what was generated: the branch study-project\/template \(create-study-project update\)$/,
    );
    expect((await setup.update(['--check'])).exitCode).toBe(0);
  });

  it('a folder template whose folder is unchanged since: rendered from it, nothing to merge, the branch recorded', async () => {
    const setup = await generate();
    await setup.git(['branch', '-D', 'study-project/template']);
    await learnerChanges(setup);
    const head = await setup.git(['rev-parse', 'HEAD']);
    const { exitCode, stdout, all } = await setup.update();
    expect(exitCode, all).toBe(0);
    expect(stdout).toContain('from the template folder (unchanged since: sha256-');
    expect(stdout).toContain('Recorded what was generated on the branch study-project/template');
    expect(await setup.git(['rev-parse', 'HEAD^1'])).toBe(head);
    expect(await setup.git(['rev-parse', 'HEAD^2'])).toBe(
      await setup.git(['rev-parse', 'study-project/template']),
    );
    expect(await setup.git(['diff', 'HEAD^1', 'HEAD'])).toBe(''); // the learner's files as they were
    templateV2(setup.tpl);
    const later = await setup.update(['--defaults']);
    expect(later.exitCode, later.all).toBe(0);
    expect(setup.read('src/helpers.js')).toContain('export function shout(text)');
  });

  it('a kit template made with an older version: says how to get its templates, then takes them from a tarball', async () => {
    const cwd = tempDir();
    const env = learnerEnv();
    expect(
      (await cli(['app', '--template', 'guestbook', '--yes', '--no-install'], { cwd, env })).exitCode,
    ).toBe(0);
    const app = path.join(cwd, 'app');
    await git(app, ['branch', '-D', 'study-project/template'], env);
    editJson(path.join(app, 'study-project.json'), (record) => {
      record.generator.version = '0.0.1';
      for (const key of ['templateFolder', 'templateVersion', 'projectName', 'policies']) delete record[key];
    });
    // As release 0.0.1 generated it: its README said 0.0.1 and had no "## Tests" section heading (below).
    edit(path.join(app, 'README.md'), `\n${version} from the`, '\n0.0.1 from the');
    edit(path.join(app, 'README.md'), '## Tests\n', '');
    await git(app, ['commit', '-q', '-am', 'As 0.0.1 made it'], env);
    edit(path.join(app, 'src/site.ts'), "siteName: '", "siteName: 'My ");
    await git(app, ['commit', '-q', '-am', 'Changed since'], env);

    const without = await cli(['update'], { cwd: app, env });
    expect(without.exitCode).toBe(1);
    expect(without.stderr).toContain(
      `It was made with create-study-project 0.0.1, whose templates are not installed (this is ${version}). Get them and pass them with --from:\n\n  npm pack create-study-project@0.0.1\n  npx create-study-project update --from create-study-project-0.0.1.tgz`,
    );

    // Release 0.0.1, as npm packs it.
    const then = path.join(cwd, 'then', 'package');
    cpSync(path.join(root, 'templates'), path.join(then, 'templates'), { recursive: true });
    writeFileSync(
      path.join(then, 'package.json'),
      '{ "name": "create-study-project", "version": "0.0.1" }\n',
    );
    const readme = path.join(then, 'templates/layers/base/files/README.md.hbs');
    const lines = readFileSync(readme, 'utf8').split('\n');
    const dropped = lines.findIndex((line) => line.startsWith('## Tests'));
    writeFileSync(readme, [...lines.slice(0, dropped), ...lines.slice(dropped + 1)].join('\n'));
    await execa('tar', ['-czf', 'then.tgz', '-C', 'then', 'package'], { cwd });

    const { exitCode, stdout, all } = await cli(['update', '--from', '../then.tgz'], { cwd: app, env });
    expect(exitCode, all).toBe(0);
    expect(stdout).toContain('from --from ../then.tgz');
    expect(stdout).toMatch(/^ {2}updated {3}README\.md$/m);
    expect(readFileSync(path.join(app, 'README.md'), 'utf8')).toContain('## Tests');
    expect(readFileSync(path.join(app, 'src/site.ts'), 'utf8')).toContain("siteName: 'My ");
    expect(JSON.parse(readFileSync(path.join(app, 'study-project.json'), 'utf8')).generator.version).toBe(
      version,
    );
    expect(await git(app, ['status', '--porcelain'], env)).toBe('');
  });
});

describe('update, interrupted or on a terminal', () => {
  it('Ctrl-C (SIGTERM) while git merges: the merge and the template branch are undone, exit 130', async () => {
    const setup = await generate();
    await learnerChanges(setup);
    templateV2(setup.tpl);
    const files = treeOf(setup.app, true);
    const before = await refs(setup);
    // A git that waits 3 s before the first real `git merge`, so the signal arrives while it runs.
    const wrapper = tempDir();
    const realGit = (await execa('sh', ['-c', 'command -v git'])).stdout.trim();
    const merging = path.join(wrapper, 'merging');
    writeFileSync(
      path.join(wrapper, 'git'),
      `#!/bin/sh\ncase " $* " in *" merge --no-ff "*) if [ ! -e '${merging}' ]; then touch '${merging}'; sleep 3; fi;; esac\nexec '${realGit}' "$@"\n`,
      { mode: 0o755 },
    );
    const run = execa(process.execPath, [bin, 'update', '--defaults'], {
      cwd: setup.app,
      env: { ...setup.env, PATH: `${wrapper}:${process.env.PATH}` },
      extendEnv: false,
      reject: false,
      all: true,
    });
    const deadline = Date.now() + 20_000;
    while (!existsSync(merging) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    run.kill('SIGTERM');
    const result = await run;
    expect(result.exitCode, String(result.all)).toBe(130);
    expect(String(result.all)).toContain('Cancelled. The project is as it was before the update.');
    expect(treeOf(setup.app, true)).toEqual(files);
    expect(await refs(setup)).toBe(before);
    expect(await setup.git(['status', '--porcelain'])).toBe('');
  });

  it('asks for a new option on a terminal', async () => {
    const setup = await generate();
    templateV2(setup.tpl);
    const terminal = await openTerminal(['update'], setup.app, {
      env: { HOME: setup.env.HOME, GIT_CONFIG_NOSYSTEM: '1' },
    });
    try {
      await terminal.waitFor('New option footer (the line under every page)');
      await terminal.keys('By Ada', 'Enter'); // typing replaces the default shown
      expect(await terminal.exitCode()).toBe(0);
    } finally {
      await terminal.close();
    }
    expect(setup.read('src/footer.js')).toBe('export const footer = "By Ada";\n');
  });

  it('--help says what update does, its flags and exit codes', async () => {
    const { exitCode, stdout } = await cli(['update', '--help'], { cwd: tempDir() });
    expect(exitCode).toBe(0);
    for (const flag of [
      '--check',
      '--dry-run',
      '--abort',
      '--defaults',
      '--option',
      '--allow-dirty',
      '--no-install',
      '--template',
      '--from',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('2 (--check) an update exists');
  });
});
