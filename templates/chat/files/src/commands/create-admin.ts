/**
 * `npm run admin:create -- --email ada@example.com [--nickname Ada]`: makes an admin (who may delete any
 * message), or makes an existing account one and gives it a new password. The password is asked on the terminal
 * without echo; scripts set ADMIN_PASSWORD or pass --password (which ends up in the shell's history).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkWithPassword } from './ask-password.js';
import { runCommand } from './command.js';

const password = z.string().min(8, 'the password must have at least 8 characters').max(200);
const input = z.object({
  email: z.email('--email must be an e-mail address'),
  nickname: z.string().trim().min(1).max(30, '--nickname: at most 30 characters'),
});

runCommand(
  async () => {
    const { values } = parseArgs({
      options: { email: { type: 'string' }, nickname: { type: 'string' }, password: { type: 'string' } },
    });
    return checkWithPassword(
      input,
      password,
      {
        ...values,
        nickname: values.nickname ?? values.email?.split('@')[0],
      },
      values.password,
    );
  },
  async (admin, { services }) => {
    const saved = await services.accounts.saveAdmin(admin);
    console.log(`Admin ${saved.email ?? ''} (“${saved.nickname}”) is ready: sign in at /login.`);
  },
);
