import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: `dist/` sits right under it, next to `templates/`, `bin/` and `package.json`. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The kit: the templates that ship inside the package (the generator works offline). */
export const kitRoot = path.join(packageRoot, 'templates');

export const binPath = path.join(packageRoot, 'bin', 'create-study-project.js');

interface OwnPackageJson {
  name: string;
  version: string;
}

export const generator: OwnPackageJson = (() => {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as OwnPackageJson;
  return { name: pkg.name, version: pkg.version };
})();
