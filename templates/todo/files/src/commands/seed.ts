/**
 * `npm run db:seed`: an account to sign in with (user@example.com, password `password123`, for development only)
 * and a few todos made up by Faker, through the services, as the API would make them. Running it again adds
 * nothing.
 */
import { faker } from '@faker-js/faker';
import { AppError } from '../core/errors.js';
import { runCommand } from './command.js';

const account = { email: 'user@example.com', name: 'User', password: 'password123' };

runCommand(
  () => undefined,
  async (_input, { services, database }) => {
    let user;
    try {
      user = await services.auth.register(account);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        console.log(`${account.email} is there already.`);
        return;
      }
      throw error;
    }
    for (let i = 0; i < 8; i++) {
      await services.items.create(user.id, {
        title: `${faker.hacker.verb()} the ${faker.hacker.noun()}`,
        completed: i % 3 === 0,
      });
    }
    console.log(`Added ${account.email} (password: ${account.password}) with 8 todos (${database.kind}).`);
  },
);
