// The command line as a user meets it: help, version, list, and the errors for what was not given or is wrong.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, cli, defaults, fixture, root, tempDir, version } from './helpers.js';

describe('help, version, list', () => {
  it('--help shows the commands, the flags and examples', async () => {
    const { exitCode, stdout } = await cli(['--help'], { cwd: tempDir() });
    expect(exitCode).toBe(0);
    for (const text of [
      '--template',
      '--no-install',
      '--dry-run',
      '--preset',
      '--option',
      'list',
      'verify',
      'Examples:',
    ]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toContain('create-study-project my-guestbook --template guestbook --yes');
  });

  it('--version prints the package version', async () => {
    const { exitCode, stdout } = await cli(['--version'], { cwd: tempDir() });
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('list prints every kit template with its description; --json is machine-readable', async () => {
    const text = await cli(['list'], { cwd: tempDir() });
    const json = await cli(['list', '--json'], { cwd: tempDir() });
    expect(text.exitCode).toBe(0);
    expect(json.exitCode).toBe(0);
    const rows = JSON.parse(json.stdout) as { name: string; description: string; layers: string[] }[];
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) {
      expect(row.description).not.toBe('');
      expect(text.stdout).toContain(row.name);
      expect(text.stdout).toContain(row.description);
    }
    if (rows.length === 0) expect(text.stdout).toContain('no templates');
  });

  it('says plainly that an old Node is too old (system Node 20), no stack trace', async () => {
    // An older Node than we support: the system's on the CI machines, OLD_NODE elsewhere (see .github/workflows).
    const oldNode = process.env.OLD_NODE ?? '/usr/bin/node';
    const version = (await execa(oldNode, ['-p', 'process.versions.node'])).stdout;
    expect(
      Number(version.split('.')[0]),
      `${oldNode} is Node ${version}; set OLD_NODE to a Node older than 22`,
    ).toBeLessThan(22);
    const result = await execa(oldNode, [bin, '--version'], { reject: false });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^create-study-project needs Node\.js 22\.13 or newer; you have v\d+\.\d+\.\d+\. Install Node 24 LTS: https:\/\/nodejs\.org$/,
    );
  });
});

describe('without a terminal nothing is asked', () => {
  it('names every missing flag in one line, exit code 1, and writes nothing', async () => {
    const cwd = tempDir();
    const { exitCode, stderr } = await cli([], { cwd });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('No terminal to ask on');
    for (const flag of [
      'the directory (first argument)',
      '--template',
      '--install or --no-install',
      '--git or --no-git',
    ]) {
      expect(stderr).toContain(flag);
    }
    expect(stderr).toContain('--yes');
  });

  it('only the flags still missing are named', async () => {
    const { exitCode, stderr } = await cli(['app', '--template', fixture('basic'), '--no-install'], {
      cwd: tempDir(),
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('--git or --no-git');
    expect(stderr).not.toContain('--template');
    expect(stderr).not.toContain('--install or');
  });

  it('an unknown flag is an error pointing to --help', async () => {
    const { exitCode, stderr } = await cli(['app', '--templat', 'x'], { cwd: tempDir() });
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/Unknown argument/i);
    expect(stderr).toContain('--help');
  });
});

describe('invalid input names what is wrong and what is allowed', () => {
  it('an unknown template lists the valid ones', async () => {
    const { exitCode, stderr } = await cli(['app', '--template', 'nope', ...defaults], { cwd: tempDir() });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('Unknown template "nope". Valid templates:');
  });

  it('a folder without template.json is an error', async () => {
    const cwd = tempDir();
    const { exitCode, stderr } = await cli(['app', '--template', './missing', ...defaults], { cwd });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('has no template.json');
  });

  it('a directory that is not a valid package name needs --name, with a suggestion', async () => {
    const cwd = tempDir();
    const bad = await cli(['My App', '--template', fixture('basic'), '--no-install', '--no-git'], { cwd });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('"My App" is not a valid npm package name');
    expect(bad.stderr).toContain('--name my-app');
    const good = await cli(['My App', '--name', 'my-app', '--template', fixture('basic'), ...defaults], {
      cwd,
    });
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(await readText(path.join(cwd, 'My App', 'package.json'))).name).toBe('my-app');
  });

  it('with --yes, a directory that is not a valid package name takes the suggested one (as create-vite does)', async () => {
    const cwd = tempDir();
    const { exitCode, stdout } = await cli(['My App', '--template', fixture('basic'), ...defaults], { cwd });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Package name: my-app (the directory name "My App" is not a valid one:');
    expect(JSON.parse(await readText(path.join(cwd, 'My App', 'package.json'))).name).toBe('my-app');
    // and its image name is one Docker takes
    expect(await readText(path.join(cwd, 'My App', 'README.md'))).toContain('docker build -t my-app .');
    const scoped = await cli(
      ['app', '--name', '@class/my_app', '--template', fixture('basic'), ...defaults],
      {
        cwd,
      },
    );
    expect(scoped.exitCode).toBe(0);
    expect(await readText(path.join(cwd, 'app', 'README.md'))).toContain('docker build -t class/my_app .');
  });

  it('the generator asks for the Node its projects need', async () => {
    const cwd = tempDir();
    const own = (JSON.parse(await readText(path.join(root, 'package.json'))) as { engines: { node: string } })
      .engines.node;
    expect((await cli(['app', '--template', fixture('basic'), ...defaults], { cwd })).exitCode).toBe(0);
    const generated = JSON.parse(await readText(path.join(cwd, 'app', 'package.json'))).engines.node;
    expect(own).toBe(generated);
    const minimum = /^>=(\d+\.\d+)$/.exec(own)![1]!;
    expect(await readText(bin)).toContain(`var MINIMUM = [${minimum.replace('.', ', ')}];`);
  });

  it('an invalid --name is refused', async () => {
    const { exitCode, stderr } = await cli(
      ['app', '--name', 'Bad Name', '--template', fixture('basic'), ...defaults],
      {
        cwd: tempDir(),
      },
    );
    expect(exitCode).toBe(1);
    expect(stderr).toContain('Invalid package name "Bad Name"');
  });

  it('an unknown package manager lists the valid ones', async () => {
    const { exitCode, stderr } = await cli(
      ['app', '--package-manager', 'npx', '--template', fixture('basic'), ...defaults],
      { cwd: tempDir() },
    );
    expect(exitCode).toBe(1);
    expect(stderr).toContain('Valid values: npm, pnpm, yarn, bun');
  });

  it('options are checked against the manifest: unknown name, type, range', async () => {
    const cwd = tempDir();
    const run = (option: string) =>
      cli(['app', '--template', fixture('basic'), ...defaults, '--option', option], { cwd });
    const unknown = await run('pageSiz=3');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'has no option "pageSiz". Its options: pageSize (number, default 10), greeting',
    );
    const notNumber = await run('pageSize=many');
    expect(notNumber.stderr).toContain('Option pageSize=many is invalid: expected an integer ≥ 1 ≤ 100');
    const tooBig = await run('pageSize=1000');
    expect(tooBig.exitCode).toBe(1);
    expect(tooBig.stderr).toContain('expected an integer ≥ 1 ≤ 100');
    const notBoolean = await run('dark=yes');
    expect(notBoolean.stderr).toContain('Option dark=yes is invalid: expected true or false');
    const noEquals = await run('pageSize');
    expect(noEquals.stderr).toContain('--option expects key=value, got "pageSize"');
  });

  it('a template manifest with an unknown key or a bad option definition names the file and the key', async () => {
    const cwd = tempDir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(cwd, 'tpl'));
    const manifest = (content: object) =>
      writeFileSync(path.join(cwd, 'tpl', 'template.json'), JSON.stringify(content));
    manifest({ name: 'tpl', title: 'T', description: 'D', layrs: [] });
    const unknownKey = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(unknownKey.exitCode).toBe(1);
    expect(unknownKey.stderr).toContain(
      'template.json: unknown key "layrs" (allowed: name, title, description',
    );
    manifest({ name: 'tpl', title: 'T', description: 'D', options: { size: { type: 'int', default: 1 } } });
    const badOption = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(badOption.stderr).toContain(
      '"options.size.type" must be "number", "string" or "boolean" (got "int")',
    );
    manifest({ name: 'tpl', title: 'T', description: 'D', layers: ['bse'] });
    const badLayer = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(badLayer.stderr).toMatch(/"layers\[0\]" must be one of the kit's layers: .* \(got "bse"\)/);
    // write: a value may be used only after a request saved it.
    const request = { method: 'POST', path: '/items', json: {}, status: 201 };
    manifest({
      name: 'tpl',
      title: 'T',
      description: 'D',
      write: {
        requests: [
          { ...request, headers: { authorization: 'Bearer {{token}}' } },
          { ...request, save: { token: 'token' } },
        ],
        check: { path: '/items', contains: 'x' },
      },
    });
    const unsaved = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(unsaved.stderr).toContain(
      '"write.requests[0]" must be a value saved by an earlier request ("save") (got "{{token}}")',
    );
    manifest({
      name: 'tpl',
      title: 'T',
      description: 'D',
      write: {
        requests: [{ ...request, save: { 'the token': 'token' } }],
        check: { path: '/items', contains: 'x' },
      },
    });
    const badName = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(badName.stderr).toContain('"write.requests[0].save" must be an object of name');
  });

  it('a file where the directory should be is an error', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'app'), 'a file');
    const { exitCode, stderr } = await cli(['app', '--template', fixture('basic'), ...defaults], { cwd });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('app exists and is not a directory');
  });

  it('a directory that contains the current one is refused', async () => {
    const { exitCode, stderr } = await cli(
      ['..', '--template', fixture('basic'), ...defaults, '--overwrite'],
      {
        cwd: tempDir(),
      },
    );
    expect(exitCode).toBe(1);
    expect(stderr).toContain('it contains the current directory');
  });
});

