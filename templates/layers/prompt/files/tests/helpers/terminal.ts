// A real terminal for commands that ask questions: the command runs in a detached tmux session on a private
// socket; the test types with send-keys and reads the screen with capture-pane, as a person would see it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Terminal {
  screen(): Promise<string>;
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  type(text: string): Promise<void>;
  /** Presses keys by tmux name: `Enter`, `C-c`, `BSpace`. */
  press(...keys: string[]): Promise<void>;
  exitCode(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function openTerminal(argv: string[], cwd: string, env: Record<string, string>): Promise<Terminal> {
  await run('tmux', ['-V']).catch(() => {
    throw new Error('These tests need tmux, a real terminal to type in: install it (apt-get install tmux).');
  });
  const dir = await mkdtemp(join(tmpdir(), 'terminal-'));
  const exitFile = join(dir, 'exit-code');
  const socket = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  const command = ['env', ...Object.entries(env).map(([key, value]) => `${key}=${value}`), ...argv];
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, '-f', '/dev/null', ...args], { cwd });
  await tmux(
    'new-session',
    '-d',
    '-x',
    '120',
    '-y',
    '30',
    '-c',
    cwd,
    `${command.map(quote).join(' ')}; echo $? > ${quote(exitFile)}; sleep 600`,
  );

  const screen = async () => (await tmux('capture-pane', '-p', '-t', '0')).stdout;
  const poll = async <T>(check: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. The screen:\n${await screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    screen,
    waitFor: (text, timeoutMs = 30_000) =>
      poll(async () => ((await screen()).includes(text) ? screen() : undefined), `“${text}”`, timeoutMs),
    type: async (text) => void (await tmux('send-keys', '-t', '0', '-l', text)),
    press: async (...keys) => void (await tmux('send-keys', '-t', '0', ...keys)),
    exitCode: (timeoutMs = 30_000) =>
      poll(
        async () =>
          existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim() !== ''
            ? Number(readFileSync(exitFile, 'utf8'))
            : undefined,
        'the command to exit',
        timeoutMs,
      ),
    close: async () => {
      await tmux('kill-server').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
