import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FallbackProvider } from '../../src/services/ai/fallback-provider.js';
import { OfflineProvider } from '../../src/services/ai/offline-provider.js';
import {
  OpenAiCompatibleProvider,
  type OpenAiCompatibleOptions,
} from '../../src/services/ai/openai-compatible-provider.js';
import { type ChatProvider, ProviderError, type ProviderEvent } from '../../src/services/ai/provider.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';

// The provider client over real HTTP, against a local fake OpenAI-compatible server (tests/helpers/fake-openai.ts).
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await FakeOpenAi.start();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const messages = [{ role: 'user' as const, content: 'Hello?' }];
const provider = (options: Partial<OpenAiCompatibleOptions> = {}) =>
  new OpenAiCompatibleProvider({
    baseUrl: fake.url,
    apiKey: 'sk-test',
    model: 'fake-model',
    timeoutMs: 1000,
    maxRetries: 2,
    backoffMs: 10,
    ...options,
  });

async function answer(model: ChatProvider, signal?: AbortSignal): Promise<{ text: string; events: ProviderEvent[] }> {
  const events: ProviderEvent[] = [];
  for await (const event of model.stream({ messages, signal })) events.push(event);
  return { text: events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join(''), events };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('the OpenAI-compatible provider', () => {
  it('streams the answer and the usage, sending the model, the messages and the key', async () => {
    const { text, events } = await answer(provider());
    expect(text).toBe('Hello from the fake provider.');
    expect(events.at(-1)).toEqual({ type: 'usage', promptTokens: 11, completionTokens: 5 });
    expect(fake.requests[0]).toMatchObject({
      body: { model: 'fake-model', messages, stream: true },
      authorization: 'Bearer sk-test',
    });
  });

  it('retries a 5xx with backoff, and succeeds when the provider recovers', async () => {
    fake.behaviour = { failTimes: 2, failStatus: 503 };
    expect((await answer(provider())).text).toBe('Hello from the fake provider.');
    expect(fake.requests).toHaveLength(3);
  });

  it('retries a 429 after the Retry-After it was given', async () => {
    fake.behaviour = { failTimes: 1, failStatus: 429, retryAfter: '0.3' };
    const started = Date.now();
    await answer(provider());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after the retries: 5xx → unavailable, 429 → busy', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 500 };
    expect(await failure(answer(provider()))).toMatchObject({ failure: 'unavailable', isOutage: true });
    expect(fake.requests).toHaveLength(3);
    fake.reset();
    fake.behaviour = { failTimes: 10, failStatus: 429 };
    expect(await failure(answer(provider({ maxRetries: 1 })))).toMatchObject({ failure: 'busy' });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry a 4xx: a wrong key or model would fail the same way again', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 401 };
    const error = await failure(answer(provider()));
    expect(error).toMatchObject({ failure: 'rejected', isOutage: false });
    expect(error.message).toContain('401');
    expect(fake.requests).toHaveLength(1);
  });

  it('times out when the provider does not answer, or stops half-way', async () => {
    fake.behaviour = { headerDelayMs: 2000 };
    expect(await failure(answer(provider({ timeoutMs: 200 })))).toMatchObject({ failure: 'timeout' });
    await fake.abandoned(1);
    fake.reset();
    fake.behaviour = { chunkDelayMs: 2000 };
    expect(await failure(answer(provider({ timeoutMs: 200 })))).toMatchObject({ failure: 'timeout' });
  });

  it('reports a dropped stream as interrupted', async () => {
    fake.behaviour = { dropAfter: 2 };
    expect(await failure(answer(provider()))).toMatchObject({ failure: 'interrupted' });
  });

  it('reports a provider that nothing answers for as unavailable', async () => {
    const nowhere = provider({ baseUrl: 'http://127.0.0.1:9/v1' });
    expect(await failure(answer(nowhere))).toMatchObject({ failure: 'unavailable' });
  });

  it('stops the upstream request when the caller aborts', async () => {
    fake.behaviour = { chunkDelayMs: 100, words: Array.from({ length: 50 }, (_, i) => ` w${i}`) };
    const controller = new AbortController();
    const reading = (async () => {
      for await (const event of provider().stream({ messages, signal: controller.signal })) {
        if (event.type === 'delta') controller.abort(new Error('client gone'));
      }
    })();
    await expect(reading).rejects.toThrow('client gone');
    await fake.abandoned(1);
  });
});

describe('the fallback', () => {
  const offline = new OfflineProvider(0);

  it('answers with the offline model when the provider is down, and says so', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 502 };
    const seen: ProviderError[] = [];
    const { text, events } = await answer(
      new FallbackProvider(provider({ maxRetries: 0 }), offline, (e) => seen.push(e)),
    );
    expect(text).toContain('(offline model)');
    expect(events[0]).toMatchObject({ type: 'fallback', provider: 'offline' });
    expect(seen).toHaveLength(1);
  });

  it('does not hide a rejected request or a stream that broke off half-way', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 400 };
    expect(await failure(answer(new FallbackProvider(provider(), offline)))).toMatchObject({ failure: 'rejected' });
    fake.reset();
    fake.behaviour = { dropAfter: 2 };
    expect(await failure(answer(new FallbackProvider(provider(), offline)))).toMatchObject({ failure: 'interrupted' });
  });
});
