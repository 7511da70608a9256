// Talking to a running app the way a person's browser would: the manifest's probes, and its `write` sequence
// (cookies kept between requests, the CSRF token of the last form filled in), for the `start` and `docker` steps.
import type { Probe, WriteCheck, WriteRequest } from '../kit.js';

export interface Answer {
  status: number;
  body: string;
}

/** A problem in one line, or undefined when every probe answered as expected. `log` gets one line per request. */
export async function runProbes(base: string, probes: Probe[], log: string[]): Promise<string | undefined> {
  const visitor = new Visitor(base);
  for (const probe of probes) {
    const problem = await visitor.expect(
      { method: 'GET', path: probe.path, status: probe.status },
      probe.contains,
      log,
    );
    if (problem) return problem;
  }
  return undefined;
}

/** Runs the manifest's write requests as one visitor. */
export async function write(base: string, spec: WriteCheck, log: string[]): Promise<string | undefined> {
  const visitor = new Visitor(base);
  for (const request of spec.requests) {
    const problem = await visitor.expect(request, undefined, log);
    if (problem) return problem;
  }
  return undefined;
}

/** Reads back what `write` wrote (a new visitor: nothing of the writer's session helps). */
export function checkWritten(base: string, spec: WriteCheck, log: string[]): Promise<string | undefined> {
  return new Visitor(base).expect(
    { method: 'GET', path: spec.check.path, status: spec.check.status },
    spec.check.contains,
    log,
  );
}

/** GET a URL; undefined when nothing answers. */
export async function get(url: string): Promise<Answer | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

class Visitor {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(private readonly base: string) {}

  async expect(
    request: WriteRequest,
    contains: string | undefined,
    log: string[],
  ): Promise<string | undefined> {
    const answer = await this.send(request);
    const problem = !answer
      ? 'no answer'
      : answer.status !== request.status
        ? `status ${answer.status}, expected ${request.status}`
        : contains !== undefined && !answer.body.includes(contains)
          ? `the body does not contain ${JSON.stringify(contains)}`
          : undefined;
    const line = `${request.method} ${request.path} → ${answer ? answer.status : 'no answer'}`;
    log.push(problem ? `${line} (${problem})` : line);
    return problem && `${request.method} ${request.path}: ${problem}`;
  }

  private async send({ method, path, form, json }: WriteRequest): Promise<Answer | undefined> {
    const headers: Record<string, string> = { accept: 'text/html,application/json' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form) {
      const fields = new URLSearchParams(form);
      if (this.csrfToken && !fields.has('_csrf')) fields.set('_csrf', this.csrfToken);
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = fields.toString();
    } else if (json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(json);
    }
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(5000),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair?.indexOf('=') ?? -1;
        if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      }
      const text = await response.text();
      this.csrfToken = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? this.csrfToken;
      return { status: response.status, body: text };
    } catch {
      return undefined;
    }
  }
}
