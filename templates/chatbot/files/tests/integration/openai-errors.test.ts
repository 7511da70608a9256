import OpenAI, { type APIError } from 'openai';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { type TestApp, useTestApp } from '../helpers/app.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';
import { injectFetch } from '../helpers/inject-fetch.js';

// Under /v1 errors come in OpenAI's shape, so that the official SDK raises its own error classes with the type,
// param and code filled in; under /api the app keeps its own shape.
const fake = await FakeOpenAi.start();
afterEach(() => fake.reset());
afterAll(() => fake.close());

async function apiKey(t: TestApp): Promise<string> {
  const { headers } = await signedIn(t);
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { name: 'sdk' } });
  return created.json<{ key: string }>().key;
}

const client = (t: TestApp, key: string) =>
  new OpenAI({ apiKey: key, baseURL: 'http://localhost/v1', fetch: injectFetch(t.app), maxRetries: 0 });

/** What a promise rejected with (a test fails if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the request to fail'),
    (error: unknown) => error,
  );
}

describe('OpenAI-shaped errors under /v1', () => {
  const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

  it('a wrong key: AuthenticationError, type authentication_error, code invalid_api_key', async () => {
    const error = await rejection(client(t, 'sk-chat-not-a-key').models.list());
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, type: 'authentication_error', code: 'invalid_api_key', param: null });
    expect((error as APIError).requestID).toEqual(expect.any(String));
  });

  it('an invalid body: BadRequestError naming the field in param, as OpenAI spells it', async () => {
    const sdk = client(t, await apiKey(t));
    const empty = await rejection(sdk.chat.completions.create({ model: 'offline-echo', messages: [] }));
    expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
    expect(empty).toMatchObject({ type: 'invalid_request_error', param: 'messages', code: 'validation_failed' });
    expect((empty as APIError).message).toContain('messages: Send at least one message.');

    const role = await rejection(
      sdk.chat.completions.create({
        model: 'offline-echo',
        messages: [{ role: 'robot', content: 'Hi' } as unknown as OpenAI.ChatCompletionMessageParam],
      }),
    );
    expect(role).toBeInstanceOf(OpenAI.BadRequestError);
    expect(role).toMatchObject({ type: 'invalid_request_error', param: 'messages.[0].role' });
  });

  it('an unknown address under /v1: NotFoundError, type invalid_request_error', async () => {
    const error = await rejection(client(t, await apiKey(t)).models.retrieve('no-such-model'));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'not_found', param: null });
  });

  it('the raw bodies: OpenAI shape under /v1 (a body that is not an object, a body too large), the app shape under /api', async () => {
    const headers = { authorization: `Bearer ${await apiKey(t)}`, 'content-type': 'application/json' };
    const notAnObject = await t.app.inject({ method: 'POST', url: '/v1/chat/completions', headers, payload: '"hi"' });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json()).toEqual({
      error: {
        message: 'The request is not valid.',
        type: 'invalid_request_error',
        param: null,
        code: 'validation_failed',
      },
    });
    const tooLarge = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers,
      payload: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toEqual({
      error: {
        message: 'The request body is too large.',
        type: 'invalid_request_error',
        param: null,
        code: 'payload_too_large',
      },
    });

    const api = await t.app.inject({ url: '/api/v1/conversations' });
    expect(api.json()).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) as string, requestId: api.headers['x-request-id'] },
    });
    // Only /v1 itself and what is under it: /v1x is some other address, answered in the app's shape.
    expect((await t.app.inject({ url: '/v1x' })).json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('OpenAI-shaped 429 under /v1', () => {
  const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0', RATE_LIMIT: '2' });

  it('over the rate limit: RateLimitError, type rate_limit_error, with Retry-After', async () => {
    // Making the key was the user's first request of the minute, this is the second, and the third is one too many.
    const sdk = client(t, await apiKey(t));
    await sdk.models.list();
    const error = await rejection(sdk.models.list());
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect((error as APIError).headers?.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('OpenAI-shaped provider failures under /v1', () => {
  const t = useTestApp({ AI_BASE_URL: fake.url, AI_FALLBACK: 'false', AI_MAX_RETRIES: '0' });

  it('a provider that is down: InternalServerError, type server_error', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 503 };
    const error = await rejection(
      client(t, await apiKey(t)).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] }),
    );
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 503, type: 'server_error', code: 'unavailable' });
  });

  it('a stream that breaks off: the SDK raises the error event as an APIError, type server_error', async () => {
    fake.behaviour = { dropAfter: 2 };
    const stream = await client(t, await apiKey(t)).chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    const error = await rejection(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      })(),
    );
    expect(text).toBe('Hello from');
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ type: 'server_error', code: 'upstream_failed' });
  });
});
