import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { relaxedLimits } from '../helpers/chat.js';
import { WebClient } from '../helpers/web-client.js';

// A real OAuth 2 server on this machine (oauth2-mock-server): it issues codes, checks the PKCE verifier against
// the challenge at the token endpoint, and answers /userinfo. Each test shapes its answers through its events.
const provider = new OAuth2Server();
let issuer = '';

beforeAll(async () => {
  await provider.issuer.keys.generate('RS256');
  await provider.start(0, '127.0.0.1');
  issuer = provider.issuer.url ?? '';
});
afterAll(async () => provider.stop());
beforeEach(() => {
  provider.service.removeAllListeners();
  // GitHub's shape: a numeric id and a login; the e-mail is null when the user keeps it private.
  provider.service.on('beforeUserinfo', (response: { body: unknown }) => {
    response.body = { id: 4242, login: 'octocat', name: 'The Octocat', email: null };
  });
});

const t = useTestApp(() => ({
  ...relaxedLimits,
  SITE_URL: 'http://chat.test',
  OAUTH_CLIENT_ID: 'chat-app',
  OAUTH_CLIENT_KEY: 'chat-app-key',
  OAUTH_PROVIDER_NAME: 'GitHub',
  OAUTH_AUTHORIZE_URL: `${issuer}/authorize`,
  OAUTH_TOKEN_URL: `${issuer}/token`,
  OAUTH_USER_URL: `${issuer}/userinfo`,
}));

/** Starts a sign-in: the app's redirect to the provider, as a browser follows it. */
async function startSignIn(web: WebClient, next = '/rooms/coders') {
  const start = await web.get(`/oauth/login?next=${encodeURIComponent(next)}`);
  expect(start.statusCode).toBe(303);
  const authorize = new URL(String(start.headers.location));
  return authorize;
}

/** The provider's answer: where it sends the browser back (the user "consents" at once). */
async function atProvider(authorize: URL): Promise<URL> {
  const answer = await fetch(authorize, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(String(answer.headers.get('location')));
}

const back = (web: WebClient, callback: URL) => web.get(`${callback.pathname}${callback.search}`);

async function signedInAs(web: WebClient): Promise<string | undefined> {
  const page = await web.get('/rooms/general');
  return /class="signed-in-as">([^<]*)</.exec(page.body)?.[1];
}

describe('signing in with a provider (authorization code + state + PKCE)', () => {
  it('sends the browser to the provider with the client id, state and an S256 challenge', async () => {
    const authorize = await startSignIn(new WebClient(t.app));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${issuer}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'chat-app',
      redirect_uri: 'http://chat.test/oauth/callback',
      scope: 'read:user',
      code_challenge_method: 'S256',
    });
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  });

  it('comes back signed in, as a new account linked by the provider id, with no e-mail needed', async () => {
    const web = new WebClient(t.app);
    const callback = await atProvider(await startSignIn(web));
    const done = await back(web, callback);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/rooms/coders');
    expect(await signedInAs(web)).toBe('octocat');

    // The next sign-in finds the same account (by id 4242), even with another login name.
    provider.service.removeAllListeners('beforeUserinfo');
    provider.service.on('beforeUserinfo', (response: { body: unknown }) => {
      response.body = { id: 4242, login: 'renamed' };
    });
    const again = new WebClient(t.app);
    await back(again, await atProvider(await startSignIn(again)));
    expect(await signedInAs(again)).toBe('octocat');
  });

  it('never links by e-mail: a provider account with the e-mail of a password account gets an account of its own', async () => {
    const owner = new WebClient(t.app);
    await owner.get('/register');
    await owner.submit('/register', { email: 'ada@example.com', nickname: 'Ada', password: 'a long enough password' });
    provider.service.removeAllListeners('beforeUserinfo');
    provider.service.on('beforeUserinfo', (response: { body: unknown }) => {
      response.body = { sub: 'someone-else', preferred_username: 'mallory', email: 'ada@example.com' };
    });
    const web = new WebClient(t.app);
    await back(web, await atProvider(await startSignIn(web)));
    expect(await signedInAs(web)).toBe('mallory');
  });

  it('denied consent: back on the sign-in page, told so, not signed in', async () => {
    provider.service.once('beforeAuthorizeRedirect', ({ url }: { url: URL }) => {
      url.searchParams.delete('code');
      url.searchParams.set('error', 'access_denied');
    });
    const web = new WebClient(t.app);
    const done = await back(web, await atProvider(await startSignIn(web)));
    expect(done.headers.location).toBe('/login');
    expect((await web.get('/login')).body).toContain('Signing in with GitHub was cancelled.');
    expect(await signedInAs(web)).toBeUndefined();
  });

  it('a wrong state, or none, or a callback without a sign-in under way, is refused', async () => {
    for (const state of ['forged-state', undefined]) {
      provider.service.once('beforeAuthorizeRedirect', ({ url }: { url: URL }) => {
        if (state) url.searchParams.set('state', state);
        else url.searchParams.delete('state');
      });
      const web = new WebClient(t.app);
      const done = await back(web, await atProvider(await startSignIn(web)));
      expect(done.headers.location).toBe('/login');
      expect((await web.get('/login')).body).toContain('That sign-in did not start here, or it expired.');
      expect(await signedInAs(web)).toBeUndefined();
    }
    const stranger = new WebClient(t.app);
    expect((await stranger.get('/oauth/callback?code=abc&state=abc')).headers.location).toBe('/login');
  });

  it("PKCE: a code taken to another browser's sign-in fails at the provider (its verifier does not match)", async () => {
    const victim = new WebClient(t.app);
    const stolen = await atProvider(await startSignIn(victim));
    const attacker = new WebClient(t.app);
    const own = await atProvider(await startSignIn(attacker));
    const forged = new URL(own);
    forged.searchParams.set('code', String(stolen.searchParams.get('code')));
    const done = await back(attacker, forged);
    expect(done.headers.location).toBe('/login');
    expect((await attacker.get('/login')).body).toContain('GitHub did not accept the sign-in.');
    expect(await signedInAs(attacker)).toBeUndefined();
  });

  it('the same callback cannot be used twice', async () => {
    const web = new WebClient(t.app);
    const callback = await atProvider(await startSignIn(web));
    await back(web, callback);
    await web.get('/rooms/general');
    await web.submit('/logout', {});
    expect((await back(web, callback)).headers.location).toBe('/login');
    expect(await signedInAs(web)).toBeUndefined();
  });

  it('hostile callback parameters are a 400, never a 500', async () => {
    const web = new WebClient(t.app);
    expect((await web.get(`/oauth/callback?code=${'x'.repeat(3000)}&state=s`)).statusCode).toBe(400);
    expect((await web.get('/oauth/callback?state=a&state=b')).statusCode).toBe(400);
  });
});

describe('without OAUTH_CLIENT_ID', () => {
  const plain = useTestApp(relaxedLimits);

  it('there is no provider button, and /oauth/login is not found', async () => {
    const web = new WebClient(plain.app);
    expect((await web.get('/login')).body).not.toContain('Sign in with');
    expect((await web.get('/oauth/login')).statusCode).toBe(404);
  });
});
