/**
 * `npm run db:seed [-- --messages 300]`: fake users chatting in the rooms (Faker), the book's `flask forge`.
 * Every fake user's password is printed once, so you can sign in as one of them.
 */
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import { z } from 'zod';
import { rooms } from '../core/rooms.js';
import { runCommand } from './command.js';

const input = z.object({ messages: z.coerce.number().int().min(0).max(10_000).default(300) });

runCommand(
  () => {
    const { values } = parseArgs({ options: { messages: { type: 'string' } } });
    const parsed = input.safeParse(values);
    if (!parsed.success) throw new Error('--messages must be a whole number from 0 to 10000');
    return parsed.data;
  },
  async ({ messages }, { services }) => {
    const password = 'catchat-password';
    const users = [];
    for (let i = 0; i < 10; i++) {
      const email = `${faker.internet.username().toLowerCase()}.${i}@example.com`;
      users.push(
        await services.accounts
          .register({ email, nickname: faker.person.firstName().slice(0, 30), password })
          .catch(() => undefined),
      );
    }
    const authors = users.filter((user) => user !== undefined).map((user) => ({ ...user, isAdmin: false }));
    for (let i = 0; i < messages && authors.length > 0; i++) {
      const author = faker.helpers.arrayElement(authors);
      const room = faker.helpers.arrayElement(rooms).slug;
      const body = i % 10 === 0 ? `Look:\n\n\`\`\`js\nconsole.log(${i});\n\`\`\`` : faker.lorem.sentence();
      await services.messages.post(author, room, body);
    }
    console.log(`${authors.length} users (password “${password}”), ${messages} messages.`);
    for (const user of authors) console.log(`  ${user.email}`);
  },
);
