// Ctrl-C (SIGINT), SIGTERM and SIGHUP while a project is being written and set up: instead of killing the
// process where it stands, they abort a signal that each phase checks at a safe point (between files, before the
// move into the target, between the install and git), so that it can undo or finish what it started and say
// what is done.

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface Interrupt {
  /** Aborted with the name of the signal received as its `reason` ('SIGINT', 'SIGTERM' or 'SIGHUP'). */
  signal: AbortSignal;
  /** Stop catching: from here on a signal does what it does by default. */
  release(): void;
}

export function catchSignals(): Interrupt {
  const controller = new AbortController();
  const abort = (name: NodeJS.Signals): void => controller.abort(name);
  for (const name of SIGNALS) process.on(name, abort);
  return {
    signal: controller.signal,
    release: () => {
      for (const name of SIGNALS) process.off(name, abort);
    },
  };
}

/**
 * Run a long child (the install) in a process group of its own, and hand a signal we get on to the whole group:
 * a package manager's scripts (sh → node …) end with it, instead of living on with our terminal when only we got
 * SIGTERM. Ctrl-C on a terminal reaches us alone then, and so reaches them through us. After `graceMs` the group
 * is killed. (Windows has no process groups: there the child alone gets it.)
 */
export function forwardTo(
  child: { pid?: number | undefined; kill(signal?: NodeJS.Signals): boolean },
  signal: AbortSignal,
  graceMs: number,
): () => void {
  const send = (name: NodeJS.Signals): void => {
    try {
      if (process.platform === 'win32' || child.pid === undefined) child.kill(name);
      else process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const onAbort = (): void => {
    send((signal.reason as NodeJS.Signals | undefined) ?? 'SIGTERM');
    setTimeout(() => send('SIGKILL'), graceMs).unref();
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Options for a child that forwardTo() signals: its own process group (not on Windows). */
export const OWN_GROUP = { detached: process.platform !== 'win32' } as const;
