/**
 * The working clauses of agreements and their order. Positions are dense (1…n) and unique
 * within an agreement; the unique index checks each row as it is written, so a reorder
 * first parks the rows it moves outside the range, then writes their new places.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { AgreementClauseRow, InsertableAgreementClauseRow } from './agreements.table';

type Db = Kysely<Database> | Transaction<Database>;

/** Well above any real position (an agreement holds at most AGREEMENT_LIMITS.clauses). */
const PARKING_OFFSET = 1_000_000;

/** The clauses of an agreement, in order. */
export async function listClauses(db: Db, agreementId: string): Promise<AgreementClauseRow[]> {
  return db
    .selectFrom('agreement_clauses')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .execute();
}

/** The clauses of several agreements, each in order (for the search index). */
export async function listClausesOf(db: Db, agreementIds: readonly string[]): Promise<AgreementClauseRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('agreement_clauses')
    .selectAll()
    .where('agreement_id', 'in', agreementIds)
    .orderBy('agreement_id')
    .orderBy('position')
    .execute();
}

export async function findClause(
  db: Db,
  agreementId: string,
  clauseKey: string,
): Promise<AgreementClauseRow | undefined> {
  return db
    .selectFrom('agreement_clauses')
    .selectAll()
    .where('clause_key', '=', clauseKey)
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
}

/** Inserts a clause at a parked position; follow with writeOrder to give it its place. */
export async function insertParkedClause(
  tx: Transaction<Database>,
  row: Omit<InsertableAgreementClauseRow, 'position'>,
): Promise<void> {
  await tx
    .insertInto('agreement_clauses')
    .values({ ...row, position: 2 * PARKING_OFFSET })
    .execute();
}

export async function updateClauseTexts(
  tx: Transaction<Database>,
  clauseKey: string,
  texts: string,
  updatedAt: string,
): Promise<void> {
  await tx
    .updateTable('agreement_clauses')
    .set({ texts, updated_at: updatedAt })
    .where('clause_key', '=', clauseKey)
    .execute();
}

/** Rewrites every clause's texts at once (when the agreement's languages change). */
export async function updateClauseTextsMany(
  tx: Transaction<Database>,
  updates: readonly { clauseKey: string; texts: string }[],
  updatedAt: string,
): Promise<void> {
  for (const u of updates) await updateClauseTexts(tx, u.clauseKey, u.texts, updatedAt);
}

export async function deleteClause(tx: Transaction<Database>, clauseKey: string): Promise<void> {
  await tx.deleteFrom('agreement_clauses').where('clause_key', '=', clauseKey).execute();
}

/**
 * Gives the clauses of an agreement the order of `orderedKeys` (positions 1…n). Only the
 * rows whose position changes are written.
 */
export async function writeOrder(
  tx: Transaction<Database>,
  agreementId: string,
  orderedKeys: readonly string[],
): Promise<void> {
  const current = await tx
    .selectFrom('agreement_clauses')
    .select(['clause_key', 'position'])
    .where('agreement_id', '=', agreementId)
    .execute();
  const positionOf = new Map(current.map((c) => [c.clause_key, c.position]));
  const changed = orderedKeys
    .map((key, i) => ({ key, position: i + 1 }))
    .filter(({ key, position }) => positionOf.get(key) !== position);
  if (changed.length === 0) return;
  await tx
    .updateTable('agreement_clauses')
    .set((eb) => ({ position: eb('position', '+', PARKING_OFFSET) }))
    .where('agreement_id', '=', agreementId)
    .where(
      'clause_key',
      'in',
      changed.map((c) => c.key),
    )
    .where('position', '<', PARKING_OFFSET)
    .execute();
  for (const { key, position } of changed) {
    await tx.updateTable('agreement_clauses').set({ position }).where('clause_key', '=', key).execute();
  }
}
