import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTestDatabaseTo } from '../helpers/database.js';

const root = resolve(import.meta.dirname, '../..');
let workDir = '';
let server: ChildProcess | undefined;
afterAll(async () => {
  // A failed run must not leave the server behind: it would keep the test run from ever ending.
  if (server?.exitCode === null) server.kill('SIGKILL');
  await rm(workDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('starts, serves, and on SIGTERM closes the database and exits with code 0', async () => {
    workDir = await mkdtemp(join(tmpdir(), 'shutdown-'));
    const dataDir = join(workDir, 'pglite');
    if (!process.env.DATABASE_URL) await writeTestDatabaseTo(dataDir);

    // The real entry point (src/main.ts), as `npm run dev` starts it, on a port the system picks.
    const started = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', PGLITE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server = started;
    const exited = new Promise<number | null>((done) => started.on('exit', (code) => done(code)));
    const lines: string[] = [];
    const address = await new Promise<string>((found, failed) => {
      createInterface({ input: started.stdout }).on('line', (line) => {
        lines.push(line);
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match?.[1]) found(match[1]);
      });
      void exited.then((code) => failed(new Error(`server exited (${code}) before listening:\n${lines.join('\n')}`)));
    });

    expect((await fetch(`${address}/ready`)).status).toBe(200);

    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.some((line) => line.includes('"msg":"shutting down"') && line.includes('SIGTERM'))).toBe(true);
    await expect(fetch(`${address}/health`)).rejects.toThrow();
    // The embedded database was closed, not abandoned: its lock is gone.
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    // Starting through tsx takes seconds on a busy machine (CI runs several checks at once).
  }, 90_000);
});
