/**
 * `npm run admin:create -- --username admin [--name "Ada"] [--email ada@example.com]`: creates the blog's admin,
 * or gives an existing one a new password (the book's `flask init`). The password is asked on the terminal
 * without echo; scripts set ADMIN_PASSWORD or pass --password (which ends up in the shell's history).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkWithPassword } from './ask-password.js';
import { runCommand } from './command.js';

const password = z.string().min(8, 'the password must have at least 8 characters').max(200);
const input = z.object({
  username: z
    .string({ error: '--username is required' })
    .trim()
    .min(1, '--username is required')
    .max(40, '--username: at most 40 characters'),
  name: z.string().trim().min(1).max(60, '--name: at most 60 characters'),
  email: z.email('--email must be an e-mail address').optional(),
});

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
    return checkWithPassword(input, password, { ...values, name: values.name ?? values.username }, values.password);
  },
  async (admin, { services }) => {
    const saved = await services.auth.saveAdmin(admin);
    await services.categories.defaultCategory();
    console.log(`Admin “${saved.username}” is ready: log in at /login.`);
    if (!saved.email) console.log('Without --email, no mail tells the admin of new comments: run again with one.');
  },
);
