// Running a step's command as a child process with its output captured (stdout and stderr interleaved).
import type { Template } from '../kit.js';

export interface StepContext {
  /** What `--template` gets: a kit name or an absolute folder path. */
  template: string;
  manifest: Template;
  /** The fresh temporary directory; the project is generated into `projectDir` inside it. */
  workDir: string;
  projectDir: string;
  /** The environment every step starts from (see baseEnv). */
  env: NodeJS.ProcessEnv;
}

export interface StepOutcome {
  ok: boolean;
  /** Captured output, shown (its tail) when the step fails. */
  output: string;
  /** Why it failed, in one line. */
  message?: string;
  /** A figure worth seeing on success (e.g. the image size), printed after the step's time. */
  summary?: string;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export async function runCommand(
  command: string[],
  { cwd, env, timeoutMs }: CommandOptions,
): Promise<StepOutcome> {
  const { execa } = await import('execa');
  const [file, ...args] = command as [string, ...string[]];
  const result = await execa(file, args, {
    cwd,
    env,
    extendEnv: false,
    all: true,
    reject: false,
    stdin: 'ignore',
    timeout: timeoutMs,
    forceKillAfterDelay: 5000,
  });
  const output = result.all ?? '';
  if (!result.failed) return { ok: true, output };
  const shown = command.join(' ');
  let message = `${shown} exited with code ${String(result.exitCode)}`;
  if (result.timedOut) message = `${shown} timed out after ${Math.round(timeoutMs / 1000)} s`;
  else if (result.code === 'ENOENT') message = `${file} was not found`;
  else if (result.signal) message = `${shown} was killed by ${result.signal}`;
  return { ok: false, output, message };
}

/** The parent's environment without what would leak into the project's runs (its own database, port, npm's
 * view of the package that runs verify). Steps add what they need on top. */
export function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      [
        'DATABASE_URL',
        'TEST_DATABASE_URL',
        'NODE_ENV',
        'PORT',
        'HOST',
        'E2E_REQUIRE_BROWSER',
        'INIT_CWD',
      ].includes(key)
    )
      continue;
    if (key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_')) continue;
    env[key] = value;
  }
  return env;
}

export function tail(output: string, lines = 40): string {
  const all = output.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}
