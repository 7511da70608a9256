import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAi } from '../helpers/fake-openai.js';
import { type RunningServer, startServer } from '../helpers/server.js';

// End to end over real HTTP: the app listening on a port, clients that know nothing of its insides.
let server: RunningServer;
let fake: FakeOpenAi;
let token: string;

async function post(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

beforeAll(async () => {
  fake = await FakeOpenAi.start();
  // The real provider client, pointed at the fake provider; no fallback, so that what the provider does is seen.
  server = await startServer({ AI_BASE_URL: fake.url, AI_MODEL: 'fake-model', AI_FALLBACK: 'false' });
  const account = { email: 'e2e@example.com', name: 'E2E', password: 'a long passphrase' };
  await post('/api/v1/auth/register', account);
  token = ((await (await post('/api/v1/auth/login', account)).json()) as { accessToken: string }).accessToken;
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('the chat bot over HTTP', () => {
  it('streams to the official openai SDK through /v1/chat/completions', async () => {
    fake.reset();
    fake.behaviour = { chunkDelayMs: 20, words: ['Streamed', ' over', ' real', ' HTTP.'] };
    const created = await post('/api/v1/api-keys', { name: 'e2e' }, { authorization: `Bearer ${token}` });
    const { key } = (await created.json()) as { key: string };
    const client = new OpenAI({ apiKey: key, baseURL: `${server.url}/v1`, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    const pieces: string[] = [];
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) pieces.push(chunk.choices[0].delta.content);
    expect(pieces).toEqual(['Streamed', ' over', ' real', ' HTTP.']);
    expect(fake.requests[0]?.body).toMatchObject({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
  });

  it('stops the upstream request when the client disconnects from the SSE stream, and keeps what was said', async () => {
    fake.reset();
    fake.behaviour = { chunkDelayMs: 100, words: Array.from({ length: 100 }, (_, i) => ` word${i}`) };
    const headers = { authorization: `Bearer ${token}` };
    const { id } = (await (await post('/api/v1/conversations', {}, headers)).json()) as { id: number };
    const client = new AbortController();
    const response = await post(
      `/api/v1/conversations/${id}/messages`,
      { content: 'A long story, please', stream: true },
      headers,
      client.signal,
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader: ReadableStreamDefaultReader<Uint8Array> = response.body!.getReader();
    let received = '';
    while (!received.includes('event: delta')) received += new TextDecoder().decode((await reader.read()).value);
    client.abort();

    // The provider sees its request closed long before its 100 words (10 s) would have been sent.
    await fake.abandoned(1, 3000);
    const conversation = async () =>
      (await (await fetch(`${server.url}/api/v1/conversations/${id}`, { headers })).json()) as {
        messages: { role: string; finishReason: string | null; content: string }[];
      };
    await expect.poll(async () => (await conversation()).messages.at(-1)?.finishReason).toBe('stopped');
    const answer = (await conversation()).messages.at(-1)!;
    expect(answer.content.startsWith(' word0')).toBe(true);
    expect(answer.content.split(' ').length).toBeLessThan(50);
  });
});
