import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { injectFetch } from '../helpers/inject-fetch.js';

const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

/** An API key made through the API, as a user would. */
async function apiKey(): Promise<string> {
  const { headers } = await signedIn(t);
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { name: 'laptop' } });
  expect(created.statusCode).toBe(201);
  return created.json<{ key: string }>().key;
}

/** The official openai SDK, pointed at this app. */
const client = (key: string) =>
  new OpenAI({ apiKey: key, baseURL: 'http://localhost/v1', fetch: injectFetch(t.app), maxRetries: 0 });

describe('the OpenAI-compatible endpoint, driven by the official openai SDK', () => {
  it('answers chat.completions.create', async () => {
    const completion = await client(await apiKey()).chat.completions.create({
      model: 'offline-echo',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Hello from the SDK' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message).toEqual({
      role: 'assistant',
      content: expect.stringContaining('Hello from the SDK') as string,
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams with stream: true, ending with the usage', async () => {
    const stream = await client(await apiKey()).chat.completions.create({
      model: 'offline-echo',
      messages: [{ role: 'user', content: 'Stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('You said: "Stream please". This is message 1 of yours that I have seen. (offline model)');
    // The offline model counts a word as a token.
    expect(usage?.completion_tokens).toBe(text.split(' ').length);
  });

  it('reads content parts and developer messages as OpenAI sends them', async () => {
    const completion = await client(await apiKey()).chat.completions.create({
      model: 'offline-echo',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'an earlier question' },
        { role: 'assistant', content: null, refusal: null },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
            { type: 'text', text: 'in parts' },
          ],
        },
      ],
    });
    // Only the text parts count; the developer's message is a system message, not one of the user's.
    expect(completion.choices[0]?.message.content).toBe(
      'You said: "Hello in parts". This is message 2 of yours that I have seen. ' +
        'Earlier you asked: "an earlier question". (offline model)',
    );
  });

  it('lists the model', async () => {
    const models = await client(await apiKey()).models.list();
    expect(models.data.map((model) => model.id)).toEqual(['offline-echo']);
  });

  it('refuses a wrong or deleted key with 401, which the SDK raises as AuthenticationError', async () => {
    await expect(client('sk-chat-not-a-key').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

    const { headers } = await signedIn(t);
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { name: 'old' } })
    ).json<{ id: number; key: string }>();
    const listed = await t.app.inject({ url: '/api/v1/api-keys', headers });
    expect(listed.json()).toEqual([
      expect.objectContaining({ id: created.id, name: 'old', prefix: created.key.slice(0, 12) }),
    ]);
    expect(listed.body).not.toContain(created.key);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}`, headers });
    await expect(client(created.key).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('answers a malformed request with 400, which the SDK raises as BadRequestError', async () => {
    const request = client(await apiKey()).chat.completions.create({ model: 'offline-echo', messages: [] });
    await expect(request).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});
