import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Settings, settings } from '../db/schema/index.js';

export type SettingsValues = Omit<Settings, 'id'>;

/** The settings are one row, id 1. */
export class SettingsRepository {
  // Every page shows the blog's title: prepared once (see PostRepository).
  private readonly getQuery;

  constructor(private readonly db: Db) {
    this.getQuery = db.select().from(settings).where(eq(settings.id, 1)).prepare('settings_get');
  }

  async get(): Promise<Settings | undefined> {
    const [row] = await this.getQuery.execute();
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
