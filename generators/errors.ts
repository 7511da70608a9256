/** A problem with what the user asked for (flags, preset, template): one clear line, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user pressed Ctrl-C (or answered "cancel"): "Cancelled", exit code 130, nothing left behind. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled');
  }
}

export const EXIT_CANCELLED = 130;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
