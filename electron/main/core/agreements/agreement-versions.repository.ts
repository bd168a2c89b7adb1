/** Saved versions of agreements: written once, never changed (the table's triggers refuse it). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { AgreementVersionRow } from './agreements.table';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertVersion(tx: Transaction<Database>, row: AgreementVersionRow): Promise<void> {
  await tx.insertInto('agreement_versions').values(row).execute();
}

/** Every version of an agreement, newest first, without the snapshots. */
export async function listVersions(
  db: Db,
  agreementId: string,
): Promise<Omit<AgreementVersionRow, 'snapshot'>[]> {
  return db
    .selectFrom('agreement_versions')
    .select([
      'id',
      'agreement_id',
      'number',
      'author',
      'note',
      'status',
      'completeness',
      'clause_count',
      'created_at',
    ])
    .where('agreement_id', '=', agreementId)
    .orderBy('number', 'desc')
    .execute();
}

export async function findVersion(
  db: Db,
  agreementId: string,
  number: number,
): Promise<AgreementVersionRow | undefined> {
  return db
    .selectFrom('agreement_versions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('number', '=', number)
    .executeTakeFirst();
}
