import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { ConversationRepository } from '../../src/repositories/conversation-repository.js';
import { MessageRepository } from '../../src/repositories/message-repository.js';
import { RefreshTokenRepository } from '../../src/repositories/refresh-token-repository.js';
import { UserRepository } from '../../src/repositories/user-repository.js';
import { HistoryService, redact, titleFrom } from '../../src/services/history-service.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
let conversations: ConversationRepository;
let messages: MessageRepository;
let history: HistoryService;
const now = new Date('2026-06-01T12:00:00Z');

beforeAll(async () => {
  database = await sharedTestDatabase();
  conversations = new ConversationRepository(database.db);
  messages = new MessageRepository(database.db);
  history = new HistoryService(conversations, messages, new RefreshTokenRepository(database.db), 30, () => now);
});
afterEach(() => resetDatabase(database));

async function conversationWith(...lines: [role: 'user' | 'assistant', content: string][]) {
  const user = await new UserRepository(database.db).create({
    email: `h${Math.random()}@example.com`,
    name: 'H',
    passwordHash: 'x',
  });
  const conversation = await conversations.create(user!.id, 'New conversation');
  for (const [role, content] of lines) await messages.create({ conversationId: conversation.id, role, content });
  return conversation.id;
}

describe('personal data redaction', () => {
  it('replaces e-mail addresses, card numbers (Luhn-valid only) and phone numbers', () => {
    expect(redact('mail ada@example.co.uk or +44 20 7946 0958, card 4111 1111 1111 1111')).toBe(
      'mail [email] or [phone], card [card]',
    );
    expect(redact('order 1234567890123 is not a card')).not.toContain('[card]');
    expect(redact('nothing personal in 2026')).toBe('nothing personal in 2026');
  });
});

describe('HistoryService', () => {
  it('cleans a conversation: drops a repeated exchange and a repeated message, redacts the rest', async () => {
    const id = await conversationWith(
      ['user', 'my mail is ada@example.com'],
      ['assistant', 'noted'],
      ['user', 'my mail is ada@example.com'],
      ['assistant', 'noted'],
      ['user', 'and again'],
      ['user', 'and again'],
      ['assistant', 'ok'],
    );
    expect(await history.clean(id)).toEqual({ removed: 3, redacted: 1 });
    expect((await messages.listByConversation(id)).map((m) => m.content)).toEqual([
      'my mail is [email]',
      'noted',
      'and again',
      'ok',
    ]);
    expect(await history.clean(id)).toEqual({ removed: 0, redacted: 0 });
  });

  it('names a conversation after its first question, once', async () => {
    const id = await conversationWith([
      'user',
      'How do I read a CSV file in Python without loading it all into memory?',
    ]);
    expect(await history.title(id)).toBe('How do I read a CSV file in Python without loading it all…');
    expect(await history.title(id)).toBeUndefined();
    expect(titleFrom('short one')).toBe('short one');
  });

  it('makes a title of any first line: blank, one long word, or only the first line', async () => {
    expect(titleFrom('   ')).toBe('New conversation');
    expect(titleFrom('x'.repeat(80))).toBe(`${'x'.repeat(60)}…`);
    expect(titleFrom('First line\nsecond line')).toBe('First line');
    // A conversation whose only messages are the assistant's has no question to be named after.
    const id = await conversationWith(['assistant', 'Hello, how can I help?']);
    expect(await history.title(id)).toBeUndefined();
  });

  it('prunes conversations untouched for longer than the retention, and expired refresh tokens', async () => {
    const old = await conversationWith(['user', 'old']);
    const recent = await conversationWith(['user', 'recent']);
    await database.db.execute(sql`update conversations set updated_at = '2026-04-01' where id = ${old}`);
    await database.db.execute(sql`update conversations set updated_at = '2026-05-20' where id = ${recent}`);
    expect(await history.prune()).toEqual({ conversations: 1, refreshTokens: 0 });
    expect(await conversations.findById(old)).toBeUndefined();
    expect(await conversations.findById(recent)).toBeDefined();
  });
});
