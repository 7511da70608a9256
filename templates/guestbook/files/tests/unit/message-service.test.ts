import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { MessageRepository } from '../../src/repositories/message-repository.js';
import { MessageService } from '../../src/services/message-service.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

// The service with its real repository on the test database: the rules are checked against real SQL rather
// than against a mock that would agree with whatever the service expects.
let database: Database;
let service: MessageService;
beforeAll(async () => {
  database = await sharedTestDatabase();
  service = new MessageService(new MessageRepository(database.db), 3);
});
afterEach(() => resetDatabase(database));

describe('MessageService', () => {
  it('posts a message and lists it', async () => {
    const message = await service.post({ name: 'Ada', body: 'Hello' });
    expect(message).toMatchObject({ name: 'Ada', body: 'Hello' });
    expect(message.createdAt).toBeInstanceOf(Date);
    const page = await service.page(1);
    expect(page.items.map((m) => m.id)).toEqual([message.id]);
  });

  it('keeps at most one blank line in a row', async () => {
    const message = await service.post({ name: 'Ada', body: 'one\r\n\r\n\r\n\r\ntwo\n\n\n\nthree' });
    expect(message.body).toBe('one\n\ntwo\n\nthree');
  });

  it('pages newest first, even for messages posted in the same instant', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await service.post({ name, body: name });
    const first = await service.page(1);
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 5, pageCount: 2 });
    expect(first.items.map((m) => m.name)).toEqual(['e', 'd', 'c']);
    expect((await service.page(2)).items.map((m) => m.name)).toEqual(['b', 'a']);
  });

  it('has an empty first page and no second page when there are no messages', async () => {
    expect(await service.page(1)).toMatchObject({ items: [], total: 0, pageCount: 1 });
    await expect(service.page(2)).rejects.toMatchObject({ code: 'not_found', statusCode: 404 });
  });
});
