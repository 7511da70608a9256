// A run's claim on its target directory. A lock file in the target keeps two runs from writing into the same
// directory at once; the names of what a run puts there (the lock, its staging directory, the old files it moves
// aside) let a later run tell a dead run's leftovers from the user's files.
import { readFileSync, renameSync, statSync, unlinkSync, linkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from './errors.js';

export const LOCK_FILE = '.create-study-project.lock';
/** Staging directories are `.create-study-project-<pid>-<random>` (tmp's naming: prefix-pid-random). */
export const STAGING_PREFIX = '.create-study-project';
/** The old entries of an overwritten directory, until the project is in: `.create-study-project-old-files-…`. */
export const ASIDE_PREFIX = '.create-study-project-old-files';
const STAGING = /^\.create-study-project-(\d+)-[A-Za-z0-9]+$/;
/** A lock being taken over from a dead run (see takeOver). */
const STALE_LOCK = /^\.create-study-project\.lock\.(\d+)\.stale$/;
/** A lock that cannot be read yet is being written; after this long it was left by a run killed right then. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

interface Owner {
  pid: number;
  host: string;
}

/**
 * What an entry of a target directory is to the generator: a run's lock or staging directory that is still in
 * use (`live`), one a killed run left behind (`dead`: removed by the next run), or the user's (`undefined`).
 * The old files a run moved aside are the user's: they are never removed without the user.
 */
export function runEntry(target: string, name: string): 'live' | 'dead' | undefined {
  if (name === LOCK_FILE) return lockOwner(path.join(target, LOCK_FILE)) === 'dead' ? 'dead' : 'live';
  const pid = (STAGING.exec(name) ?? STALE_LOCK.exec(name))?.[1];
  if (pid) return isAlive({ pid: Number(pid), host: hostname() }) ? 'live' : 'dead';
  return undefined;
}

/** Who holds the lock: a run still going (or one we cannot check: another host), or a dead run. */
function lockOwner(lock: string): Owner | 'dead' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return 'dead'; // gone in the meantime
  }
  try {
    const owner = JSON.parse(text) as Owner;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string')
      return isAlive(owner) ? owner : 'dead';
  } catch {
    // written right now, or by a run killed between creating and writing it
  }
  try {
    return Date.now() - statSync(lock).mtimeMs > UNREADABLE_LOCK_GRACE_MS ? 'dead' : 'unreadable';
  } catch {
    return 'dead';
  }
}

function isAlive({ pid, host }: Owner): boolean {
  if (host !== hostname()) return true; // a shared folder: we cannot tell, so we don't take it
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** The claim on `target` (an existing directory): returns its release. Held by a live run → UsageError. */
export function claimTarget(target: string, dir: string): () => void {
  const lock = path.join(target, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, mine, { flag: 'wx' }); // O_EXCL: one run creates it, any other gets EEXIST
      return () => {
        try {
          if (readFileSync(lock, 'utf8') === mine) unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = lockOwner(lock);
    if (owner !== 'dead' || attempt > 0) throw heldBy(owner, dir, lock);
    takeOver(lock, dir);
  }
}

/** A dead run's lock: moved away under a name of our own first, so that two runs taking it over don't race. */
function takeOver(lock: string, dir: string): void {
  const seen = readText(lock);
  const moved = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, moved);
  } catch {
    return; // another run took it first: the next attempt meets that run's lock
  }
  if (readText(moved) === seen) {
    unlinkSync(moved);
    return;
  }
  // Between reading and moving it, another run replaced the dead lock with its own: put that one back.
  try {
    linkSync(moved, lock);
  } finally {
    unlinkSync(moved);
  }
  throw heldBy(lockOwner(lock), dir, lock);
}

function heldBy(owner: Owner | 'dead' | 'unreadable', dir: string, lock: string): UsageError {
  const who =
    typeof owner === 'object'
      ? `(pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}) `
      : '';
  return new UsageError(
    `Another create-study-project run ${who}is writing into ${dir}; nothing was written. ` +
      `Wait for it to finish, or, if no other run is going, remove ${lock}.`,
  );
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
