/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { loadConfig, readEnvironment } from '../core/config.js';
import { openDatabase } from './client.js';

const database = await openDatabase(loadConfig(readEnvironment()));
await database.migrate();
await database.close();
console.log(`Migrations applied (${database.kind}).`);
