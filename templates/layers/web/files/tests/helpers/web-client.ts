import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over app.inject: keeps cookies between requests and reads the CSRF token from the last
 * form it was shown, so tests can fill in forms the way a person does.
 */
export class WebClient {
  private readonly cookies = new Map<string, string>();
  private token: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { accept: 'text/html', ...this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a form with the CSRF token of the last page (unless told otherwise), as a browser would. */
  async submit(url: string, fields: Record<string, string>, { csrf = true } = {}): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams(fields);
    if (csrf) form.set('_csrf', this.csrfToken());
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
      payload: form.toString(),
    });
    this.remember(response);
    return response;
  }

  /** Follows a redirect the way a browser does after Post/Redirect/Get. */
  async follow(response: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    const location = response.headers.location;
    if (typeof location !== 'string') throw new Error(`expected a redirect, got ${response.statusCode}`);
    return this.get(location);
  }

  /** The value of a cookie the app set, as the browser keeps it. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The token of the last form this client was shown. */
  csrfToken(): string {
    if (!this.token) throw new Error('no page with a form has been shown to this client yet');
    return this.token;
  }

  /** The `cookie` header this client would send now (every cookie it keeps), for a hand-made request. */
  cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private remember(response: LightMyRequestResponse): void {
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.token = token;
    for (const cookie of response.cookies as { name: string; value: string }[])
      this.cookies.set(cookie.name, cookie.value);
  }
}
