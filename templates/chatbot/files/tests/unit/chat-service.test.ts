import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/adapters/queue.js';
import { MemoryStore } from '../../src/adapters/store.js';
import type { Database } from '../../src/db/client.js';
import { ConversationRepository } from '../../src/repositories/conversation-repository.js';
import { MessageRepository } from '../../src/repositories/message-repository.js';
import { UserRepository } from '../../src/repositories/user-repository.js';
import { OfflineProvider } from '../../src/services/ai/offline-provider.js';
import { type ChatProvider, ProviderError, type ProviderEvent } from '../../src/services/ai/provider.js';
import { ChatMetrics } from '../../src/services/chat-metrics.js';
import { ChatService } from '../../src/services/chat-service.js';
import { CompletionService } from '../../src/services/completion-service.js';
import { Quota } from '../../src/services/quota.js';
import { ResponseCache } from '../../src/services/response-cache.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

// ChatService with its real repositories on the test database and a real (in-process) queue; only the model
// is chosen per test: the offline one, or one that fails on purpose.
let database: Database;
const jobs = new InProcessQueue();
let userId: number;
let conversationId: number;

beforeAll(async () => {
  database = await sharedTestDatabase();
  jobs.handle('title', async () => {});
  jobs.handle('clean-history', async () => {});
});
afterEach(() => resetDatabase(database));
afterAll(() => jobs.close());

/** A fresh user and conversation for a test (the tables are emptied after each test). */
async function arrange() {
  const user = await new UserRepository(database.db).create({
    email: `u${Date.now()}@example.com`,
    name: 'U',
    passwordHash: 'x',
  });
  userId = user!.id;
  conversationId = (await new ConversationRepository(database.db).create(userId, 'New conversation')).id;
}

function chat(provider: ChatProvider, { dailyTokens = 100_000, cache = true } = {}) {
  const store = new MemoryStore();
  const metrics = new ChatMetrics(new Registry(), jobs);
  const completions = new CompletionService(
    provider,
    new Quota(store, dailyTokens),
    metrics,
    cache ? new ResponseCache(store, 60) : undefined,
  );
  const service = new ChatService(
    new ConversationRepository(database.db),
    new MessageRepository(database.db),
    completions,
    jobs,
    20,
  );
  return { service, metrics };
}

const stored = () => new MessageRepository(database.db).listByConversation(conversationId);

describe('ChatService', () => {
  it('stores the question and the answer, and sends the earlier turns as context', async () => {
    await arrange();
    const seen: string[][] = [];
    const offline = new OfflineProvider(0);
    const spy: ChatProvider = {
      name: 'offline',
      model: offline.model,
      deterministic: false,
      stream: (request) => {
        seen.push(request.messages.map((m) => m.content));
        return offline.stream(request);
      },
    };
    const { service } = chat(spy);
    await service.reply(userId, conversationId, 'first question');
    const second = await service.reply(userId, conversationId, 'second question');
    expect(second.message).toMatchObject({ role: 'assistant', finishReason: 'stop', provider: 'offline' });
    expect(second.message.content).toContain('message 2 of yours');
    expect(seen[1]).toEqual(['first question', expect.stringContaining('first question') as string, 'second question']);
    expect((await stored()).map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('streams: start, the pieces, done', async () => {
    await arrange();
    const types: string[] = [];
    for await (const event of chat(new OfflineProvider(0)).service.send(userId, conversationId, 'hi'))
      types.push(event.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('done');
    expect(types.filter((type) => type === 'delta').length).toBeGreaterThan(5);
  });

  it("someone else's conversation is not found", async () => {
    await arrange();
    await expect(chat(new OfflineProvider(0)).service.reply(userId + 1, conversationId, 'hi')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('stores nothing when the provider fails before answering, and maps its failure', async () => {
    await arrange();
    const down: ChatProvider = {
      name: 'down',
      model: 'm',
      deterministic: false,
      // eslint-disable-next-line require-yield
      stream: async function* (): AsyncGenerator<ProviderEvent> {
        throw new ProviderError('timeout', 'no answer', 'down');
      },
    };
    const { service, metrics } = chat(down);
    await expect(service.reply(userId, conversationId, 'hello?')).rejects.toMatchObject({
      code: 'upstream_timeout',
      statusCode: 504,
    });
    expect(await stored()).toEqual([]);
    expect((await metrics.providerErrors.get()).values).toMatchObject([
      { labels: { provider: 'down', failure: 'timeout' }, value: 1 },
    ]);
  });

  it('keeps what was said when the client leaves mid-answer, marked stopped', async () => {
    await arrange();
    const controller = new AbortController();
    const { service } = chat(new OfflineProvider(5));
    await expect(
      (async () => {
        let pieces = 0;
        for await (const event of service.send(userId, conversationId, 'tell me a story', controller.signal)) {
          if (event.type === 'delta' && ++pieces === 3) controller.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    const [question, answer] = await stored();
    expect(question?.content).toBe('tell me a story');
    expect(answer).toMatchObject({ role: 'assistant', finishReason: 'stopped', content: 'You said: "tell' });
  });

  it('answers an identical prompt from the cache when the model is deterministic', async () => {
    await arrange();
    const { service, metrics } = chat(new OfflineProvider(0));
    const other = (await new ConversationRepository(database.db).create(userId, 'again')).id;
    const first = await service.reply(userId, conversationId, 'same question');
    const second = await service.reply(userId, other, 'same question');
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.message.content).toBe(first.message.content);
    const cache = (await metrics.cacheRequests.get()).values.map((v) => [v.labels.result, v.value]);
    expect(cache).toEqual(
      expect.arrayContaining([
        ['miss', 1],
        ['hit', 1],
      ]),
    );
  });

  it("refuses with 429 quota_exceeded once the day's tokens are spent", async () => {
    await arrange();
    const { service } = chat(new OfflineProvider(0), { dailyTokens: 10, cache: false });
    await service.reply(userId, conversationId, 'one');
    const error = await service.reply(userId, conversationId, 'two').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'quota_exceeded', statusCode: 429 });
    expect(Number((error as { headers: Record<string, string> }).headers['retry-after'])).toBeGreaterThan(0);
  });
});
