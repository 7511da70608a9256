/** `npm run db:make-admin -- someone@example.com`: gives an existing account the admin role. */
import { eq } from 'drizzle-orm';
import { loadConfig, readEnvironment } from '../core/config.js';
import { openDatabase } from './client.js';
import { users } from './schema/index.js';

const email = process.argv[2]?.toLowerCase();
if (!email) {
  console.error('Usage: npm run db:make-admin -- <e-mail of a registered account>');
  process.exit(1);
}
const database = await openDatabase(loadConfig(readEnvironment()));
try {
  await database.migrate();
  const updated = await database.db.update(users).set({ role: 'admin' }).where(eq(users.email, email)).returning();
  console.log(
    updated.length > 0 ? `${email} is now an admin.` : `No account has the e-mail ${email}; register it first.`,
  );
  process.exitCode = updated.length > 0 ? 0 : 1;
} finally {
  await database.close();
}
