import { type Config, loadConfig, readEnvironment } from '../core/config.js';
import { type Database, openDatabase } from './client.js';

/**
 * Runs a small command (db:migrate, db:seed, …): first `parse` reads and checks its arguments, so a mistake is
 * reported before anything is opened; then `main` runs on the configured database, migrated, closed afterwards.
 * A failure is printed as one line (no stack trace for a wrong argument) with exit code 1.
 */
export function runCommand<Input>(
  parse: () => Input | Promise<Input>,
  main: (input: Input, database: Database, config: Config) => Promise<void>,
): void {
  const run = async () => {
    const input = await parse();
    const config = loadConfig(readEnvironment());
    const database = await openDatabase(config);
    try {
      await database.migrate();
      await main(input, database, config);
    } finally {
      await database.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
