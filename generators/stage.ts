// Staging: the project is rendered into a staging directory inside the target (so the final move is a rename on
// the same file system, also when the target is a mount point), under a claim on the target that keeps other
// runs out. Only when every file is written does it move in: the user's old entries (when they agreed to an
// overwrite) are first moved aside, the staged entries moved in, and only then the old ones removed. Any failure
// or Ctrl-C before that point leaves the target as it was; a failure during the move puts everything back.
import { mkdirSync, rmdirSync } from 'node:fs';
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import tmp from 'tmp';
import { ASIDE_PREFIX, claimTarget, runEntry, STAGING_PREFIX } from './claim.js';
import { CancelledError, fsReason, UsageError } from './errors.js';
import { describeEntries, userEntries, type TargetState } from './target.js';

export interface StageTarget {
  /** Absolute path. */
  target: string;
  /** As the user gave it, for messages. */
  dir: string;
  /** What was there when the user answered: only those entries may be replaced. */
  state: TargetState;
}

export interface StageResult {
  /** Old entries removed after the project moved in. */
  removed: number;
  /** Set when the old entries could not all be removed: where the rest is, and why. */
  leftOver?: { dir: string; reason: string };
}

export async function writeThroughStaging(
  { target, dir, state }: StageTarget,
  write: (staging: string) => Promise<void>,
  signal: AbortSignal,
): Promise<StageResult> {
  // 1. The target exists from here on: created when missing, removed again when nothing gets written.
  const created = makeTarget(target, dir);
  let release: () => void;
  try {
    release = claimTarget(target, dir);
  } catch (error) {
    removeCreated(created, target);
    throw error instanceof UsageError
      ? error
      : new UsageError(`Cannot write into ${dir} (${fsReason(error)})`);
  }

  let staging: string | undefined;
  let result: StageResult;
  try {
    // 2. A killed run's staging directories go; then only what the user agreed to may be in the way.
    for (const entry of await readdir(target)) {
      if (runEntry(target, entry) === 'dead')
        await rm(path.join(target, entry), { recursive: true, force: true });
    }
    recheck(target, dir, state);
    staging = tmp.dirSync({ tmpdir: target, prefix: STAGING_PREFIX }).name;

    // 3. Render. Ctrl-C stops it between two files.
    await write(staging);
    if (signal.aborted) throw new CancelledError();

    // 4. The move: not interrupted once begun (it is a few renames); done, or undone.
    result = await moveIn(target, dir, staging, recheck(target, dir, state));
    staging = undefined;
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true });
    release();
    removeCreated(created, target);
    if (signal.aborted || error instanceof CancelledError)
      throw new CancelledError(`Nothing was written: ${dir} is as it was.`);
    throw error;
  }
  release();
  return result;
}

/** `mkdir -p`; returns the first directory it created (to remove on failure), if any. */
function makeTarget(target: string, dir: string): string | undefined {
  try {
    return mkdirSync(target, { recursive: true });
  } catch (error) {
    throw new UsageError(`Cannot create ${dir} (${fsReason(error)})`);
  }
}

function removeCreated(created: string | undefined, target: string): void {
  if (!created) return;
  for (let dir = target; ; dir = path.dirname(dir)) {
    try {
      rmdirSync(dir); // only when empty: whatever someone else put there stays
    } catch {
      return;
    }
    if (dir === created) return;
  }
}

/** The user's entries now; any that was not there when they answered is an error (it was not agreed to). */
function recheck(target: string, dir: string, state: TargetState): string[] {
  const agreed = state.kind === 'not-empty' ? state.entries : [];
  const now = userEntries(target);
  const added = now.filter((entry) => !agreed.includes(entry));
  if (added.length > 0) {
    throw new UsageError(
      `${dir} changed while the project was being prepared: ${describeEntries(added, 5)} ${added.length === 1 ? 'is' : 'are'} new. ` +
        'Nothing was written; run again to see what is there now.',
    );
  }
  return now;
}

/**
 * Old entries aside (into a directory of ours in the target), the staged entries in, then the old ones removed.
 * A failure before the last part puts every entry back where it was.
 */
async function moveIn(target: string, dir: string, staging: string, old: string[]): Promise<StageResult> {
  const aside = old.length > 0 ? tmp.dirSync({ tmpdir: target, prefix: ASIDE_PREFIX }).name : undefined;
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const entry of old) {
      await rename(path.join(target, entry), path.join(aside!, entry)).catch((error: unknown) => {
        throw new UsageError(
          `Cannot move ${path.join(dir, entry)} out of the way (${fsReason(error)}); nothing was changed. ` +
            'Move it away yourself, or write the project into another directory.',
        );
      });
      movedAside.push(entry);
    }
    for (const entry of await readdir(staging)) {
      // Staging is inside the target: the same file system, so a rename (never a copy).
      await rename(path.join(staging, entry), path.join(target, entry)).catch((error: unknown) => {
        throw new UsageError(
          `Cannot move the project into ${dir} (${fsReason(error)}); your files are back as they were.`,
        );
      });
      movedIn.push(entry);
    }
  } catch (error) {
    await putBack(target, aside, movedAside, movedIn);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rmdir(staging);
  if (!aside) return { removed: 0 };
  try {
    await rm(aside, { recursive: true });
    return { removed: old.length };
  } catch (error) {
    return { removed: old.length, leftOver: { dir: aside, reason: fsReason(error) } };
  }
}

async function putBack(target: string, aside: string | undefined, movedAside: string[], movedIn: string[]) {
  for (const entry of movedIn) await rm(path.join(target, entry), { recursive: true, force: true });
  if (!aside) return;
  try {
    for (const entry of movedAside) await rename(path.join(aside, entry), path.join(target, entry));
    await rmdir(aside);
  } catch (error) {
    throw new UsageError(
      `Could not put your files back (${fsReason(error)}): they are in ${aside}. Nothing of them was removed.`,
    );
  }
}
