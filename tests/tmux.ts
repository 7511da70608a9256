// A real terminal for the interactive tests: the CLI runs in a detached tmux session on a private socket;
// the test types with send-keys and reads the screen with capture-pane.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { bin, cleanEnv, tempDir } from './helpers.js';

export interface Terminal {
  /** What the terminal shows; with `escapes`, with its colours and attributes as escape sequences. */
  screen(options?: { escapes?: boolean }): Promise<string>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  keys(...keys: string[]): Promise<void>;
  /** Waits for the CLI to exit and returns its exit code. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface TerminalOptions {
  /** Variables to set (a string) or unset (undefined) for the command, over the test environment. */
  env?: Record<string, string | undefined>;
  /** The command to run instead of the CLI with `args` (e.g. `npm create study-project`). */
  argv?: string[];
}

export async function openTerminal(
  args: string[],
  cwd: string,
  { env = {}, argv = [process.execPath, bin, ...args] }: TerminalOptions = {},
): Promise<Terminal> {
  const socket = `csp-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const exitFile = path.join(tempDir(), 'exit-code');
  const settings = Object.entries(env).flatMap(([key, value]) =>
    value === undefined ? ['-u', key] : [`${key}=${value}`],
  );
  const command = settings.length > 0 ? ['env', ...settings, ...argv] : argv;
  const quoted = command.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const tmux = (...tmuxArgs: string[]) =>
    execa('tmux', ['-L', socket, '-f', '/dev/null', ...tmuxArgs], {
      env: cleanEnv({ TERM: 'xterm-256color' }),
    });
  await tmux(
    'new-session',
    '-d',
    '-x',
    '120',
    '-y',
    '40',
    '-c',
    cwd,
    `${quoted}; echo $? > '${exitFile}'; sleep 600`,
  );

  const screen = async ({ escapes = false } = {}): Promise<string> =>
    String((await tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', '0')).stdout);
  const poll = async <T>(
    check: () => Promise<T | undefined> | T | undefined,
    what: string,
    timeoutMs: number,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Screen:\n${await screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return {
    screen,
    waitFor: (text, timeoutMs = 10_000) =>
      poll(
        async () => {
          const shown = await screen();
          return (typeof text === 'string' ? shown.includes(text) : text.test(shown)) ? shown : undefined;
        },
        String(text),
        timeoutMs,
      ),
    keys: async (...keys) => {
      await tmux('send-keys', '-t', '0', ...keys);
    },
    exitCode: (timeoutMs = 10_000) =>
      poll(
        () => {
          const text = existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : '';
          return text === '' ? undefined : Number(text);
        },
        'the CLI to exit',
        timeoutMs,
      ),
    close: async () => {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
