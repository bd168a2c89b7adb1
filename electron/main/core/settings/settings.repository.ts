/** The office settings: one row per key that was ever set, the value as JSON text. */
import type { Kysely, Transaction } from 'kysely';
import {
  SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from '../../../../shared/api/settings.schema';
import type { Database } from '../db/tables';

/** Every setting, with its default where it was never set or no longer parses. */
export async function readSettings(db: Kysely<Database> | Transaction<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const schema = SETTINGS[key];
    const text = stored.get(key);
    let value: unknown = undefined;
    if (text !== undefined) {
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
    }
    const parsed = schema.safeParse(value);
    out[key] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  return out as Settings;
}

export async function readSetting<K extends SettingKey>(
  db: Kysely<Database> | Transaction<Database>,
  key: K,
): Promise<Settings[K]> {
  return (await readSettings(db))[key];
}

export async function writeSetting(
  tx: Transaction<Database>,
  key: SettingKey,
  value: unknown,
  nowIso: string,
): Promise<void> {
  await tx
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: nowIso })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: nowIso }))
    .execute();
}
