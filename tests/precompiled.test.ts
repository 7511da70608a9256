// The build precompiles the kit's templates and checks its manifests (generators/precompile.ts) so that a create
// starts faster. What a project gets must not depend on it: without dist/kit-templates.js and dist/kit-manifests.js,
// and with a kit file edited after the build, the output is what the kit files say.
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { cleanEnv, root, tempDir, treeOf } from './helpers.js';

/** A copy of the package (its node_modules linked), which a test may change. */
function packageCopy(): string {
  const copy = tempDir();
  for (const entry of ['bin', 'dist', 'templates', 'package.json']) {
    cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

async function create(pkg: string, template: string): Promise<string> {
  const cwd = tempDir();
  await execa(
    process.execPath,
    [
      path.join(pkg, 'bin', 'create-study-project.js'),
      'app',
      '--template',
      template,
      '--yes',
      '--no-install',
      '--no-git',
    ],
    { cwd, env: cleanEnv(), extendEnv: false },
  );
  return path.join(cwd, 'app');
}

describe('precompiled kit templates and checked manifests', () => {
  it.each(['guestbook', 'chatbot', 'todo'])(
    '%s: the same project with and without them',
    async (template) => {
      const plain = packageCopy();
      rmSync(path.join(plain, 'dist', 'kit-templates.js'));
      rmSync(path.join(plain, 'dist', 'kit-manifests.js'));
      const app = await create(root, template);
      const withoutThem = await create(plain, template);
      const drop = (tree: Record<string, string>) => {
        delete tree['study-project.json']; // records the command, the same either way; kept out for clarity
        return tree;
      };
      expect(drop(treeOf(withoutThem, true))).toEqual(drop(treeOf(app, true)));
    },
  );

  it('a kit file edited after the build is used as it is now, not as it was precompiled', async () => {
    const pkg = packageCopy();
    const readme = path.join(pkg, 'templates', 'layers', 'base', 'files', 'README.md.hbs');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('## Quick start', '## Start here'));
    const manifest = path.join(pkg, 'templates', 'guestbook', 'template.json');
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { description: string };
    json.description = 'Edited after the build';
    writeFileSync(manifest, JSON.stringify(json));
    const app = await create(pkg, 'guestbook');
    const text = readFileSync(path.join(app, 'README.md'), 'utf8');
    expect(text).toContain('## Start here');
    expect(text).toContain('Edited after the build');
  });
});
