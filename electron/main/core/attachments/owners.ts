/**
 * The records an attachment or a follow-up task may belong to, and the table each lives
 * in. A kind whose table does not exist yet (its domain is not built) has no records, so
 * nothing can be attached to it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordType } from '../../../../shared/api/attachments.contract';
import type { Database } from '../db/tables';
import { notFound } from '../errors';

const OWNER_TABLES: Record<RecordType, string> = {
  letter: 'letters',
  case: 'cases',
  relationship: 'relationships',
  partner: 'partners',
  agreement: 'agreements',
  event: 'events',
};

const OWNER_NAMES: Record<RecordType, string> = {
  letter: 'Letter',
  case: 'Case',
  relationship: 'Relationship',
  partner: 'Partner',
  agreement: 'Agreement',
  event: 'Event',
};

type Db = Kysely<Database> | Transaction<Database>;

/** True when a record of this kind with this id exists. */
export async function recordExists(db: Db, type: RecordType, id: string): Promise<boolean> {
  const table = OWNER_TABLES[type];
  const known = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master
    WHERE type = 'table' AND name = ${table}`.execute(db);
  if (Number(known.rows[0]?.n ?? 0) === 0) return false;
  const found = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
  return found.rows.length > 0;
}

/** Throws NOT_FOUND unless the record exists. */
export async function assertRecordExists(db: Db, type: RecordType, id: string): Promise<void> {
  if (!(await recordExists(db, type, id))) throw notFound(OWNER_NAMES[type], id);
}
