/**
 * Agreements, their parties and status history as stored. Plain functions over Kysely; a
 * function that writes takes the Transaction it must run in.
 */
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { AgreementKind, AgreementSortKey } from '../../../../shared/api/agreements.contract';
import { effectiveStatus, type AgreementStatus } from '../../../../shared/agreements/workflow';
import type { Database } from '../db/tables';
import { textMatches } from '../db/text-filter';
import type {
  AgreementPartyRow,
  AgreementRow,
  AgreementTransitionRow,
  InsertableAgreementRow,
  UpdateableAgreementRow,
} from './agreements.table';

type Db = Kysely<Database> | Transaction<Database>;

export async function findAgreement(db: Db, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgreement(tx: Transaction<Database>, row: InsertableAgreementRow): Promise<void> {
  await tx.insertInto('agreements').values(row).execute();
}

export async function updateAgreement(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableAgreementRow,
): Promise<void> {
  await tx.updateTable('agreements').set(patch).where('id', '=', id).execute();
}

/** A party with the partner's names, as lists and documents show it. */
export interface PartyWithNames extends AgreementPartyRow {
  name_fa: string;
  name_en: string | null;
  name_native: string | null;
}

/** The parties of these agreements, our own unit first, then the partners in order. */
export async function listParties(db: Db, agreementIds: readonly string[]): Promise<PartyWithNames[]> {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('agreement_parties as ap')
    .innerJoin('partners as p', 'p.id', 'ap.partner_id')
    .selectAll('ap')
    .select(['p.name_fa', 'p.name_en', 'p.name_native'])
    .where('ap.agreement_id', 'in', agreementIds)
    .orderBy('ap.agreement_id')
    .orderBy('ap.position')
    .execute();
}

export interface PartyInput {
  partnerId: string;
  own: boolean;
  signatoryName: string | null;
  signatoryPosition: string | null;
}

/** Replaces the parties of an agreement: our own unit at position 0, partners from 1. */
export async function replaceParties(
  tx: Transaction<Database>,
  agreementId: string,
  parties: readonly PartyInput[],
): Promise<void> {
  await tx.deleteFrom('agreement_parties').where('agreement_id', '=', agreementId).execute();
  await tx
    .insertInto('agreement_parties')
    .values(
      parties.map((p, i) => ({
        agreement_id: agreementId,
        partner_id: p.partnerId,
        position: i,
        is_own: p.own ? 1 : 0,
        signatory_name: p.signatoryName,
        signatory_position: p.signatoryPosition,
      })),
    )
    .execute();
}

/** The partners named, with what validation needs to know about them. */
export async function findPartnersForParties(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; own: number }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('partners').select(['id', 'own']).where('id', 'in', ids).execute();
}

