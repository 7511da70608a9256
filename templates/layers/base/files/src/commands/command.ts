import type { z } from 'zod';
import { type Config, loadConfig, readEnvironment } from '../core/config.js';
import { type Database, openDatabase } from '../db/client.js';
import { createServiceDeps } from '../services/deps.js';
import { createServices, type Services } from '../services/index.js';

/** What a command works with: the same services HTTP requests go through, on the configured database. */
export interface CommandContext {
  services: Services;
  database: Database;
  config: Config;
}

/** A command's logger: its messages are for the person at the terminal, not for a log collector. */
const log = {
  info: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
};

/** A command's options checked against their schema; what is wrong is thrown as one sentence per problem. */
export function checkInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('\n'));
  return result.data;
}

/**
 * Runs a small command (db:migrate, db:seed, …): first `parse` reads and checks its arguments, so a mistake is
 * reported before anything is opened; then `main` runs with the services on the configured database, migrated;
 * what the services started is stopped and the database closed afterwards. A failure is printed as one line (no
 * stack trace for a wrong argument) with exit code 1.
 */
export function runCommand<Input>(
  parse: () => Input | Promise<Input>,
  main: (input: Input, context: CommandContext) => Promise<void>,
): void {
  const run = async () => {
    const input = await parse();
    const config = loadConfig(readEnvironment());
    const database = await openDatabase(config);
    const closeHooks: (() => Promise<void> | void)[] = [];
    try {
      await database.migrate();
      const deps = await createServiceDeps({ config, database, log, onClose: (hook) => void closeHooks.push(hook) });
      await main(input, { services: createServices(deps), database, config });
    } finally {
      for (const hook of closeHooks.reverse()) await hook();
      await database.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
