import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../core/config.js';
import { AppError, defineErrorCodes } from '../core/errors.js';
import { siteUrl } from '../core/site-url.js';
import type { ProviderProfile } from './account-service.js';

declare module '../core/errors.js' {
  interface ErrorCodes {
    /** The OAuth provider refused, or answered something unusable. */
    upstream_failed: 502;
  }
}
defineErrorCodes({ upstream_failed: 502 });

/** What the app keeps in the session between sending the browser to the provider and its coming back. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  next: string;
}

const tokenAnswer = z.object({ access_token: z.string().min(1) });
// GitHub says id + login (+ name, email, often null); OpenID Connect providers say sub + preferred_username.
const profileAnswer = z
  .object({
    id: z.union([z.number().int(), z.string().min(1).max(100)]).optional(),
    sub: z.string().min(1).max(100).optional(),
    login: z.string().nullish(),
    name: z.string().nullish(),
    preferred_username: z.string().nullish(),
  })
  .refine((profile) => profile.id !== undefined || profile.sub !== undefined, 'the profile has no id');

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * Signing in with a third party (the book's Flask-OAuthlib part), by the OAuth 2 authorization-code flow with
 * `state` (the answer belongs to this browser's request) and PKCE (a stolen code is useless without the verifier
 * this server kept). Any GitHub-style provider: the URLs come from the environment.
 */
export class OAuthService {
  readonly enabled: boolean;
  readonly providerName: string;
  /** The provider's key in oauth_accounts: its name in lower case. */
  readonly provider: string;

  constructor(
    private readonly config: Config,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.enabled = Boolean(config.OAUTH_CLIENT_ID);
    this.providerName = config.OAUTH_PROVIDER_NAME;
    this.provider = config.OAUTH_PROVIDER_NAME.toLowerCase().replace(/\s+/g, '-');
  }

  get redirectUri(): string {
    return `${siteUrl(this.config)}/oauth/callback`;
  }

  /** Where to send the browser, and what to keep in its session until it comes back. */
  start(next: string): { url: string; pending: PendingSignIn } {
    this.requireEnabled();
    const pending = { state: base64url(randomBytes(24)), verifier: base64url(randomBytes(32)), next };
    const url = new URL(this.config.OAUTH_AUTHORIZE_URL);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.config.OAUTH_CLIENT_ID ?? '');
    url.searchParams.set('redirect_uri', this.redirectUri);
    url.searchParams.set('scope', this.config.OAUTH_SCOPE);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('code_challenge', base64url(createHash('sha256').update(pending.verifier).digest()));
    url.searchParams.set('code_challenge_method', 'S256');
    return { url: url.toString(), pending };
  }

  /** Exchanges the code for an access token, then reads who signed in. */
  async finish(code: string, pending: PendingSignIn): Promise<ProviderProfile> {
    this.requireEnabled();
    const token = await this.call(this.config.OAUTH_TOKEN_URL, tokenAnswer, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: this.redirectUri,
        client_id: this.config.OAUTH_CLIENT_ID ?? '',
        client_secret: this.config.OAUTH_CLIENT_KEY ?? '',
        code_verifier: pending.verifier,
      }).toString(),
    });
    const profile = await this.call(this.config.OAUTH_USER_URL, profileAnswer, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    return {
      provider: this.provider,
      id: String(profile.id ?? profile.sub),
      nickname: (profile.login ?? profile.preferred_username ?? profile.name ?? '').trim(),
    };
  }

  private async call<T>(url: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
    const failed = () =>
      new AppError('upstream_failed', `${this.providerName} did not accept the sign-in. Please try again.`);
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        ...init,
        // GitHub refuses requests without a User-Agent, and answers the token request in JSON only when asked.
        headers: { accept: 'application/json', 'user-agent': 'study-project-chat', ...init.headers },
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw failed();
    }
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(body);
    if (!response.ok || !parsed.success) throw failed();
    return parsed.data;
  }

  private requireEnabled(): void {
    if (!this.enabled) throw new AppError('not_found', 'Signing in through a provider is not set up here.');
  }
}
