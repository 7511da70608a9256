// The docker step of verify on copies of the guestbook whose Dockerfile is broken on purpose, each in a way
// Dockerfiles nobody builds tend to be broken, and once unbroken (so the red ones are not red for another reason).
// Needs a Docker engine (../shared/tools/docker-engine.sh); run with `npm run test:docker`.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEP_NAMES } from '../../generators/verify/steps.js';
import { cleanEnv, cli, root, tempDir } from '../helpers.js';

// Only generate and docker run: the docker build installs what it needs itself.
const everyStepButDocker = STEP_NAMES.filter((step) => !['generate', 'docker'].includes(step)).flatMap(
  (step) => ['--skip', step],
);

/**
 * The kit's Dockerfile source (the base layer's Dockerfile.hbs), which a copy of the guestbook replaces with an
 * edited one of its own: still a Handlebars file, so the layers' slots in it (the web layer's `COPY public`) are
 * filled as in the kit.
 */
const kitDockerfile = readFileSync(path.join(root, 'templates/layers/base/files/Dockerfile.hbs'), 'utf8');

/** A template folder: the kit's guestbook, with its own Dockerfile.hbs (which replaces the base layer's). */
function guestbookWith(dockerfile: string): string {
  const dir = path.join(tempDir(), 'guestbook-copy');
  cpSync(path.join(root, 'templates/guestbook'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'files', 'Dockerfile.hbs'), dockerfile);
  return dir;
}

function edit(from: string | RegExp, to: string): string {
  const edited = kitDockerfile.replace(from, to);
  expect(edited, `the kit's Dockerfile no longer has ${String(from)}`).not.toBe(kitDockerfile);
  return edited;
}

async function dockerStep(template: string) {
  const result = await cli(['verify', template, ...everyStepButDocker], {
    cwd: tempDir(),
    env: cleanEnv(),
  });
  return { ...result, line: result.all.split('\n').find((line) => line.includes('› docker')) ?? '' };
}

describe('verify builds and runs the image', () => {
  it('passes the kit Dockerfile unchanged', async () => {
    const result = await dockerStep(guestbookWith(kitDockerfile));
    expect(result.line).toMatch(/^✓ guestbook \(.*\) › docker .* image \d+ MB/);
    expect(result.exitCode).toBe(0);
  });

  it.each([
    [
      'a COPY is missing (the migrations)',
      edit(/^COPY drizzle .*\n/m, ''),
      'the container stopped before it was healthy',
    ],
    [
      'the HEALTHCHECK calls curl, which slim images lack',
      edit(
        /^HEALTHCHECK[\s\S]*?\n(?=CMD)/m,
        'HEALTHCHECK --interval=5s --retries=2 CMD curl -f http://127.0.0.1:3000/health\n',
      ),
      'the container did not become healthy',
    ],
    ['it runs as root', edit(/^USER node\n/m, ''), 'the image runs as root'],
    [
      'the app listens on localhost only',
      edit('HOST=0.0.0.0', 'HOST=127.0.0.1'),
      'the app listens on localhost only',
    ],
    [
      'dev dependencies are shipped',
      edit(/^COPY --from=runtime-deps .*$/m, 'COPY --from=build /app/node_modules ./node_modules'),
      'the image contains what production does not need: node_modules/',
    ],
    [
      'SIGTERM is not passed to the app (npm as PID 1)',
      edit(/^CMD .*$/m, 'CMD ["npm", "start"]'),
      'docker stop: the app exited with code',
    ],
  ])('fails when %s', async (_case, dockerfile, message) => {
    const result = await dockerStep(guestbookWith(dockerfile));
    expect(result.line).toMatch(/^✗ guestbook \(.*\) › docker/);
    expect(result.all).toContain(message);
    expect(result.exitCode).toBe(1);
  });
});
