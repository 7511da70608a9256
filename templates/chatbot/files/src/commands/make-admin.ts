/** `npm run db:make-admin -- someone@example.com`: gives an existing account the admin role. */
import { z } from 'zod';
import { runCommand } from './command.js';

runCommand(
  () => {
    const email = z.email().safeParse(process.argv[2]?.toLowerCase());
    if (!email.success) throw new Error('Usage: npm run db:make-admin -- <e-mail of a registered account>');
    return email.data;
  },
  async (email, { services }) => {
    await services.users.makeAdmin(email);
    console.log(`${email} is now an admin.`);
  },
);
