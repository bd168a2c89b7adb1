/** Partners as stored: plain functions over the database, no validation (the service does that). */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { partnerListInput } from '../../../../shared/api/partners.contract';
import { textMatches } from '../db/text-filter';
import type { Database } from '../db/tables';
import type { InsertablePartnerRow, PartnerRow, UpdateablePartnerRow } from './partners.table';

type Db = Kysely<Database> | Transaction<Database>;

/** The list input after parsing: defaults applied. */
export type PartnerListFilters = z.output<typeof partnerListInput>;

export async function findPartner(db: Db, id: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The partners with these ids, by id (missing ids are simply absent). */
export async function findPartners(db: Db, ids: readonly string[]): Promise<Map<string, PartnerRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('partners').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertPartner(tx: Transaction<Database>, row: InsertablePartnerRow): Promise<void> {
  await tx.insertInto('partners').values(row).execute();
}

export async function updatePartner(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateablePartnerRow,
): Promise<void> {
  await tx.updateTable('partners').set(patch).where('id', '=', id).execute();
}

/**
 * The ids from `id` up through its parents, nearest first, stopping at the first repeat so
 * a damaged chain cannot loop forever.
 */
export async function ancestorIds(db: Db, id: string): Promise<string[]> {
  const seen: string[] = [];
  let current: string | null = id;
  while (current !== null && !seen.includes(current)) {
    seen.push(current);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('partners')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return seen;
}

/** How many relationships name the partner as own unit and as the other side. */
export async function relationshipRoles(
  db: Db,
  id: string,
): Promise<{ asOwnUnit: number; asPartner: number }> {
  const row = await db
    .selectFrom('relationships')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('own_unit_id', '=', id).then(1).else(0).end()).as('as_own_unit'),
      eb.fn.sum<number>(eb.case().when('partner_id', '=', id).then(1).else(0).end()).as('as_partner'),
    ])
    .where((eb) => eb.or([eb('own_unit_id', '=', id), eb('partner_id', '=', id)]))
    .executeTakeFirst();
  return { asOwnUnit: Number(row?.as_own_unit ?? 0), asPartner: Number(row?.as_partner ?? 0) };
}

function filtered(db: Db, f: PartnerListFilters) {
  let q = db.selectFrom('partners');
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.orgType !== undefined) q = q.where('org_type', '=', f.orgType);
  if (f.country !== undefined) q = q.where('country', '=', f.country);
  if (f.own !== undefined) q = q.where('own', '=', f.own ? 1 : 0);
  if (f.parentId !== undefined) q = q.where('parent_id', '=', f.parentId);
  if (f.archived !== 'all') q = q.where('archived', '=', f.archived === 'archived' ? 1 : 0);
  const text = textMatches('partners.search_key', f.text);
  if (text) q = q.where(text);
  return q;
}

const SORT_COLUMNS = {
  name: ['sort_key'],
  nameEn: ['name_en', 'sort_key'],
  country: ['country', 'sort_key'],
  kind: ['kind', 'sort_key'],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
} as const;

/** The page query of partners.list, exported so tests can check its plan uses an index. */
export function partnerListQuery(db: Db, f: PartnerListFilters) {
  let q = filtered(db, f).selectAll();
  for (const column of SORT_COLUMNS[f.sort.field]) q = q.orderBy(column, f.sort.direction);
  return q.orderBy('id', f.sort.direction).limit(f.limit).offset(f.offset);
}

export async function listPartners(
  db: Db,
  f: PartnerListFilters,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const rows = await partnerListQuery(db, f).execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}