describe('inputs that could slip through', () => {
  it.each([
    [['-t', 'guestbook', '-t', 'blog'], '--template was given 2 times ("guestbook", "blog"): give it once'],
    [['--name', 'a', '--name', 'b'], '--name was given 2 times ("a", "b"): give it once'],
    [
      ['--preset', 'a.json', '--preset', 'b.json'],
      '--preset was given 2 times ("a.json", "b.json"): give it once',
    ],
    [
      ['--package-manager', 'npm', '--package-manager', 'pnpm'],
      '--package-manager was given 2 times ("npm", "pnpm"): give it once',
    ],
    [
      ['--option', 'pageSize=2', '--option', 'pageSize=3'],
      '--option pageSize was given 2 times ("2", "3"): give it once',
    ],
  ])('a flag given twice (%j) is one sentence, and nothing is written', async (flags, message) => {
    const cwd = tempDir();
    const { exitCode, stderr } = await cli(['app', ...defaults, ...flags], { cwd });
    expect(stderr.trim()).toBe(`✖ ${message}`);
    expect(exitCode).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '--option %s=5 is an unknown option, not a lookup through Object.prototype',
    async (name) => {
      const cwd = tempDir();
      const { exitCode, stderr } = await cli(
        ['app', '--template', fixture('basic'), ...defaults, '--option', `${name}=5`],
        { cwd },
      );
      expect(stderr).toContain(`Template basic has no option "${name}". Its options: pageSize`);
      expect(exitCode).toBe(1);
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it.each(['2.5', '0x10', '1e1', '0b11', ' 5', '5 ', '+Infinity', '9007199254740993'])(
    "the guestbook's pageSize=%j is refused: integers are integers, written in decimal",
    async (value) => {
      const cwd = tempDir();
      const { exitCode, stderr } = await cli(
        ['app', '--template', 'guestbook', ...defaults, '--option', `pageSize=${value}`],
        { cwd },
      );
      expect(stderr).toContain(`Option pageSize=${value} is invalid: expected an integer ≥ 1 ≤ 100`);
      expect(exitCode).toBe(1);
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it('an integer option takes decimal integers, from a flag or a preset', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'p.json'), JSON.stringify({ options: { pageSize: 7.5 } }));
    const fromPreset = await cli(['app', '--template', fixture('basic'), ...defaults, '--preset', 'p.json'], {
      cwd,
    });
    expect(fromPreset.stderr).toContain('Option pageSize=7.5 is invalid: expected an integer ≥ 1 ≤ 100');
    const good = await cli(['app', '--template', fixture('basic'), ...defaults, '--option', 'pageSize=042'], {
      cwd,
    });
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(await readText(path.join(cwd, 'app', 'study-project.json'))).options.pageSize).toBe(42);
  });

  it('a manifest whose option default breaks its own rules is refused, naming the key', async () => {
    const cwd = tempDir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(cwd, 'tpl'));
    const manifest = (options: object) =>
      writeFileSync(
        path.join(cwd, 'tpl', 'template.json'),
        JSON.stringify({ name: 'tpl', title: 'T', description: 'D', options }),
      );
    manifest({ size: { type: 'number', default: 1.5 } });
    const fraction = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(fraction.stderr).toContain('"options.size.default" must be an integer (got 1.5)');
    manifest({ size: { type: 'number', default: 0, min: 1 } });
    const outOfRange = await cli(['app', '--template', './tpl', ...defaults], { cwd });
    expect(outOfRange.stderr).toContain('"options.size.default" must be ≥ 1 (got 0)');
    manifest({ ratio: { type: 'number', default: 0.5, integer: false } });
    const ratio = await cli(['app', '--template', './tpl', ...defaults, '--option', 'ratio=0.25'], { cwd });
    expect(ratio.exitCode).toBe(0);
    manifest({ 'page size': { type: 'number', default: 1 } });
    const badName = await cli(['app', '--template', './tpl', ...defaults, '--overwrite'], { cwd });
    expect(badName.stderr).toContain('"options.page size" must be a name of letters, digits and _');
  });
});

