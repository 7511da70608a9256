import { describe, expect, it } from 'vitest';
import { OfflineProvider } from '../../src/services/ai/offline-provider.js';
import type { ProviderEvent } from '../../src/services/ai/provider.js';

async function collect(events: AsyncIterable<ProviderEvent>): Promise<ProviderEvent[]> {
  const all: ProviderEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('the offline model', () => {
  const model = new OfflineProvider(0);

  it('streams a deterministic answer word by word, then the token counts', async () => {
    const messages = [{ role: 'user' as const, content: 'What is a token?' }];
    const events = await collect(model.stream({ messages }));
    const text = events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
    expect(text).toBe('You said: "What is a token?". This is message 1 of yours that I have seen. (offline model)');
    expect(events.filter((e) => e.type === 'delta').length).toBeGreaterThan(10);
    expect(events.at(-1)).toEqual({ type: 'usage', promptTokens: 4, completionTokens: 18 });
    expect(await collect(model.stream({ messages }))).toEqual(events);
  });

  it('sees the earlier turns of the conversation', async () => {
    const answer = model.answer([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: 'second question' },
    ]);
    expect(answer).toContain('"second question"');
    expect(answer).toContain('message 2 of yours');
    expect(answer).toContain('Earlier you asked: "first question"');
  });

  it('answers a prompt without a user message, and clips a long one', async () => {
    expect(model.answer([{ role: 'system', content: 'Be nice.' }])).toBe(
      'You said: "". This is message 0 of yours that I have seen. (offline model)',
    );
    const long = model.answer([{ role: 'user', content: `${'word '.repeat(60)}end` }]);
    expect(long).toContain(`"${'word '.repeat(40).slice(0, 200)}…"`);
    expect(long).not.toContain('end');
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    const slow = new OfflineProvider(50);
    const seen: ProviderEvent[] = [];
    const run = (async () => {
      for await (const event of slow.stream({
        messages: [{ role: 'user', content: 'hi' }],
        signal: controller.signal,
      })) {
        seen.push(event);
        if (seen.length === 2) controller.abort();
      }
    })();
    await expect(run).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(2);
  });
});
