// The image of a project made with pnpm, Yarn or Bun: its Dockerfile installs with that manager and its lockfile,
// and the result passes verify's docker step (non-root, no dev dependencies, healthy on PGlite and PostgreSQL,
// stops cleanly). npm's image is what `verify` builds for every template.
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type * as Kit from '../../generators/kit.js';
import type * as Docker from '../../generators/verify/docker.js';
import type * as Run from '../../generators/verify/run.js';
import { bin, cleanEnv, root, tempDir } from '../helpers.js';
import { managerBin, managers } from '../package-managers/managers.js';

// The built generator, as the CLI runs it: it reads the kit manifests the build checked (dist/kit-manifests.js),
// which the TypeScript sources cannot load on their own.
const built = <T>(file: string) => import(path.join(root, 'dist', file)) as Promise<T>;
const { loadTemplate } = await built<typeof Kit>('kit.js');
const { dockerStep } = await built<typeof Docker>('verify/docker.js');
const { baseEnv } = await built<typeof Run>('verify/run.js');

describe.each(managers.filter(({ label }) => ['pnpm 11', 'yarn 4', 'bun'].includes(label)))(
  '$label',
  (manager) => {
    it('builds an image with its lockfile that runs as production would', async () => {
      const binDir = await managerBin(manager);
      const env = cleanEnv({ PATH: `${binDir}${path.delimiter}${process.env.PATH}` });
      const workDir = tempDir();
      const projectDir = path.join(workDir, 'app');
      const version = String((await execa(manager.command, ['--version'], { env })).stdout).trim();
      await execa(process.execPath, [bin, projectDir, '--template', 'guestbook', '--yes', '--no-git'], {
        env: { ...env, npm_config_user_agent: `${manager.command}/${version} npm/? node/${process.version}` },
        extendEnv: false,
      });
      const outcome = await dockerStep({
        template: 'guestbook',
        manifest: loadTemplate('guestbook'),
        workDir,
        projectDir,
        env: baseEnv(),
      });
      expect(outcome.message ?? '').toBe('');
      expect(outcome.output).toContain('no sources, tests, .env or dev dependencies in the image');
      expect(outcome.ok).toBe(true);
    }, 900_000);
  },
);
