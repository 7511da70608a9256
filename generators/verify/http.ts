// Talking to a running app the way a person's browser (or an API client) would: the manifest's probes, and its
// `write` sequence (cookies kept between requests, the CSRF token of the last form filled in, values saved from
// JSON answers and used in later requests: a bearer token, an id), for the `start` and `docker` steps.
import { PLACEHOLDER, type Probe, type WriteCheck, type WriteRequest } from '../kit.js';

/** Values saved by `save` during a write (name → text), used by `{{name}}` in later requests and the check. */
export type Saved = Record<string, string>;

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

/** Runs the manifest's write requests as one visitor; what they `save` is put in `saved`. */
export async function write(
  base: string,
  spec: WriteCheck,
  log: string[],
  saved: Saved = {},
): Promise<string | undefined> {
  const visitor = new Visitor(base, saved);
  for (const request of spec.requests) {
    const problem = await visitor.expect(request, undefined, log);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Reads back what `write` wrote, as a new visitor: no cookies, nothing of the writer's session helps; only the
 * values it saved (e.g. an access token and the id of what it made) can be used by the check.
 */
export function checkWritten(
  base: string,
  spec: WriteCheck,
  log: string[],
  saved: Saved = {},
): Promise<string | undefined> {
  const { path, status, headers, contains } = spec.check;
  return new Visitor(base, saved).expect({ method: 'GET', path, status, headers }, contains, log);
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

  constructor(
    private readonly base: string,
    private readonly saved: Saved = {},
  ) {}

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
          : this.keep(answer.body, request.save);
    const path = this.fill(request.path);
    const line = `${request.method} ${path} → ${answer ? answer.status : 'no answer'}`;
    log.push(problem ? `${line} (${problem})` : line);
    return problem && `${request.method} ${path}: ${problem}`;
  }

  /** Saves the named fields of a JSON answer; a problem when one is missing. */
  private keep(body: string, save: Record<string, string> = {}): string | undefined {
    if (Object.keys(save).length === 0) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return 'the answer is not JSON, so nothing can be saved from it';
    }
    for (const [name, field] of Object.entries(save)) {
      const found = field
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | null)?.[key], value);
      if (typeof found !== 'string' && typeof found !== 'number')
        return `the answer has no field ${field} to save`;
      this.saved[name] = String(found);
    }
    return undefined;
  }

  /** `{{name}}` → the saved value, in a string or in every string of a JSON value. */
  private fill<T>(value: T): T {
    if (typeof value === 'string')
      return value.replace(PLACEHOLDER, (_, name: string) => this.saved[name] ?? '') as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.fill(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.fill(item)])) as T;
    }
    return value;
  }

  private async send(request: WriteRequest): Promise<Answer | undefined> {
    const { method, path, form, json, headers: given } = this.fill(request);
    const headers: Record<string, string> = { accept: 'text/html,application/json', ...given };
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
