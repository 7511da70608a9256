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
    const copy = packageCopy();
    // The web layer (guestbook and blog) renames a prop of ActionButton, and its own test with it, as a layer's
    // author would; of the templates only the blog's pages use the prop.
    for (const file of ['src/views/components/action-button.tsx', 'tests/unit/components.test.tsx']) {
      const layerFile = path.join(copy, 'templates/layers/web/files', file);
      writeFileSync(layerFile, readFileSync(layerFile, 'utf8').replaceAll('accessibleLabel', 'ariaLabel'));
    }
    const workspace = sharingWorkspace(copy);
    const result = await kitCheck(copy, [
      'guestbook',
      'blog',
      '--steps',
      'typecheck',
      '--workspace',
      workspace,
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('✓ guestbook › typecheck');
    expect(result.all).toContain('✖ blog › typecheck');
    expect(result.all).toMatch(/src\/views\/pages\/admin\/posts-page\.tsx\(\d+,\d+\): error TS2322/);
    expect(result.all).toContain(
      'src/views/pages/admin/posts-page.tsx ← blog/files/src/views/pages/admin/posts-page.tsx',
    );
    expect(result.all).toMatch(/✗ blog › typecheck: .*\(.*src\/views\/pages\/admin\/posts-page\.tsx/);
  }, 300_000);

  it('names a route that reaches into the database, by the layering rule, wherever eslint runs from', async () => {
    const copy = packageCopy();
    // A learner's shortcut: a route that queries the database itself instead of asking a service.
    const route = path.join(copy, 'templates/guestbook/files/src/routes/shortcut.ts');
    writeFileSync(
      route,
      "import { sql } from 'drizzle-orm';\nimport { openDatabase } from '../db/client.js';\n\nexport const shortcut = { openDatabase, sql };\n",
    );
    const workspace = sharingWorkspace(copy);
    const result = await kitCheck(copy, ['guestbook', '--steps', 'lint', '--workspace', workspace]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('✖ guestbook › lint');
    expect(result.all).toContain('src/routes/ may not import from src/db/');
    expect(result.all).toContain('src/routes/shortcut.ts ← guestbook/files/src/routes/shortcut.ts');
    // From a subfolder (an editor, a learner in src/) the rule still knows where src/ is.
    const fromSubfolder = await execa(path.join(shared, '.bin', 'eslint'), ['routes/shortcut.ts'], {
      cwd: path.join(workspace, 'guestbook', 'src'),
      env: cleanEnv(),
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(fromSubfolder.exitCode).toBe(1);
    expect(fromSubfolder.all).toContain('src/routes/ may not import from src/db/');
  }, 300_000);
});

/** A copy of the built package (bin, dist, templates) to break on purpose; node_modules is the real one's. */
function packageCopy(): string {
  if (!existsSync(shared)) throw new Error(`${shared} is missing: run npm run kit:check first`);
  const copy = tempDir();
  for (const entry of ['bin', 'dist', 'templates', 'package.json', 'node_modules']) {
    if (entry === 'node_modules') symlinkSync(path.join(root, entry), path.join(copy, entry));
    else cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  return copy;
}

/** A workspace sharing the real one's packages (their hashes say they are up to date: nothing is installed). */
function sharingWorkspace(copy: string): string {
  const workspace = path.join(copy, 'workspace');
  mkdirSync(workspace);
  symlinkSync(shared, path.join(workspace, 'node_modules'));
  symlinkSync(
    path.join(root, '.kit-check', '.native-typescript'),
    path.join(workspace, '.native-typescript'),
  );
  return workspace;
}

function kitCheck(copy: string, args: string[]) {
  return execa(process.execPath, [path.join(copy, 'dist', 'kit-check.js'), ...args], {
    env: cleanEnv(),
    extendEnv: false,
    reject: false,
    all: true,
    cwd: copy,
  });
}
