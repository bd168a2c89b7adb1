/** The office settings: one row per key that was ever set, the value as JSON text. */
import type { Kysely, Transaction } from 'kysely';
import {
  SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from '../../../../shared/api/settings.schema';
import type { Database } from '../db/tables';

/** The stored rows as one text: equal texts parse to equal settings. */
function storedText(rows: readonly { key: string; value: string }[]): string {
  return rows.map((r) => `${r.key}\u0000${r.value}`).join('\u0001');
}

function parseSettings(stored: Map<string, string>): Settings {
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
  return Object.freeze(out) as Settings;
}

/**
 * The settings last parsed, by the stored rows they were parsed from. Every read still reads
 * the rows (a few short ones), so any change — settings.set, a rolled-back write, a restored
 * backup — is seen by the next read; only the JSON and schema parsing of unchanged rows is
 * spared (a letter registration reads the settings each time).
 */
let parsedCache: { stored: string; settings: Settings } | null = null;

/** Every setting, with its default where it was never set or no longer parses. */
export async function readSettings(db: Kysely<Database> | Transaction<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
  const stored = storedText(rows);
  if (parsedCache?.stored !== stored) {
    parsedCache = { stored, settings: parseSettings(new Map(rows.map((r) => [r.key, r.value]))) };
  }
  // A copy: callers may build on it; the arrays inside are never changed in place.
  return { ...parsedCache.settings };
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
