// Creating a project: the file rules, the target directory rules, staging and rollback, the answers record.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, defaults, fixture, tempDir, treeOf } from './helpers.js';

const basic = fixture('basic');

describe('file rules', () => {
  it('writes the files of the template with the rules of the contract', async () => {
    const cwd = tempDir();
    const { exitCode, stdout } = await cli(['my-app', '--template', basic, ...defaults], { cwd });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Created my-app');
    const app = path.join(cwd, 'my-app');
    const read = (file: string): string => readFileSync(path.join(app, file), 'utf8');

    // dot-files are included; _gitignore → .gitignore, _npmrc → .npmrc; .hbs is rendered and dropped
    expect(Object.keys(treeOf(app)).sort()).toEqual(
      [
        '.editorconfig',
        '.env.example',
        '.github/workflows/ci.yml',
        '.gitignore',
        '.npmrc',
        'README.md',
        'package.json',
        'public/logo.png',
        'scripts/hello.sh',
        'src/main.js',
        'study-project.json',
      ].map((file) => file.split('/').join(path.sep)),
    );
    expect(read('.gitignore')).toBe(readFileSync(path.join(basic, 'files', '_gitignore'), 'utf8'));

    // GitHub expressions and Handlebars-looking text in non-.hbs files come out exactly as written
    expect(read('.github/workflows/ci.yml')).toContain('node-version: ${{ matrix.node }}');
    expect(read('.github/workflows/ci.yml')).toBe(
      readFileSync(path.join(basic, 'files/.github/workflows/ci.yml'), 'utf8'),
    );
    expect(read('src/main.js')).toContain('{{ this is not rendered }}');

    // binary files byte for byte; executable mode kept
    expect(
      readFileSync(path.join(app, 'public/logo.png')).equals(
        readFileSync(path.join(basic, 'files/public/logo.png')),
      ),
    ).toBe(true);
    expect(statSync(path.join(app, 'scripts/hello.sh')).mode & 0o111).not.toBe(0);
    expect(statSync(path.join(app, 'README.md')).mode & 0o111).toBe(0);
    // the project directory itself gets normal permissions (not the staging dir's 0700)
    expect(statSync(app).mode & 0o755).toBe(0o755);

    // rendering: context, partials, helpers, no HTML escaping, layers.x for layers that are not used
    const readme = read('README.md');
    expect(readme).toContain('# my-app');
    expect(readme).toContain('Generated for my-app.'); // partial
    expect(readme).toContain('Page size: 10; greeting: Hello.');
    expect(readme).toContain('No web layer.');
    expect(readme).not.toContain('api layer');
    expect(readme).toContain('Run `npm run dev`. Needs Node >=22.13 (built on 24).');
    expect(readme).toContain('- PORT=3000 — HTTP port');
    expect(readme).toContain('"dev": "node src/main.js"'); // json helper
    expect(readme).toContain('npm it is: <b>&amp;</b>'); // eq helper, not escaped

    const pkg = JSON.parse(read('package.json'));
    expect(pkg).toMatchObject({ name: 'my-app', version: '0.1.0', private: true, type: 'module' });
    expect(pkg.scripts).toEqual({ dev: 'node src/main.js', start: 'node src/main.js' });
  });

  it('template options reach the templates', async () => {
    const cwd = tempDir();
    const args = [
      'app',
      '--template',
      basic,
      ...defaults,
      '--option',
      'pageSize=20',
      '--option',
      'dark=true',
    ];
    expect((await cli(args, { cwd })).exitCode).toBe(0);
    expect(readFileSync(path.join(cwd, 'app/README.md'), 'utf8')).toContain(
      'Page size: 20; greeting: Hello; dark theme.',
    );
  });

  it('strict rendering: an unknown name fails with the file and line, and nothing is written', async () => {
    const cwd = tempDir();
    const { exitCode, stderr } = await cli(['app', '--template', fixture('broken-render'), ...defaults], {
      cwd,
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain(
      'files/z-broken.md.hbs: line 3, column 11: "projectNme" is not in the template context',
    );
    expect(readdirSync(cwd)).toEqual([]); // no target, no staging leftovers
  });
});

describe('the target directory', () => {
  it('a non-empty target is refused without --overwrite and left byte-identical', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(path.join(app, 'notes'), { recursive: true });
    writeFileSync(path.join(app, 'keep.txt'), 'mine');
    writeFileSync(path.join(app, 'notes/todo.md'), '- nothing');
    const before = treeOf(app, true);
    const { exitCode, stderr } = await cli(['app', '--template', basic, ...defaults], { cwd });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('Target directory app is not empty (keep.txt, notes). Pass --overwrite');
    expect(treeOf(app, true)).toEqual(before);
    expect(readdirSync(cwd)).toEqual(['app']);
  });

  it('a directory with only .git counts as empty, and .git is kept', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(path.join(app, '.git'), { recursive: true });
    writeFileSync(path.join(app, '.git/HEAD'), 'ref: refs/heads/main\n');
    const { exitCode } = await cli(['app', '--template', basic, ...defaults], { cwd });
    expect(exitCode).toBe(0);
    expect(readFileSync(path.join(app, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(existsSync(path.join(app, 'package.json'))).toBe(true);
  });

  it('--overwrite replaces the files but keeps .git', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(path.join(app, '.git'), { recursive: true });
    writeFileSync(path.join(app, '.git/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(app, 'old.txt'), 'old');
    writeFileSync(path.join(app, 'README.md'), 'old readme');
    const { exitCode } = await cli(['app', '--template', basic, ...defaults, '--overwrite'], { cwd });
    expect(exitCode).toBe(0);
    expect(existsSync(path.join(app, 'old.txt'))).toBe(false);
    expect(readFileSync(path.join(app, 'README.md'), 'utf8')).toContain('# app');
    expect(readFileSync(path.join(app, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(readdirSync(cwd)).toEqual(['app']);
  });

  it('nested directories that do not exist yet are created', async () => {
    const cwd = tempDir();
    const { exitCode } = await cli(['class/alice/app', '--template', basic, ...defaults], { cwd });
    expect(exitCode).toBe(0);
    expect(existsSync(path.join(cwd, 'class/alice/app/package.json'))).toBe(true);
  });

  it('a failure mid-render leaves an existing target untouched, even with --overwrite', async () => {
    const cwd = tempDir();
    const app = path.join(cwd, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'precious.txt'), 'do not lose me');
    const before = treeOf(app, true);
    const { exitCode } = await cli(
      ['app', '--template', fixture('broken-render'), ...defaults, '--overwrite'],
      { cwd },
    );
    expect(exitCode).toBe(1);
    expect(treeOf(app, true)).toEqual(before);
    expect(readdirSync(cwd)).toEqual(['app']); // no staging leftovers
  });
});

describe('dry run', () => {
  it('prints the tree and the file count and writes nothing, not even in the parent', async () => {
    const cwd = tempDir();
    const { exitCode, stdout } = await cli(['app', '--template', basic, ...defaults, '--dry-run'], { cwd });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('app/\n├── .editorconfig');
    expect(stdout).toContain('├── .github/\n│   └── workflows/\n│       └── ci.yml');
    expect(stdout).toContain('└── study-project.json');
    expect(stdout).toContain('11 files would be written');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('catches template errors without writing', async () => {
    const cwd = tempDir();
    const { exitCode, stderr } = await cli(
      ['app', '--template', fixture('broken-render'), ...defaults, '--dry-run'],
      { cwd },
    );
    expect(exitCode).toBe(1);
    expect(stderr).toContain('"projectNme" is not in the template context');
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('answers record', () => {
  it('records the answers, and the recorded command reproduces an identical tree', async () => {
    const cwd = tempDir();
    cpSync(basic, path.join(cwd, 'tpl'), { recursive: true });
    const args = [
      'my-app',
      '--template',
      './tpl',
      ...defaults,
      '--option',
      'pageSize=20',
      '--package-manager',
      'pnpm',
    ];
    expect((await cli(args, { cwd })).exitCode).toBe(0);
    const record = JSON.parse(readFileSync(path.join(cwd, 'my-app/study-project.json'), 'utf8'));
    expect(record).toEqual({
      generator: { name: 'create-study-project', version: expect.any(String) },
      template: 'basic',
      templatePath: './tpl',
      templateFolder: '../tpl', // where update finds it, from the project
      templateVersion: expect.stringMatching(/^sha256-[0-9a-f]{12}$/), // a folder's version: a hash of its files
      projectName: 'my-app',
      packageName: 'my-app',
      options: { pageSize: 20, greeting: 'Hello', dark: false },
      packageManager: 'pnpm',
      command: `npx create-study-project@${record.generator.version} my-app --template ./tpl --yes --no-install --no-git --package-manager pnpm --option pageSize=20`,
      policies: { 'package.json': 'json', 'study-project.json': 'json', 'pnpm-lock.yaml': 'regenerate' },
    });
    expect(JSON.stringify(record)).not.toMatch(/20\d\d-\d\d-\d\d/); // no timestamps

    // run the recorded command (with this build instead of npx) in another directory
    const again = path.join(cwd, 'again');
    mkdirSync(again);
    cpSync(path.join(cwd, 'tpl'), path.join(again, 'tpl'), { recursive: true });
    const recorded = (record.command as string).split(' ').slice(2);
    expect((await cli(recorded, { cwd: again })).exitCode).toBe(0);
    expect(treeOf(path.join(again, 'my-app'), true)).toEqual(treeOf(path.join(cwd, 'my-app'), true));
  });
});

describe('package manager', () => {
  it.each([
    ['pnpm/9.12.0 npm/? node/v24.0.0 linux x64', 'pnpm install', 'pnpm dev'],
    ['yarn/4.5.0 npm/? node/v24.0.0 linux x64', 'yarn install', 'yarn dev'],
    ['bun/1.1.30 npm/? node/v24.0.0 linux x64', 'bun install', 'bun run dev'],
    [undefined, 'npm install', 'npm run dev'],
  ])('detected from npm_config_user_agent=%s, next steps say %s / %s', async (agent, install, dev) => {
    const cwd = tempDir();
    const { cleanEnv } = await import('./helpers.js');
    const { exitCode, stdout } = await cli(['app', '--template', basic, ...defaults], {
      cwd,
      env: cleanEnv({ npm_config_user_agent: agent }),
    });
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`  cd app\n  ${install}\n  ${dev}\n`);
    const record = JSON.parse(readFileSync(path.join(cwd, 'app/study-project.json'), 'utf8'));
    expect(record.packageManager).toBe(install.split(' ')[0]);
  });
});

describe('what each package manager needs, in the render context', () => {
  const yarnBerryIgnore = [
    '.pnp.*',
    '.yarn/*',
    '!.yarn/patches',
    '!.yarn/plugins',
    '!.yarn/releases',
    '!.yarn/sdks',
    '!.yarn/versions',
  ];
  it.each([
    [
      [],
      undefined,
      {
        name: 'npm',
        run: 'npm run',
        lockfile: 'package-lock.json',
        frozenInstall: 'npm ci',
        gitignore: [],
        allowBuilds: [],
      },
    ],
    [
      ['--package-manager', 'pnpm'],
      undefined,
      {
        name: 'pnpm',
        run: 'pnpm',
        exec: 'pnpm exec',
        lockfile: 'pnpm-lock.yaml',
        frozenInstall: 'pnpm install --frozen-lockfile',
        allowBuilds: ['esbuild'],
      },
    ],
    [
      [],
      'yarn/1.22.22 npm/? node/v24.0.0 linux x64',
      {
        name: 'yarn',
        major: 1,
        lockfile: 'yarn.lock',
        frozenInstall: 'yarn install --frozen-lockfile',
        gitignore: [],
      },
    ],
    [
      [],
      'yarn/4.5.0 npm/? node/v24.0.0 linux x64',
      { name: 'yarn', major: 4, frozenInstall: 'yarn install --immutable', gitignore: yarnBerryIgnore },
    ],
    [
      ['--package-manager', 'yarn'],
      undefined,
      { name: 'yarn', major: 4, frozenInstall: 'yarn install --immutable', gitignore: yarnBerryIgnore },
    ],
    [
      [],
      'bun/1.2.0 npm/? node/v24.0.0 linux x64',
      {
        name: 'bun',
        run: 'bun run',
        exec: 'bunx',
        lockfile: 'bun.lock',
        frozenInstall: 'bun install --frozen-lockfile',
      },
    ],
  ])('%j (user agent %s)', async (flags, agent, expected) => {
    const cwd = tempDir();
    const { cleanEnv } = await import('./helpers.js');
    const { exitCode } = await cli(['app', '--template', fixture('pm-context'), ...defaults, ...flags], {
      cwd,
      env: cleanEnv({ npm_config_user_agent: agent }),
    });
    expect(exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(cwd, 'app', 'pm.json'), 'utf8'))).toMatchObject(expected);
  });
});

describe('what a create loads', () => {
  it('node-plop runs the generator, and inquirer (its prompts, never used) is not loaded', async () => {
    const cwd = tempDir();
    // A preload that records every module file loaded from node_modules, printed at exit.
    const recorder = path.join(cwd, 'record-loads.mjs');
    writeFileSync(
      recorder,
      `import module from 'node:module';
const loaded = new Set();
module.registerHooks({
  load(url, context, nextLoad) {
    const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url)?.[1];
    if (name) loaded.add(name);
    return nextLoad(url, context);
  },
});
process.on('exit', () => console.log('LOADED ' + JSON.stringify([...loaded].sort())));
`,
    );
    const { execa } = await import('execa');
    const { cleanEnv, bin } = await import('./helpers.js');
    const result = await execa(
      process.execPath,
      ['--import', recorder, bin, 'app', '--template', basic, ...defaults],
      { cwd, env: cleanEnv(), extendEnv: false, reject: false },
    );
    expect(result.exitCode).toBe(0);
    const loaded = JSON.parse(/LOADED (.*)/.exec(result.stdout)![1]!) as string[];
    expect(loaded).toContain('node-plop');
    expect(loaded.filter((name) => ['inquirer', 'rxjs', 'ora'].includes(name))).toEqual([]);
  });
});
