import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: `dist/` sits right under it, next to `templates/`, `bin/` and `package.json`. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The kit: the templates that ship inside the package (the generator works offline). */
export const installedKit = path.join(packageRoot, 'templates');

/**
 * The kit that templates and layers are read from. Always the installed one, except while `update` renders the
 * version a project was made with (see useRelease).
 */
export let kitRoot = installedKit;

export const binPath = path.join(packageRoot, 'bin', 'create-study-project.js');

interface OwnPackageJson {
  name: string;
  version: string;
}

/** This package: its name and version. */
export const installed: OwnPackageJson = (() => {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as OwnPackageJson;
  return { name: pkg.name, version: pkg.version };
})();

/** The name and version written into a project (README, study-project.json): this package's, except as below. */
export let generator: OwnPackageJson = installed;

/**
 * Render as the release that made a project did, until the returned function is called: `update` re-renders the
 * version a project was made with (its kit: the installed one or an older package's, `--from`; its version, so
 * that the README and the record say what they said then). Nothing else changes these two.
 */
export function useRelease(release: { kit: string; generator: OwnPackageJson }): () => void {
  kitRoot = release.kit;
  generator = { ...release.generator };
  return () => {
    kitRoot = installedKit;
    generator = installed;
  };
}
