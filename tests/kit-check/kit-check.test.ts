// `npm run kit:check` fails, naming the template and the file (and the kit file it comes from), when a change to
// a shared layer breaks one template's types. Runs on a copy of the package whose web layer is broken on purpose,
// with the node_modules of the real .kit-check workspace (so `npm run kit:check` must have run first: .ci/run
// and `npm run test:kit` do that).
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { cleanEnv, root, tempDir } from '../helpers.js';

const shared = path.join(root, '.kit-check', 'node_modules');

describe('kit:check', () => {
  it('names the one template a shared file breaks, the file, and where the file comes from in the kit', async () => {
    if (!existsSync(shared)) throw new Error(`${shared} is missing: run npm run kit:check first`);
    const copy = tempDir();
    for (const entry of ['bin', 'dist', 'templates', 'package.json', 'node_modules']) {
      if (entry === 'node_modules') symlinkSync(path.join(root, entry), path.join(copy, entry));
      else cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    }
    // The web layer (guestbook and blog) renames a prop of ActionButton, and its own test with it, as a layer's
    // author would; of the templates only the blog's pages use the prop.
    for (const file of ['src/views/components/action-button.tsx', 'tests/unit/components.test.tsx']) {
      const layerFile = path.join(copy, 'templates/layers/web/files', file);
      writeFileSync(layerFile, readFileSync(layerFile, 'utf8').replaceAll('accessibleLabel', 'ariaLabel'));
    }
    // The workspace shares the real one's packages (its hash says they are up to date: nothing is installed).
    const workspace = path.join(copy, 'workspace');
    mkdirSync(workspace);
    symlinkSync(shared, path.join(workspace, 'node_modules'));
    const result = await execa(
      process.execPath,
      [
        path.join(copy, 'dist', 'kit-check.js'),
        'guestbook',
        'blog',
        '--steps',
        'typecheck',
        '--workspace',
        workspace,
      ],
      { env: cleanEnv(), extendEnv: false, reject: false, all: true, cwd: copy },
    );
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('✓ guestbook › typecheck');
    expect(result.all).toContain('✖ blog › typecheck');
    expect(result.all).toMatch(/src\/views\/pages\/admin\/posts-page\.tsx\(\d+,\d+\): error TS2322/);
    expect(result.all).toContain(
      'src/views/pages/admin/posts-page.tsx ← blog/files/src/views/pages/admin/posts-page.tsx',
    );
    expect(result.all).toMatch(/✗ blog › typecheck: .*\(.*src\/views\/pages\/admin\/posts-page\.tsx/);
  }, 300_000);
});
