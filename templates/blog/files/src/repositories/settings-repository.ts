import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Settings, settings } from '../db/schema/index.js';

export type SettingsValues = Omit<Settings, 'id'>;

/** The settings are one row, id 1. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async get(): Promise<Settings | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.id, 1));
    return row;
  }

  async save(values: SettingsValues): Promise<Settings> {
    const [saved] = await this.db
      .insert(settings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: settings.id, set: values })
      .returning();
    if (!saved) throw new Error('upsert returned no row');
    return saved;
  }
}
