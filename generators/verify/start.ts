// The `start` step: run the built app as production would, wait for /health, request every probe of the
// manifest and write what its `write` says (forms must work in production too), then SIGTERM and require a
// clean exit (code 0) within 10 s.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkWritten, get, runProbes, write } from './http.js';
import { freePort, productionSecrets, sleep } from './process.js';
import { runCommand, type StepContext, type StepOutcome } from './run.js';

const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export async function startAndProbe(ctx: StepContext): Promise<StepOutcome> {
  const command = await startCommand(ctx.projectDir);
  if (typeof command === 'string') return { ok: false, output: '', message: command };

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...ctx.env,
    ...productionSecrets(ctx.manifest),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
  };

  if (ctx.manifest.prepare) {
    const [, ...prepareArgs] = ctx.manifest.prepare;
    const prepared = await runCommand([process.execPath, ...prepareArgs], {
      cwd: ctx.projectDir,
      env,
      timeoutMs: 2 * 60_000,
    });
    if (!prepared.ok) return { ...prepared, message: `prepare: ${prepared.message ?? 'failed'}` };
  }

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
      healthy = (await get(`${base}/health`))?.status === 200;
      if (!healthy) await sleep(200);
    }
    if (!healthy) {
      if (exited)
        return failure(`the app exited before /health answered (exit code ${String((await done).exitCode)})`);
      return failure(`GET /health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
    }
    lines.push(`GET /health → 200`);

    const probeProblem = await runProbes(base, ctx.manifest.probes, lines);
    if (probeProblem) return failure(`probe ${probeProblem}`);
    const spec = ctx.manifest.write;
    if (spec) {
      const saved = {};
      const writeProblem =
        (await write(base, spec, lines, saved)) ?? (await checkWritten(base, spec, lines, saved));
      if (writeProblem) return failure(`write ${writeProblem}`);
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
