// The `start` step: run the built app as production would, wait for /health, request every probe of the
// manifest, then SIGTERM and require a clean exit (code 0) within 10 s.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { mergeEnv, templateParts } from '../plan.js';
import type { StepContext, StepOutcome } from './run.js';

const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export async function startAndProbe(ctx: StepContext): Promise<StepOutcome> {
  const command = await startCommand(ctx.projectDir);
  if (typeof command === 'string') return { ok: false, output: '', message: command };

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const secrets = mergeEnv(templateParts(ctx.manifest))
    .filter((entry) => entry.secret)
    .map((entry): [string, string] => [entry.name, randomSecret()]);
  const env = {
    ...ctx.env,
    ...Object.fromEntries(secrets),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
  };

  const { execa } = await import('execa');
  const [file, ...args] = command;
  const app = execa(file, args, {
    cwd: ctx.projectDir,
    env,
    extendEnv: false,
    all: true,
    reject: false,
    stdin: 'ignore',
  });
  let output = '';
  app.all?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const done = app.then((result) => {
    exited = true;
    return result;
  });
  const lines: string[] = [];
  const failure = (message: string): StepOutcome => ({
    ok: false,
    output: `${lines.join('\n')}\n${output}`,
    message,
  });

  try {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    let healthy = false;
    while (!healthy && !exited && Date.now() < deadline) {
      healthy = (await request(`${base}/health`))?.status === 200;
      if (!healthy) await sleep(200);
    }
    if (!healthy) {
      if (exited)
        return failure(`the app exited before /health answered (exit code ${String((await done).exitCode)})`);
      return failure(`GET /health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
    }
    lines.push(`GET /health → 200`);

    for (const probe of ctx.manifest.probes) {
      const response = await request(`${base}${probe.path}`);
      const problem = !response
        ? 'no answer'
        : response.status !== probe.status
          ? `status ${response.status}, expected ${probe.status}`
          : probe.contains !== undefined && !response.body.includes(probe.contains)
            ? `the body does not contain ${JSON.stringify(probe.contains)}`
            : undefined;
      lines.push(
        `GET ${probe.path} → ${response ? response.status : 'no answer'}${problem ? ` (${problem})` : ''}`,
      );
      if (problem) return failure(`probe GET ${probe.path}: ${problem}`);
    }

    app.kill('SIGTERM');
    const stopped = await Promise.race([done, sleep(STOP_TIMEOUT_MS, { unref: true }).then(() => undefined)]);
    if (!stopped) return failure(`the app did not exit within ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`);
    if (stopped.exitCode !== 0) {
      return failure(
        `the app exited with ${stopped.signal ?? `code ${String(stopped.exitCode)}`} after SIGTERM, expected code 0`,
      );
    }
    lines.push('SIGTERM → exit code 0');
    return { ok: true, output: `${lines.join('\n')}\n${output}` };
  } finally {
    if (!exited) {
      app.kill('SIGKILL');
      await done;
    }
  }
}

/**
 * `npm start` would not do: npm does not pass SIGTERM on to the app (it dies with 143 and leaves the app
 * running). So the `start` script must be `node <args>`, and verify runs that with this Node.
 */
async function startCommand(projectDir: string): Promise<[string, ...string[]] | string> {
  const pkg = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.start;
  const words = script?.trim().split(/\s+/) ?? [];
  if (words[0] !== 'node' || /[|&;<>()$`"'\\*?]/.test(script ?? '')) {
    return `scripts.start must be "node <file> [args]" so that verify can signal the app itself (got ${JSON.stringify(script)})`;
  }
  return [process.execPath, ...words.slice(1)];
}

async function request(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** 48 characters, as strong as a production secret must be. */
function randomSecret(): string {
  return randomBytes(36).toString('base64url');
}

/** `unref`: a pending timer must not keep verify alive once the app has exited. */
function sleep(ms: number, { unref = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (unref) timer.unref();
  });
}
