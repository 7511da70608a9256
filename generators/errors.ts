/** A problem with what the user asked for (flags, preset, template): one clear line, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The user pressed Ctrl-C (or answered "cancel", or the process got SIGTERM/SIGHUP): "Cancelled", then what is
 * done and how to finish (`details`), exit code 130.
 */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(readonly details?: string) {
    super('Cancelled');
  }
}

export const EXIT_CANCELLED = 130;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A file system error in words: `EACCES` → "permission denied". */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    EXDEV: 'the move would cross file systems: a mount point, or a folder from an image layer',
    EBUSY: 'it is busy: a mount point, or in use',
    ENOSPC: 'no space left on the device',
    ENOTEMPTY: 'a directory of that name is in the way',
  };
  return code && reasons[code] ? `${code}: ${reasons[code]}` : errorMessage(error);
}
