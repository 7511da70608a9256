// The version a project was made with, for a project that has no branch study-project/template (made before
// update existed, or the branch deleted): the record says how to render it again, and this says with which
// templates. A kit template needs the kit of the release that made the project: the installed one when the
// versions match, else an older package given with --from (a folder or a tarball, `npm pack
// create-study-project@0.1.0`). A folder template needs the folder as it was: the recorded folder while its hash
// still matches the record, else the old copy given with --from.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { UsageError } from '../errors.js';
import { isObject, parseJson, templateVersion, type Template } from '../kit.js';
import { installed, installedKit } from '../paths.js';
import type { Project } from './record.js';
import type { Release, Scratch } from './render-version.js';

export interface OldVersion {
  release: Release;
  /** A folder template: the folder as it was. */
  templateDir?: string;
  /** Where its templates come from, for the output: "the installed kit", "--from old.tgz". */
  source: string;
  /** Said before the update goes on (the old folder template is rendered on today's layers, …). */
  warning?: string;
}

export async function oldVersion(
  project: Project,
  current: Template,
  from: string | undefined,
  cwd: string,
  scratch: Scratch,
): Promise<OldVersion> {
  const { record } = project;
  const made = `${record.generator.name} ${record.generator.version}`;
  const why =
    `This project has no branch study-project/template (it was made before update existed, or the branch was ` +
    `deleted), so update renders the version it was made with again, to merge from.`;
  const given = from !== undefined ? path.resolve(cwd, from) : undefined;
  if (given !== undefined && !existsSync(given))
    throw new UsageError(`--from ${from}: no such file or folder`);

  if (record.templatePath === undefined) {
    if (given === undefined) {
      if (record.generator.version === installed.version)
        return { release: { kit: installedKit, generator: record.generator }, source: 'the installed kit' };
      const tarball = `${record.generator.name}-${record.generator.version}.tgz`;
      throw new UsageError(
        `${why} It was made with ${made}, whose templates are not installed (this is ${installed.version}). ` +
          `Get them and pass them with --from:\n\n  npm pack ${record.generator.name}@${record.generator.version}\n` +
          `  npx ${installed.name} update --from ${tarball}\n`,
      );
    }
    const { kit, version } = await packageKit(given, from!, scratch);
    return {
      release: { kit, generator: record.generator },
      source: `--from ${from}`,
      ...(version !== undefined &&
        version !== record.generator.version && {
          warning: `--from ${from} is version ${version}, the project was made with ${record.generator.version}: its templates are taken as the old version.`,
        }),
    };
  }

  // A folder template, rendered on the installed kit's layers.
  const layers =
    record.generator.version === installed.version
      ? undefined
      : `The project was made with ${made}; its folder template is rendered again on this version's layers (${installed.version}), so what changed in the layers since will not be updated.`;
  if (given !== undefined) {
    if (!statSync(given).isDirectory() || !existsSync(path.join(given, 'template.json'))) {
      throw new UsageError(`--from ${from}: not a template folder (no template.json in it)`);
    }
    return {
      release: { kit: installedKit, generator: record.generator },
      templateDir: given,
      source: `--from ${from}`,
      ...(layers !== undefined && { warning: layers }),
    };
  }
  const now = templateVersion(current);
  if (record.templateVersion === now) {
    return {
      release: { kit: installedKit, generator: record.generator },
      templateDir: current.dir,
      source: `the template folder (unchanged since: ${now})`,
      ...(layers !== undefined && { warning: layers }),
    };
  }
  const changed =
    record.templateVersion === undefined
      ? 'the record does not say which version of the template folder it was made from'
      : `the template folder has changed since (the record says ${record.templateVersion}, the folder is ${now})`;
  throw new UsageError(
    `${why} But ${changed}. Pass the folder as it was when the project was made with --from <folder> ` +
      `(a copy, or in the instructor's repository: git worktree add ../template-then <commit>).`,
  );
}

/** The kit inside a package folder or tarball (`templates/`, or `package/templates/` as npm packs it). */
async function packageKit(
  given: string,
  from: string,
  scratch: Scratch,
): Promise<{ kit: string; version?: string }> {
  let dir = given;
  if (statSync(given).isFile()) {
    dir = path.join(scratch.dir, 'from');
    mkdirSync(dir);
    const result = await execa('tar', ['-xzf', given, '-C', dir], { reject: false });
    if (result.failed) {
      throw new UsageError(
        `--from ${from}: could not unpack it (${result.code === 'ENOENT' ? 'tar was not found' : String(result.stderr).trim() || result.shortMessage})`,
      );
    }
  }
  const root = [dir, path.join(dir, 'package')].find((candidate) =>
    existsSync(path.join(candidate, 'templates')),
  );
  if (!root) {
    throw new UsageError(
      `--from ${from}: not a ${installed.name} package (no templates/ in it); give the package folder or the tarball of \`npm pack ${installed.name}@<version>\``,
    );
  }
  let version: string | undefined;
  try {
    const pkg = parseJson(readFileSync(path.join(root, 'package.json'), 'utf8'));
    if (isObject(pkg) && typeof pkg.version === 'string') version = pkg.version;
  } catch {
    // a bare kit folder without its package.json: its version is not known
  }
  return { kit: path.join(root, 'templates'), ...(version !== undefined && { version }) };
}
