import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { seed } from '../../src/commands/seed.js';
import { MessageRepository } from '../../src/repositories/message-repository.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
beforeAll(async () => {
  database = await sharedTestDatabase();
});
afterEach(() => resetDatabase(database));

describe('db:seed', () => {
  it('adds fake messages that fit the columns, over the last weeks', async () => {
    expect(await seed(database.db, 25)).toBe(25);
    const repository = new MessageRepository(database.db);
    expect(await repository.count()).toBe(25);
    const listed = await repository.page(0, 25);
    const monthAgo = Date.now() - 31 * 86_400_000;
    expect(listed.map((row) => row.total)).toEqual(Array(25).fill(25));
    for (const { item: message } of listed) {
      expect(message.name.length).toBeGreaterThan(0);
      expect(message.body.length).toBeLessThanOrEqual(200);
      expect(message.createdAt.getTime()).toBeGreaterThan(monthAgo);
    }
  });
});
