/**
 * `npm run db:seed`: an admin and a user to log in with (password `password123`, for development only), each with
 * a few conversations made of fake questions (Faker) and offline answers. Running it again adds nothing.
 */
import { faker } from '@faker-js/faker';
import { hashPassword } from '../core/passwords.js';
import { runCommand } from './command.js';
import { conversations, messages, users } from './schema/index.js';

const password = 'password123';
const people = [
  { email: 'admin@example.com', name: 'Admin', role: 'admin' as const },
  { email: 'user@example.com', name: 'User', role: 'user' as const },
];

runCommand(
  () => undefined,
  async (_input, database) => {
    const passwordHash = await hashPassword(password);
    const created = await database.db
      .insert(users)
      .values(people.map((person) => ({ ...person, passwordHash })))
      .onConflictDoNothing()
      .returning();
    for (const user of created) {
      for (let i = 0; i < 3; i++) {
        const question = `${faker.hacker.phrase()}?`;
        const [conversation] = await database.db
          .insert(conversations)
          .values({ userId: user.id, title: question.slice(0, 60) })
          .returning();
        await database.db.insert(messages).values([
          { conversationId: conversation!.id, role: 'user', content: question },
          {
            conversationId: conversation!.id,
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
        ? `Added ${created.map((user) => user.email).join(' and ')} (password: ${password}), each with three conversations (${database.kind}).`
        : 'The seed accounts are there already.',
    );
  },
);
