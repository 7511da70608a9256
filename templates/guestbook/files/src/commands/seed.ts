/**
 * `npm run db:seed [-- --count 50]`: fills the guestbook with fake messages (Faker), spread over the last
 * weeks, so there is something to page through. Flask's `flask forge` command in the book.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { runCommand } from './command.js';
import { messages } from '../db/schema/index.js';

export async function seed(db: Db, count: number): Promise<number> {
  const rows = Array.from({ length: count }, () => ({
    name: faker.person.firstName().slice(0, 20),
    body: faker.lorem.sentence({ min: 4, max: 20 }).slice(0, 200),
    createdAt: faker.date.recent({ days: 30 }),
  }));
  await db.insert(messages).values(rows);
  return rows.length;
}

const countOption = z.coerce.number().int().min(1).max(10_000);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCommand(
    () => {
      const { values } = parseArgs({ options: { count: { type: 'string', default: '50' } } });
      const count = countOption.safeParse(values.count);
      if (!count.success) throw new Error(`--count must be a whole number from 1 to 10000, not "${values.count}".`);
      return count.data;
    },
    async (count, { database }) => {
      console.log(`Added ${await seed(database.db, count)} fake messages (${database.kind}).`);
    },
  );
}
