/** Cases as stored, with their linked partners and tags: plain functions, no validation. */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { z } from 'zod';
import {
  CASE_OPEN_STATUSES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  type caseListInput,
} from '../../../../shared/api/cases.contract';
import { textMatches } from '../db/text-filter';
import type { Database } from '../db/tables';
import type { CaseRow, InsertableCaseRow, UpdateableCaseRow } from './cases.table';

type Db = Kysely<Database> | Transaction<Database>;

/** The list input after parsing: defaults applied. */
export type CaseListFilters = z.output<typeof caseListInput>;

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCase(tx: Transaction<Database>, row: InsertableCaseRow): Promise<void> {
  await tx.insertInto('cases').values(row).execute();
}

export async function updateCase(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableCaseRow,
): Promise<void> {
  await tx.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export async function replaceCasePartners(
  tx: Transaction<Database>,
  caseId: string,
  partnerIds: readonly string[],
): Promise<void> {
  await tx.deleteFrom('case_partners').where('case_id', '=', caseId).execute();
  if (partnerIds.length > 0) {
    await tx
      .insertInto('case_partners')
      .values(partnerIds.map((partner_id) => ({ case_id: caseId, partner_id })))
      .execute();
  }
}

export async function replaceCaseTags(
  tx: Transaction<Database>,
  caseId: string,
  tags: readonly string[],
): Promise<void> {
  await tx.deleteFrom('case_tags').where('case_id', '=', caseId).execute();
  if (tags.length > 0) {
    await tx
      .insertInto('case_tags')
      .values(tags.map((tag) => ({ case_id: caseId, tag })))
      .execute();
  }
}

/** Values of a link table grouped by case id. */
async function grouped<T extends 'case_partners' | 'case_tags'>(
  db: Db,
  table: T,
  column: T extends 'case_partners' ? 'partner_id' : 'tag',
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom(table as 'case_partners')
    .select(['case_id', sql.ref<string>(column).as('value')])
    .where('case_id', 'in', [...new Set(ids)])
    .orderBy('case_id')
    .orderBy(sql.ref(column))
    .execute();
  for (const row of rows) {
    const list = out.get(row.case_id) ?? [];
    list.push(row.value);
    out.set(row.case_id, list);
  }
  return out;
}

export function findCasePartnerIds(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  return grouped(db, 'case_partners', 'partner_id', ids);
}

export function findCaseTags(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  return grouped(db, 'case_tags', 'tag', ids);
}

/** Still open or waiting after its due date, as of `today`; never NULL, so it can be negated. */
function overdueCondition(today: string) {
  const open = sql.join(CASE_OPEN_STATUSES.map((s) => sql.lit(s)));
  const due = sql.ref('cases.due_on');
  return sql<SqlBool>`(${sql.ref('cases.status')} in (${open}) and ${due} is not null and ${due} < ${today})`;
}

function ordinal(column: string, values: readonly string[]) {
  return sql<number>`case ${sql.ref(column)} ${sql.join(
    values.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
}

function filtered(db: Db, f: CaseListFilters, today: string) {
  let q = db.selectFrom('cases');
  if (f.status !== undefined) q = q.where('cases.status', '=', f.status);
  else if (f.openOnly) q = q.where('cases.status', 'in', [...CASE_OPEN_STATUSES]);
  if (f.kind !== undefined) q = q.where('cases.kind', '=', f.kind);
  if (f.priority !== undefined) q = q.where('cases.priority', '=', f.priority);
  if (f.ownerId !== undefined) q = q.where('cases.owner_id', '=', f.ownerId);
  if (f.relationshipId !== undefined) q = q.where('cases.relationship_id', '=', f.relationshipId);
  if (f.dueFrom !== undefined) q = q.where('cases.due_on', '>=', f.dueFrom);
  if (f.dueTo !== undefined) q = q.where('cases.due_on', '<=', f.dueTo);
  if (f.overdue !== undefined) {
    q = q.where(f.overdue ? overdueCondition(today) : sql<SqlBool>`not ${overdueCondition(today)}`);
  }
  const { partnerId, tag } = f;
  if (partnerId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_partners')
          .select('case_partners.case_id')
          .whereRef('case_partners.case_id', '=', 'cases.id')
          .where('case_partners.partner_id', '=', partnerId),
      ),
    );
  }
  if (tag !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_tags')
          .select('case_tags.case_id')
          .whereRef('case_tags.case_id', '=', 'cases.id')
          .where('case_tags.tag', '=', tag),
      ),
    );
  }
  const text = textMatches('cases.search_key', f.text);
  if (text) q = q.where(text);
  return q;
}

/** The page query of cases.list; `today` decides what is overdue. */
export function caseListQuery(db: Db, f: CaseListFilters, today: string) {
  let q = filtered(db, f, today).selectAll('cases');
  const dir = f.sort.direction;
  switch (f.sort.field) {
    case 'title':
      q = q.orderBy('cases.sort_key', dir);
      break;
    case 'dueOn':
      // Cases without a deadline after those with one, whichever the direction.
      q = q
        .orderBy(sql`case when ${sql.ref('cases.due_on')} is null then 1 else 0 end`)
        .orderBy('cases.due_on', dir);
      break;
    case 'priority':
      q = q.orderBy(ordinal('cases.priority', CASE_PRIORITIES), dir);
      break;
    case 'status':
      q = q.orderBy(ordinal('cases.status', CASE_STATUSES), dir);
      break;
    case 'openedOn':
      q = q.orderBy('cases.opened_on', dir);
      break;
    case 'createdAt':
      q = q.orderBy('cases.created_at', dir);
      break;
    case 'updatedAt':
      q = q.orderBy('cases.updated_at', dir);
      break;
  }
  return q.orderBy('cases.id', dir).limit(f.limit).offset(f.offset);
}

export async function listCases(
  db: Db,
  f: CaseListFilters,
  today: string,
): Promise<{ rows: CaseRow[]; total: number }> {
  const rows = await caseListQuery(db, f, today).execute();
  const count = await filtered(db, f, today)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

/** The cases whose search documents name this partner (linked directly). */
export async function caseIdsOfPartner(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_partners')
    .select('case_id')
    .where('partner_id', '=', partnerId)
    .execute();
  return rows.map((r) => r.case_id);
}
