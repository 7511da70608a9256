import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { parseEvents } from '../helpers/sse.js';

const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

async function start(headers: Record<string, string>, title?: string): Promise<number> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers,
    payload: title ? { title } : {},
  });
  expect(created.statusCode).toBe(201);
  return created.json<{ id: number }>().id;
}

describe('conversations', () => {
  it('are created, listed newest first, renamed and deleted', async () => {
    const { headers } = await signedIn(t);
    const first = await start(headers, 'First');
    const second = await start(headers);
    const list = await t.app.inject({ url: '/api/v1/conversations', headers });
    expect(list.json()).toMatchObject({
      total: 2,
      items: [
        { id: second, title: 'New conversation' },
        { id: first, title: 'First' },
      ],
    });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/conversations/${first}`,
      headers,
      payload: { title: 'Renamed' },
    });
    expect(renamed.json()).toMatchObject({ id: first, title: 'Renamed' });

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/conversations/${first}`, headers })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ url: `/api/v1/conversations/${first}`, headers })).statusCode).toBe(404);
  });

  it('answer a message whole (JSON), with the earlier turns as context; the title job names it', async () => {
    const { headers } = await signedIn(t);
    const id = await start(headers);
    const send = (content: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/messages`, headers, payload: { content } });
    const first = await send('What is dependency injection?');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      userMessage: { role: 'user', content: 'What is dependency injection?' },
      message: { role: 'assistant', finishReason: 'stop', provider: 'offline' },
      cached: false,
    });
    const second = await send('And the repository pattern?');
    expect(second.json<{ message: { content: string } }>().message.content).toContain(
      'Earlier you asked: "What is dependency injection?"',
    );

    const open = async () =>
      (await t.app.inject({ url: `/api/v1/conversations/${id}`, headers })).json<{
        title: string;
        messages: unknown[];
      }>();
    // The title is a background job: it comes a moment after the answer.
    await expect.poll(async () => (await open()).title).toBe('What is dependency injection?');
    expect((await open()).messages).toHaveLength(4);
  });

  it('stream the answer as Server-Sent Events: start, deltas, done', async () => {
    const { headers } = await signedIn(t);
    const id = await start(headers);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers,
      payload: { content: 'Stream it', stream: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = parseEvents(response.body);
    expect(events[0]).toMatchObject({
      event: 'start',
      data: { conversationId: id, userMessage: { content: 'Stream it' } },
    });
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(5);
    const done = events.at(-1) as { event: string; data: { message: { content: string } } };
    expect(done.event).toBe('done');
    expect(done.data.message.content).toBe(deltas.join(''));
  });

  it('a bad message is refused before any stream starts: 400, or 404 for a conversation that is not yours', async () => {
    const { headers } = await signedIn(t);
    const id = await start(headers);
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers,
      payload: { content: '  ', stream: true },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'content' }] } });
    const other = await signedIn(t);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers: other.headers,
      payload: { content: 'hi', stream: true },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/json');
  });

  it("report today's usage against the daily quota", async () => {
    const { headers } = await signedIn(t);
    const id = await start(headers);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers,
      payload: { content: 'count me' },
    });
    const usage = (await t.app.inject({ url: '/api/v1/usage', headers })).json<{ used: number; limit: number }>();
    expect(usage.used).toBeGreaterThan(0);
    expect(usage.limit).toBe(100_000);
  });
});
