// The real kit, whatever templates it has so far: every dependency resolves in templates/versions.json, and
// every template generates. (The full check — install, lint, tests, start — is `verify`, run by .ci/run.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, root, treeOf } from './helpers.js';

const kit = path.join(root, 'templates');
const templates = existsSync(kit)
  ? readdirSync(kit).filter((name) => existsSync(path.join(kit, name, 'template.json')))
  : [];

interface Manifest {
  layers?: string[];
  package?: { dependencies?: string[]; devDependencies?: string[] };
}

const read = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

describe.skipIf(templates.length === 0)('kit templates', () => {
  it.each(templates)(
    '%s: every dependency of the template and its layers is in templates/versions.json',
    (name) => {
      const versions = JSON.parse(readFileSync(path.join(kit, 'versions.json'), 'utf8')) as Record<
        string,
        string
      >;
      const manifest = read(path.join(kit, name, 'template.json'));
      const parts = [
        ...(manifest.layers ?? []).map((layer) => read(path.join(kit, 'layers', layer, 'layer.json'))),
        manifest,
      ];
      const specs = parts.flatMap((part) => [
        ...(part.package?.dependencies ?? []),
        ...(part.package?.devDependencies ?? []),
      ]);
      const unresolved = specs.filter((spec) => spec.lastIndexOf('@') <= 0 && versions[spec] === undefined);
      expect(unresolved).toEqual([]);
    },
  );

  it.each(templates)(
    '%s: generates (no .hbs, no _gitignore left, package.json and the record written)',
    async (name) => {
      const cwd = tempDir();
      const { exitCode, all } = await cli(['app', '--template', name, '--yes', '--no-install', '--no-git'], {
        cwd,
      });
      expect(all).toContain('Created');
      expect(exitCode).toBe(0);
      const files = Object.keys(treeOf(path.join(cwd, 'app')));
      expect(files.filter((file) => file.endsWith('.hbs') || path.basename(file) === '_gitignore')).toEqual(
        [],
      );
      expect(files).toContain('package.json');
      expect(files).toContain('study-project.json');
      expect(files).toContain('.gitignore');
    },
  );
});

describe('the base layer names no other layer', () => {
  const base = path.join(kit, 'layers', 'base');
  const files = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];

  it('its src/ and tests/ are plain TypeScript (no .hbs): editors, the type checker and the linter see them', () => {
    const rendered = ['src', 'tests'].flatMap((dir) =>
      files(path.join(base, 'files', dir)).filter((file) => file.endsWith('.hbs')),
    );
    expect(rendered).toEqual([]);
  });

  it('at most 5 layer conditionals anywhere in it (layers contribute through slots, partials and manifests)', () => {
    const conditionals = [...files(path.join(base, 'files')), ...files(path.join(base, 'partials'))]
      .map((file) => path.join(base, file.startsWith('partials') ? '' : 'files', file))
      .filter(
        (file) => existsSync(file) && !readdirSync(path.dirname(file)).includes(path.basename(file) + '/'),
      )
      .flatMap((file) => {
        try {
          return readFileSync(file, 'utf8')
            .split('\n')
            .filter((line) => /\{\{#(if|unless) layers\./.test(line))
            .map((line) => `${path.relative(base, file)}: ${line.trim()}`);
        } catch {
          return [];
        }
      });
    expect(conditionals.length).toBeLessThanOrEqual(5);
  });

  it.each(templates)(
    "%s: the CI workflow keeps GitHub's ${{ }} expressions (rendered, with escapes)",
    async (name) => {
      const cwd = tempDir();
      expect(
        (await cli(['app', '--template', name, '--yes', '--no-install', '--no-git'], { cwd })).exitCode,
      ).toBe(0);
      const workflow = readFileSync(path.join(cwd, 'app', '.github', 'workflows', 'ci.yml'), 'utf8');
      expect(workflow).toContain('node-version: ${{ matrix.node }}');
      expect(workflow).toContain('docker build --tag app:${{ github.sha }} .');
      expect(workflow).not.toMatch(/\\\{\{|\{\{!/);
    },
  );
});
