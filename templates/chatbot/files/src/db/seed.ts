/**
 * `npm run db:seed`: an admin and a user to log in with (password `password123`, for development only), each with
 * a few conversations made of fake questions (Faker) and the offline model's answers.
 */
import { fileURLToPath } from 'node:url';
import { faker } from '@faker-js/faker';
import { loadConfig, readEnvironment } from '../core/config.js';
import { hashPassword } from '../core/passwords.js';
import { type Db, openDatabase } from './client.js';
import { conversations, messages, users } from './schema/index.js';

export const seedPassword = 'password123';

export async function seed(db: Db, conversationsPerUser = 3): Promise<string[]> {
  const passwordHash = await hashPassword(seedPassword);
  const people = [
    { email: 'admin@example.com', name: 'Admin', role: 'admin' as const },
    { email: 'user@example.com', name: 'User', role: 'user' as const },
  ];
  const created = await db
    .insert(users)
    .values(people.map((person) => ({ ...person, passwordHash })))
    .onConflictDoNothing()
    .returning();
  for (const user of created) {
    for (let i = 0; i < conversationsPerUser; i++) {
      const question = `${faker.hacker.phrase()}?`;
      const [conversation] = await db
        .insert(conversations)
        .values({ userId: user.id, title: question.slice(0, 60) })
        .returning();
      await db.insert(messages).values([
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
  return created.map((user) => user.email);
}

async function main() {
  const database = await openDatabase(loadConfig(readEnvironment()));
  try {
    await database.migrate();
    const emails = await seed(database.db);
    console.log(
      emails.length > 0
        ? `Added ${emails.join(' and ')} (password: ${seedPassword}) with a few conversations (${database.kind}).`
        : 'The seed accounts exist already.',
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
