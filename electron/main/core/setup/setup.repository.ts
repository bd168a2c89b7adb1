/** The first-run marker and the question whether a desk holds anything yet. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';

type Db = Kysely<Database> | Transaction<Database>;

/** Not an office setting (settings.get never shows it): when the welcome screen was finished. */
const MARKER_KEY = 'setup.completedAt';

export async function readSetupMarker(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select(['value', 'updated_at'])
    .where('key', '=', MARKER_KEY)
    .executeTakeFirst();
  if (!row) return null;
  // A marker whose value no longer reads still marks the desk as set up.
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'string' ? value : row.updated_at;
  } catch {
    return row.updated_at;
  }
}

/** Inserts, never replaces: a second setup racing the first fails on the key (CONFLICT). */
export async function writeSetupMarker(tx: Transaction<Database>, nowIso: string): Promise<void> {
  await tx
    .insertInto('settings')
    .values({ key: MARKER_KEY, value: JSON.stringify(nowIso), updated_at: nowIso })
    .execute();
}

/** Whether the desk has staff, partners, letters or cases: then it is in use already. */
export async function holdsAnything(db: Db): Promise<boolean> {
  for (const table of ['users', 'partners', 'letters', 'cases'] as const) {
    const row = await db.selectFrom(table).select('id').limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}
