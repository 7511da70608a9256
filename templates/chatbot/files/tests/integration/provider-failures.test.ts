import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { type TestApp, useTestApp } from '../helpers/app.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';
import { parseEvents } from '../helpers/sse.js';

// What a client of the API sees when the model provider misbehaves (the fake OpenAI-compatible server).
const fake = await FakeOpenAi.start();
afterEach(() => fake.reset());
afterAll(() => fake.close());

async function ask(t: TestApp, stream: boolean) {
  const { headers } = await signedIn(t);
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/v1/conversations', headers, payload: {} })).json<{
    id: number;
  }>();
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${id}/messages`,
    headers,
    payload: { content: 'Are you there?', stream },
  });
  const messages = async () =>
    (await t.app.inject({ url: `/api/v1/conversations/${id}`, headers })).json<{
      messages: { role: string; content: string; provider: string | null; finishReason: string | null }[];
    }>().messages;
  return { response, messages };
}

describe('without a fallback', () => {
  const t = useTestApp({ AI_BASE_URL: fake.url, AI_FALLBACK: 'false', AI_MAX_RETRIES: '1' });

  it('a provider that is down: 503 with Retry-After, before any stream starts, and nothing stored', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 503 };
    const { response, messages } = await ask(t, true);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(fake.requests).toHaveLength(2);
    expect(await messages()).toEqual([]);
  });

  it('a stream that breaks off: an error event ends it, and the partial answer is stored as an error', async () => {
    fake.behaviour = { dropAfter: 2 };
    const { response, messages } = await ask(t, true);
    expect(response.statusCode).toBe(200);
    const events = parseEvents(response.body);
    expect(events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text)).toEqual([
      'Hello',
      ' from',
    ]);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { error: { code: 'upstream_failed' } } });
    expect((await messages()).at(-1)).toMatchObject({
      role: 'assistant',
      content: 'Hello from',
      finishReason: 'error',
    });
  });
});

describe('with the fallback (the default)', () => {
  const t = useTestApp({ AI_BASE_URL: fake.url, AI_MAX_RETRIES: '0', OFFLINE_TOKEN_DELAY_MS: '0' });

  it('a provider that is down: the offline model answers, and the message says so', async () => {
    fake.behaviour = { failTimes: 10, failStatus: 502 };
    const { response } = await ask(t, false);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      message: {
        provider: 'offline (fallback)',
        finishReason: 'stop',
        content: expect.stringContaining('offline model') as string,
      },
    });
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('provider_errors_total{provider="openai-compatible",failure="unavailable"} 1');
  });
});
