/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { runCommand } from './command.js';

runCommand(
  () => undefined,
  async (_input, { database }) => {
    console.log(`Migrations applied (${database.kind}).`);
  },
);
