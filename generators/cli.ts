// The command line: `create-study-project [dir]`, `list`, `verify`, `update`. Each command's code is loaded only
// when it runs (prompts only on a TTY, verify only for `verify`, update only for `update`), so a plain `create`
// starts fast.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { parseOptionFlags } from './options.js';
import { CancelledError, EXIT_CANCELLED, UsageError } from './errors.js';
import { PACKAGE_MANAGERS } from './package-manager.js';
import { generator } from './paths.js';
import { fail, info } from './ui.js';

const name = generator.name;

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  await yargs(argv)
    .scriptName(name)
    .locale('en')
    .usage(`${name} [dir] [options]\n\nCreate a ready-to-run TypeScript study project from a template.`)
    .command(
      '$0 [dir]',
      'Create a project (asks what flags leave open, on a terminal)',
      (y) =>
        y
          .positional('dir', { type: 'string', describe: 'Project directory (default: study-project)' })
          .option('template', {
            alias: 't',
            type: 'string',
            describe: 'Template name (see `list`) or folder path',
          })
          .option('yes', {
            alias: 'y',
            type: 'boolean',
            describe: 'Take the defaults for everything not given',
          })
          .option('install', { type: 'boolean', describe: 'Install dependencies (--no-install to skip)' })
          .option('git', { type: 'boolean', describe: 'git init + first commit (--no-git to skip)' })
          .option('overwrite', { type: 'boolean', describe: 'Write into a non-empty directory (keeps .git)' })
          .option('dry-run', {
            type: 'boolean',
            describe: 'Print the files that would be written; write nothing',
          })
          .option('package-manager', {
            type: 'string',
            describe: `${PACKAGE_MANAGERS.join('|')} (default: detected)`,
          })
          .option('preset', { type: 'string', describe: 'JSON file with answers (same keys as the flags)' })
          .option('name', {
            type: 'string',
            describe: 'Package name, when the directory name is not a valid one',
          })
          .option('option', {
            type: 'string',
            array: true,
            nargs: 1,
            describe: 'Template option key=value (repeatable)',
          }),
      async (args) => {
        const { create } = await import('./create.js');
        exitCode = await create({
          flags: {
            dir: args.dir,
            template: once('template', args.template),
            yes: args.yes,
            install: args.install,
            git: args.git,
            overwrite: args.overwrite,
            packageManager: once('package-manager', args.packageManager),
            name: once('name', args.name),
            options: parseOptionFlags(args.option ?? []),
          },
          presetFile: once('preset', args.preset),
          dryRun: args.dryRun === true,
        });
      },
    )
    .command(
      'list',
      'List the templates with one-line descriptions',
      (y) => y.option('json', { type: 'boolean', describe: 'Machine-readable output' }),
      async (args) => {
        const { list } = await import('./list.js');
        exitCode = list(args.json === true);
      },
    )
    .command(
      'verify [templates..]',
      'The template check: generate, install, lint, test, build, start and probe each template',
      (y) =>
        y
          .positional('templates', {
            type: 'string',
            array: true,
            describe: 'Template names or folders (default: all)',
          })
          .option('keep', { type: 'boolean', describe: 'Keep the temporary project directories' })
          .option('skip', {
            type: 'string',
            array: true,
            nargs: 1,
            describe: 'Skip a step (repeatable; CI never does)',
          }),
      async (args) => {
        const { verify } = await import('./verify/index.js');
        exitCode = await verify({
          targets: args.templates ?? [],
          keep: args.keep === true,
          skip: args.skip ?? [],
        });
      },
    )
    .command(
      'update',
      'Bring the later version of the template into this project (run it inside the project)',
      (y) =>
        y
          .usage(
            `${name} update [options]\n\nRun inside a project made by ${name}: renders the installed version of its ` +
              'template with the answers in study-project.json, commits that on the branch study-project/template ' +
              'and merges it into your branch with git. What you never touched takes the new version, what only you ' +
              'changed stays yours, what both changed is merged; a real conflict is left with markers for you.',
          )
          .option('check', {
            type: 'boolean',
            describe: 'Exit 2 when an update exists, 0 when up to date (for CI); writes nothing',
          })
          .option('dry-run', {
            type: 'boolean',
            describe:
              'Print what would happen to each file (updated, new, removed, merged, kept, conflict); writes nothing',
          })
          .option('abort', {
            type: 'boolean',
            describe:
              'Undo an update whose merge is not committed yet: the project, your branch and the template branch as before',
          })
          .option('defaults', {
            type: 'boolean',
            describe: 'Options the template gained since take their defaults (no questions)',
          })
          .option('option', {
            type: 'string',
            array: true,
            nargs: 1,
            describe: 'Answer (or change) a template option: key=value (repeatable)',
          })
          .option('allow-dirty', {
            type: 'boolean',
            describe:
              'Update although changes are not committed (git still refuses to overwrite them; --abort cannot bring them back)',
          })
          .option('install', {
            type: 'boolean',
            describe:
              'When package.json changes, write the lockfile again with the package manager (--no-install to skip)',
          })
          .option('template', {
            type: 'string',
            describe: 'Where a folder template is now, when it has moved',
          })
          .option('from', {
            type: 'string',
            describe:
              'For a project without the branch study-project/template: the version it was made with (a package folder or tarball; a folder template: the folder as it was)',
          })
          .example(`${name} update --dry-run`, 'See what an update would do')
          .example(`${name} update --defaults`, 'Update; new options take their defaults')
          .example(`${name} update --check`, 'In CI: exit code 2 when an update exists')
          .example(`${name} update --abort`, 'Undo an update that left conflicts')
          .epilogue(
            'Exit codes: 0 done (or up to date), 1 an error or conflicts left to resolve, 2 (--check) an update exists, ' +
              '130 cancelled. docs/updating.md explains updating to a learner.',
          ),
      async (args) => {
        const { update } = await import('./update/index.js');
        exitCode = await update({
          check: args.check === true,
          dryRun: args.dryRun === true,
          abort: args.abort === true,
          defaults: args.defaults === true,
          allowDirty: args.allowDirty === true,
          install: args.install !== false,
          options: parseOptionFlags(args.option ?? []),
          template: once('template', args.template),
          from: once('from', args.from),
        });
      },
    )
    .example(`${name}`, 'Ask for everything on a terminal')
    .example(
      `${name} my-guestbook --template guestbook --yes`,
      'Defaults, no questions (installs and commits)',
    )
    .example(
      `${name} my-app -t guestbook --no-install --no-git --option pageSize=20`,
      'Set a template option',
    )
    .example(`${name} "My App" --name my-app --yes`, 'A directory that is not a valid package name')
    .example(`${name} class/alice --preset cohort.json`, 'Same answers for a whole class')
    .example(`${name} my-app -t ./my-template --dry-run`, 'Preview an instructor template folder')
    .example(`${name} list`, 'Templates and what they are')
    .example(`${name} verify guestbook`, 'Check that a template is green end to end')
    .example(`${name} update`, 'Inside a project: merge in the later version of its template')
    .strict()
    .version(generator.version)
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .wrap(process.stdout.isTTY ? Math.min(120, process.stdout.columns) : null)
    .fail((message, error) => {
      throw error ?? new UsageError(`${message}. Run ${name} --help for usage.`);
    })
    .parseAsync();
  return exitCode;
}

/** yargs makes an array of a string flag given twice; which one was meant is the user's to say. */
function once(flag: string, value: string | string[] | undefined): string | undefined {
  if (!Array.isArray(value)) return value;
  const values = value.map((item) => JSON.stringify(String(item))).join(', ');
  throw new UsageError(`--${flag} was given ${value.length} times (${values}): give it once`);
}

try {
  process.exitCode = await main(hideBin(process.argv));
} catch (error) {
  if (error instanceof CancelledError) {
    info(error.details ? `Cancelled. ${error.details}` : 'Cancelled');
    // Under `npm create` (npm_command=init) npm adds its own "npm error code 130 … command failed" block for any
    // exit code but 0; create-vite exits 0 when cancelled, and so do we there.
    process.exit(process.env.npm_command === 'init' ? 0 : EXIT_CANCELLED);
  }
  fail(error instanceof Error ? error.message : String(error));
  if (!(error instanceof UsageError) && process.env.DEBUG && error instanceof Error)
    console.error(error.stack);
  process.exitCode = 1;
}
