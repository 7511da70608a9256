/** `npm run db:make-admin -- someone@example.com`: gives an existing account the admin role. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from './command.js';
import { users } from './schema/index.js';

runCommand(
  () => {
    const email = z.email().safeParse(process.argv[2]?.toLowerCase());
    if (!email.success) throw new Error('Usage: npm run db:make-admin -- <e-mail of a registered account>');
    return email.data;
  },
  async (email, database) => {
    const updated = await database.db.update(users).set({ role: 'admin' }).where(eq(users.email, email)).returning();
    if (updated.length === 0) throw new Error(`No account has the e-mail ${email}; register it first.`);
    console.log(`${email} is now an admin.`);
  },
);
