// The published package: what `npm create study-project` downloads must hold what `create` needs and nothing
// else, and the kit's dot-files must survive packing.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cleanEnv, root, tempDir } from './helpers.js';

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
