// How `update` treats each file of a project where git's line-by-line merge is the wrong tool. The defaults are
// written into the project's record (study-project.json, "policies") when it is generated, so a learner can see
// them and add their own ("src/exercises/**": "keep"). One rule is not the record's to change: `.env` files hold
// secrets, and update never writes them. docs/updating.md explains the policies to a learner.

/** The record of how a project was made; update reads it. */
export const RECORD_FILE = 'study-project.json';

export const POLICIES = ['merge', 'json', 'regenerate', 'keep'] as const;
export type Policy = (typeof POLICIES)[number];

/** One line each, for `update --help`, messages and the docs. */
export const POLICY_MEANINGS: Record<Policy, string> = {
  merge: "git's three-way merge, line by line (every file without a policy)",
  json: "merged key by key: your additions kept, the new version's changes taken, yours kept where both changed a key",
  regenerate: 'a lockfile: yours stays through the merge, then the package manager writes it again',
  keep: 'never written by update: yours, whatever the new version has',
};

/** The policies a new project records: JSON files the generator writes, and the package manager's lockfile. */
export function defaultPolicies(lockfile: string): Record<string, Policy> {
  return { 'package.json': 'json', [RECORD_FILE]: 'json', [lockfile]: 'regenerate' };
}

/** `.env`, `.env.local`, `.env.production`… anywhere in the project; `.env.example` is the template's own file. */
export function isSecretFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base === '.env' || (base.startsWith('.env.') && base !== '.env.example');
}

/**
 * The policy of a project file (a `/`-separated path): a secret file is always kept; then the record's entry for
 * exactly that path; then the first of its patterns that matches (`*`: any characters but `/`, `**`: any
 * characters); else merge.
 */
export function policyFor(file: string, policies: Record<string, Policy>): Policy {
  if (isSecretFile(file)) return 'keep';
  if (Object.hasOwn(policies, file)) return policies[file]!;
  for (const [pattern, policy] of Object.entries(policies)) {
    if (pattern.includes('*') && globToRegExp(pattern).test(file)) return policy;
  }
  return 'merge';
}

function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
}
