// npm package names: the check, and a suggestion when a directory name is not a valid one.
import validateNpmPackageName from 'validate-npm-package-name';
import { UsageError } from './errors.js';

/** What the package name would be when nothing else is left: the default directory's name. */
const FALLBACK = 'study-project';

/** Why `name` is not a valid name for a new npm package, or undefined when it is one. */
export function packageNameProblem(name: string): string | undefined {
  const result = validateNpmPackageName(name);
  if (result.validForNewPackages) return undefined;
  return [...(result.errors ?? []), ...(result.warnings ?? [])][0] ?? 'invalid name';
}

export function checkPackageName(name: string): void {
  const problem = packageNameProblem(name);
  if (problem) {
    throw new UsageError(
      `Invalid package name "${name}": ${problem}. For example: ${suggestPackageName(name)}`,
    );
  }
}

/** "My App" → "my-app" (as create-vite does). */
export function suggestPackageName(name: string): string {
  const suggestion = name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/^[._]+/, '')
    .replace(/[^a-z\d\-~]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return suggestion || FALLBACK;
}
