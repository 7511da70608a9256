// Staging: render into `.create-study-project-*` next to the target (same file system, so the final move is a
// rename), then move into the target. Any failure or Ctrl-C before the move removes the staging dir and leaves
// the target exactly as it was; a non-empty target's files are removed only after staging succeeded.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import tmp from 'tmp';
import type { TargetState } from './answers.js';
import { CancelledError } from './errors.js';

export const STAGING_PREFIX = '.create-study-project';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function writeThroughStaging(
  target: string,
  state: TargetState,
  write: (staging: string, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const staging = createStagingDir(target);
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  for (const signal of SIGNALS) process.on(signal, abort);
  try {
    await write(staging, controller.signal);
    if (controller.signal.aborted) throw new CancelledError();
    await moveIntoTarget(staging, target, state);
  } catch (error) {
    await remove(staging);
    throw controller.signal.aborted ? new CancelledError() : error;
  } finally {
    for (const signal of SIGNALS) process.off(signal, abort);
  }
}

/** In the target's parent, or its nearest existing ancestor: no directory is created before the move. */
function createStagingDir(target: string): string {
  let parent = path.dirname(target);
  while (!existsSync(parent)) parent = path.dirname(parent);
  return tmp.dirSync({ tmpdir: parent, prefix: STAGING_PREFIX }).name;
}

async function moveIntoTarget(staging: string, target: string, state: TargetState): Promise<void> {
  await chmod(staging, 0o777 & ~process.umask()); // mkdtemp makes it 0700
  if (state.kind === 'missing') {
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staging, target);
    return;
  }
  // An existing directory: empty, `.git` only, or the user agreed to overwrite. `.git` is always kept.
  for (const entry of await readdir(target)) {
    if (entry !== '.git') await remove(path.join(target, entry));
  }
  for (const entry of await readdir(staging))
    await rename(path.join(staging, entry), path.join(target, entry));
  await rmdir(staging);
}

/** fs-extra is loaded only when something has to be removed (it patches fs when it loads: ~10 ms). */
async function remove(file: string): Promise<void> {
  const { default: fse } = await import('fs-extra');
  await fse.remove(file);
}
