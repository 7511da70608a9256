import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from src/db/schema; the app applies it with drizzle's migrator (src/db/client.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