export async function findRelationshipParties(
  db: Db,
  id: string,
): Promise<{ own_unit_id: string; partner_id: string } | undefined> {
  return db
    .selectFrom('relationships')
    .select(['own_unit_id', 'partner_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function caseExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertTransition(
  tx: Transaction<Database>,
  row: AgreementTransitionRow,
): Promise<void> {
  await tx.insertInto('agreement_transitions').values(row).execute();
}

/** Every status change of an agreement, oldest first. */
export async function listTransitions(db: Db, agreementId: string): Promise<AgreementTransitionRow[]> {
  return db
    .selectFrom('agreement_transitions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** How many clauses each of these agreements has. */
export async function clauseCounts(db: Db, agreementIds: readonly string[]): Promise<Map<string, number>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('agreement_clauses')
    .select(['agreement_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agreement_id', 'in', agreementIds)
    .groupBy('agreement_id')
    .execute();
  return new Map(rows.map((r) => [r.agreement_id, Number(r.n)]));
}

type AgreementsEb = ExpressionBuilder<Database, 'agreements'>;

/**
 * The condition for one status as the user sees it: an in-force agreement whose expiry
 * date is before today is expired (see effectiveStatus in shared/agreements/workflow.ts).
 */
function statusIs(eb: AgreementsEb, status: AgreementStatus, today: string): Expression<SqlBool> {
  if (status === 'in_force') {
    return eb.and([
      eb('status', '=', 'in_force'),
      eb.or([eb('expiry_date', 'is', null), eb('expiry_date', '>=', today)]),
    ]);
  }
  if (status === 'expired') {
    return eb.or([
      eb('status', '=', 'expired'),
      eb.and([eb('status', '=', 'in_force'), eb('expiry_date', '<', today)]),
    ]);
  }
  return eb('status', '=', status);
}

export interface AgreementListFilter {
  status?: readonly AgreementStatus[] | undefined;
  kind?: string | undefined;
  partnerId?: string | undefined;
  relationshipId?: string | undefined;
  caseId?: string | undefined;
  expiringBefore?: string | undefined;
  /** The user's words, each found in the title or the preamble. */
  text?: string | undefined;
  sort: { by: AgreementSortKey; direction: 'asc' | 'desc' };
  limit: number;
  offset: number;
  /** Today's date, for the computed expiry. */
  today: string;
}

const SORT_COLUMNS = {
  updatedAt: 'updated_at',
  title: 'sort_key',
  signedDate: 'signed_date',
  expiryDate: 'expiry_date',
} as const satisfies Record<AgreementSortKey, keyof AgreementRow>;

/** One page of agreements and the total count of the filter. */
export async function listAgreements(
  db: Db,
  f: AgreementListFilter,
): Promise<{ rows: AgreementRow[]; total: number }> {
  let q = db.selectFrom('agreements');
  if (f.status !== undefined) {
    const statuses = f.status;
    q = q.where((eb) => eb.or(statuses.map((s) => statusIs(eb, s, f.today))));
  }
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.partnerId !== undefined) {
    const partnerId = f.partnerId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('agreement_parties').select('agreement_id').where('partner_id', '=', partnerId),
    );
  }
  if (f.relationshipId !== undefined) q = q.where('relationship_id', '=', f.relationshipId);
  if (f.caseId !== undefined) q = q.where('case_id', '=', f.caseId);
  if (f.expiringBefore !== undefined) q = q.where('expiry_date', '<', f.expiringBefore);
  const words = textMatches('agreements.search_key', f.text);
  if (words !== null) q = q.where(words);
  const column = SORT_COLUMNS[f.sort.by];
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(column, f.sort.direction)
      .orderBy('id', f.sort.direction)
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** In-force agreements whose expiry date has passed but whose expiry is not yet recorded. */
export async function dueForExpiry(db: Db, today: string): Promise<AgreementRow[]> {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('status', '=', 'in_force')
    .where('expiry_date', '<', today)
    .orderBy('expiry_date')
    .orderBy('id')
    .execute();
}

/** An agreement in a few words, for the Desk page, timelines and briefings. */
export interface AgreementBrief {
  id: string;
  kind: AgreementKind;
  title: string;
  /** As the user sees it on `today` (an in-force agreement past its expiry reads as expired). */
  status: AgreementStatus;
  signedDate: string | null;
  expiryDate: string | null;
  reminderDate: string | null;
  relationshipId: string | null;
  caseId: string | null;
}

const briefColumns = [
  'id',
  'kind',
  'title',
  'status',
  'signed_date',
  'expiry_date',
  'reminder_date',
  'relationship_id',
  'case_id',
] as const;

function toBrief(row: Pick<AgreementRow, (typeof briefColumns)[number]>, today: string): AgreementBrief {
  return {
    id: row.id,
    kind: row.kind as AgreementKind,
    title: row.title,
    status: effectiveStatus(row.status as AgreementStatus, row.expiry_date, today),
    signedDate: row.signed_date,
    expiryDate: row.expiry_date,
    reminderDate: row.reminder_date,
    relationshipId: row.relationship_id,
    caseId: row.case_id,
  };
}

/**
 * Agreements in force whose expiry date falls between two days, both inclusive, soonest
 * first: the Desk's "MoUs expiring" (from today to today + 90 days, say). Uses the
 * (status, expiry_date) index.
 */
export async function expiringWithin(db: Db, fromIso: string, toIso: string): Promise<AgreementBrief[]> {
  const rows = await db
    .selectFrom('agreements')
    .select(briefColumns)
    .where('status', '=', 'in_force')
    .where('expiry_date', '>=', fromIso)
    .where('expiry_date', '<=', toIso)
    .orderBy('expiry_date')
    .orderBy('id')
    .execute();
  return rows.map((row) => toBrief(row, fromIso));
}

const newestSigningFirst = sql`coalesce(signed_date, substr(created_at, 1, 10))`;

/**
 * Every agreement a partner (or one of our own units) is a party to, newest signing (or
 * creation) first, with the status as seen on `today` (todayIso(ctx.now)).
 */
export async function agreementsForPartner(
  db: Db,
  partnerId: string,
  today: string,
): Promise<AgreementBrief[]> {
  const rows = await db
    .selectFrom('agreements')
    .select(briefColumns)
    .where('id', 'in', (eb) =>
      eb.selectFrom('agreement_parties').select('agreement_id').where('partner_id', '=', partnerId),
    )
    .orderBy(newestSigningFirst, 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => toBrief(row, today));
}

/** Every agreement linked to a relationship, newest signing first, as seen on `today`. */
export async function agreementsForRelationship(
  db: Db,
  relationshipId: string,
  today: string,
): Promise<AgreementBrief[]> {
  const rows = await db
    .selectFrom('agreements')
    .select(briefColumns)
    .where('relationship_id', '=', relationshipId)
    .orderBy(newestSigningFirst, 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => toBrief(row, today));
}
