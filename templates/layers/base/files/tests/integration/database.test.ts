import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import { writeTestDatabaseTo } from '../helpers/database.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

// PGlite's own behaviour: in the PostgreSQL run of the suite (DATABASE_URL set) there is no PGlite to test.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded database (PGlite)', () => {
  it('keeps data on disk between runs, and one process owns a directory at a time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pglite-'));
    dirs.push(dir);
    const config = { PGLITE_DATA_DIR: join(dir, 'data', 'pglite') };
    await mkdir(join(dir, 'data'));
    await writeTestDatabaseTo(config.PGLITE_DATA_DIR);

    const first = await openDatabase(config);
    await first.migrate();
    await first.db.execute(sql`create table notes (body text)`);
    await first.db.execute(sql`insert into notes values ('kept')`);
    await expect(openDatabase(config)).rejects.toThrow(/is in use by process \d+/);
    await first.close();

    const second = await openDatabase(config);
    expect(await second.db.execute(sql`select body from notes`)).toMatchObject({ rows: [{ body: 'kept' }] });
    await second.close();
    // Opening PGlite from disk takes seconds each time on a busy machine (the 15 s default is for one request).
  }, 60_000);
});
