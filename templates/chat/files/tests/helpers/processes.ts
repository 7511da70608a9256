import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, and the exit code once it has stopped. */
  stop(): Promise<number | null>;
}

/**
 * The app as its own process (src/main.ts through tsx, as `npm run dev` runs it, without the file watcher), on a
 * free port: what the multi-process test and the benchmark run several of. Resolves once it listens.
 */
export function startAppProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the app did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolvePromise({ url, child, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (code ${code}) before it listened:\n${output}`));
    });
  });
}

/** Signs up through the app's own form over real HTTP, as a browser does; returns the session cookie. */
export async function signUpOver(url: string, nickname: string, email: string): Promise<string> {
  const page = await fetch(`${url}/register`, { headers: { accept: 'text/html' } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const response = await fetch(`${url}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, nickname, password: 'a long enough password' }).toString(),
  });
  if (response.status !== 303) throw new Error(`registering ${email} failed: ${response.status}`);
  const session = (response.headers.getSetCookie()[0] ?? '').split(';')[0];
  if (!session?.startsWith('sid=')) throw new Error('no session cookie after registering');
  return session;
}
