// Every package manager's first run, as a learner has it: `<pm> create` (the user agent says which manager and
// which major ran us) → the generator installs with that manager and commits → `<pm> test` → `<pm> run build`
// are green, the lockfile is committed and nothing of the manager's own state is (git status is clean). Each
// manager comes from the npm registry into a cache folder, so the test needs nothing installed beforehand.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, tempDir } from '../helpers.js';
import { managerBin, managers } from './managers.js';

async function versionOf(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  return String((await execa(command, ['--version'], { env })).stdout).trim();
}

describe.each(managers)('$label', (manager) => {
  it('creates, installs, commits, tests and builds the guestbook with it', async () => {
    const binDir = manager.pkg ? await managerBin(manager) : undefined;
    const env = cleanEnv({
      PATH: [binDir, process.env.PATH].filter(Boolean).join(path.delimiter),
      HOME: tempDir(),
      GIT_CONFIG_NOSYSTEM: '1',
    });
    const version = await versionOf(manager.command, env);
    const cwd = tempDir();
    const created = await execa(process.execPath, [bin, 'app', '--template', 'guestbook', '--yes'], {
      cwd,
      env: {
        ...env,
        npm_config_user_agent: `${manager.command}/${version} npm/? node/${process.version} linux x64`,
      },
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(created.all).toContain('Created a git repository with a first commit');
    expect(created.exitCode, created.all).toBe(0);
    const app = path.join(cwd, 'app');
    const run = (args: string[]) =>
      execa(manager.command, args, { cwd: app, env, extendEnv: false, all: true });

    // The lockfile is committed with the first commit, and nothing the manager keeps for itself is left over.
    expect(String((await execa('git', ['ls-files'], { cwd: app, env })).stdout).split('\n')).toContain(
      manager.lockfile,
    );
    expect(String((await execa('git', ['status', '--porcelain'], { cwd: app, env })).stdout)).toBe('');

    const test = await run(['run', 'test']);
    expect(test.all).toMatch(/Tests\s+\d+ passed/);
    await run(['run', 'build']);
    expect(existsSync(path.join(app, 'dist', 'main.js'))).toBe(true);
    // Scripts that run other scripts use the same manager; CI and the Dockerfile install with its lockfile.
    const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    if (manager.command !== 'npm') expect(pkg.scripts.check).not.toMatch(/(^|[^p])npm /);
    expect(readFileSync(path.join(app, '.github/workflows/ci.yml'), 'utf8')).toContain(
      `[ -f ${manager.lockfile} ]`,
    );
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toContain(
      `COPY package.json ${manager.lockfile}*`,
    );
  }, 600_000);
});