describe('preset files', () => {
  it('unknown keys and bad values name the key and the allowed values', async () => {
    const cwd = tempDir();
    const preset = (content: object): string => {
      const file = path.join(cwd, 'preset.json');
      writeFileSync(file, JSON.stringify(content));
      return file;
    };
    const unknown = await cli(['app', '--preset', preset({ templat: 'guestbook' })], { cwd });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'unknown key "templat". Allowed keys: dir, template, name, install, git',
    );
    const badManager = await cli(['app', '--preset', preset({ packageManager: 'pip' })], { cwd });
    expect(badManager.stderr).toContain('"packageManager" must be one of npm, pnpm, yarn, bun (got "pip")');
    const badBoolean = await cli(['app', '--preset', preset({ install: 'no' })], { cwd });
    expect(badBoolean.stderr).toContain('"install" must be true or false (got "no")');
    const traversal = await cli(['--preset', preset({ dir: '../../elsewhere' })], { cwd });
    expect(traversal.stderr).toContain('"dir" must be a relative directory path without ".."');
    const nullOption = await cli(['app', '--preset', preset({ options: { pageSize: null } })], { cwd });
    expect(nullOption.stderr).toContain('"options.pageSize" must be a string, number or boolean (got null)');
    expect(readdirSync(cwd)).toEqual(['preset.json']);
  });

  it('a preset saved with a UTF-8 byte order mark (Windows Notepad) is read', async () => {
    const cwd = tempDir();
    const { cpSync } = await import('node:fs');
    cpSync(fixture('basic'), path.join(cwd, 'tpl'), { recursive: true });
    const json = JSON.stringify({ template: './tpl', install: false, git: false, options: { pageSize: 3 } });
    writeFileSync(path.join(cwd, 'cohort.json'), `\uFEFF${json}`);
    const { exitCode, stderr } = await cli(['alice', '--preset', 'cohort.json'], { cwd });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(JSON.parse(await readText(path.join(cwd, 'alice', 'study-project.json'))).options.pageSize).toBe(
      3,
    );
  });

  it('answers come from the preset, flags win, and a template path is relative to the preset file', async () => {
    const cwd = tempDir();
    const presetDir = path.join(cwd, 'course');
    const { mkdirSync, cpSync } = await import('node:fs');
    mkdirSync(presetDir);
    cpSync(fixture('basic'), path.join(presetDir, 'tpl'), { recursive: true });
    writeFileSync(
      path.join(presetDir, 'cohort.json'),
      JSON.stringify({
        template: './tpl',
        install: false,
        git: false,
        options: { pageSize: 25, greeting: 'Hi' },
      }),
    );
    const { exitCode, all } = await cli(
      ['alice', '--preset', 'course/cohort.json', '--option', 'greeting=Hey'],
      { cwd },
    );
    expect(all).toContain('Created');
    expect(exitCode).toBe(0);
    const record = JSON.parse(await readText(path.join(cwd, 'alice', 'study-project.json')));
    expect(record.options).toEqual({ pageSize: 25, greeting: 'Hey', dark: false });
    expect(record.templatePath).toBe('./course/tpl');
  });
});

async function readText(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8');
}
