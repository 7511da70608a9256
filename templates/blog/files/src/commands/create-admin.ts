/**
 * `npm run admin:create -- --username admin [--name "Ada"] [--email ada@example.com]`: creates the blog's admin,
 * or gives an existing one a new password (the book's `flask init`). The password is asked on the terminal
 * without echo; scripts set ADMIN_PASSWORD or pass --password (which ends up in the shell's history).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createMailer } from '../core/mailer.js';
import { runCommand } from '../db/command.js';
import { createServices } from '../services/index.js';

const input = z.object({
  username: z.string().trim().min(1, '--username is required').max(40, '--username: at most 40 characters'),
  name: z.string().trim().min(1).max(60, '--name: at most 60 characters'),
  email: z.email('--email must be an e-mail address').optional(),
  password: z.string().min(8, 'the password must have at least 8 characters').max(200),
});

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for the password on: set ADMIN_PASSWORD.');
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Typed characters are not echoed: readline writes through _writeToOutput, which is muted while asking.
  const muted = terminal as unknown as { _writeToOutput: (text: string) => void };
  const write = muted._writeToOutput.bind(terminal);
  let asking = false;
  muted._writeToOutput = (text) => (asking ? undefined : write(text));
  try {
    const question = terminal.question('Password: ');
    asking = true;
    const password = await question;
    process.stdout.write('\n');
    return password;
  } finally {
    terminal.close();
  }
}

runCommand(
  async () => {
    const { values } = parseArgs({
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
      },
    });
    const password = values.password ?? process.env.ADMIN_PASSWORD ?? (await askPassword());
    const admin = input.safeParse({ ...values, name: values.name ?? values.username, password });
    if (!admin.success) throw new Error(admin.error.issues.map((issue) => issue.message).join('\n'));
    return admin.data;
  },
  async (admin, database, config) => {
    // A one-off command: the console for logs, and nothing runs in the background that would need stopping.
    const services = createServices({
      db: database.db,
      config,
      log: console,
      mailer: createMailer(config, console),
      onClose: () => {},
    });
    const saved = await services.auth.saveAdmin(admin);
    await services.categories.defaultCategory();
    console.log(`Admin “${saved.username}” is ready: log in at /login.`);
  },
);
