/**
 * `npm run db:seed`: an admin and a user to log in with (password `password123`, for development only), each with
 * a few conversations made of fake questions (Faker) and offline answers. Running it again adds nothing.
 */
import { faker } from '@faker-js/faker';
import { AppError } from '../core/errors.js';
import { messages } from '../db/schema/index.js';
import { runCommand } from './command.js';

const password = 'password123';
const people = [
  { email: 'admin@example.com', name: 'Admin', admin: true },
  { email: 'user@example.com', name: 'User', admin: false },
];

runCommand(
  () => undefined,
  async (_input, { services, database }) => {
    const created: string[] = [];
    for (const person of people) {
      // Accounts go through the service, as a registration does (the password is hashed there).
      const user = await services.auth
        .register({ email: person.email, name: person.name, password })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'conflict') return undefined;
          throw error;
        });
      if (!user) continue;
      if (person.admin) await services.users.makeAdmin(user.email);
      created.push(user.email);
      for (let i = 0; i < 3; i++) {
        const question = `${faker.hacker.phrase()}?`;
        const conversation = await services.conversations.create(user.id, question.slice(0, 60));
        // The answers are written as the offline model would give them, without waiting for it to stream.
        await database.db.insert(messages).values([
          { conversationId: conversation.id, role: 'user', content: question },
          {
            conversationId: conversation.id,
            role: 'assistant',
            content: `You said: "${question}". (offline model)`,
            provider: 'offline',
            finishReason: 'stop',
          },
        ]);
      }
    }
    console.log(
      created.length > 0
        ? `Added ${created.join(' and ')} (password: ${password}), each with three conversations (${database.kind}).`
        : 'The seed accounts are there already.',
    );
  },
);
