/**
 * Relationships as stored, with their last activity and dormancy computed in the same
 * query from the activity sources, so the list can filter and sort by them.
 */
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { z } from 'zod';
import {
  DORMANCY_STATUSES,
  RELATIONSHIP_STATUSES,
  type relationshipListInput,
} from '../../../../shared/api/relationships.contract';
import { textMatches } from '../db/text-filter';
import type { Database } from '../db/tables';
import type {
  InsertableRelationshipRow,
  RelationshipRow,
  UpdateableRelationshipRow,
} from './relationships.table';
import { hasActivitySince, lastActivityOf, relationshipActivity, type Owners } from './timeline.sources';

type Db = Kysely<Database> | Transaction<Database>;

/** The list input after parsing: defaults applied. */
export type RelationshipListFilters = z.output<typeof relationshipListInput>;

/** A relationship row with what the query computes beside it. */
export interface RelationshipListRow extends RelationshipRow {
  last_activity: string | null;
  dormant: number;
}

export async function findRelationship(db: Db, id: string): Promise<RelationshipRow | undefined> {
  return db.selectFrom('relationships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRelationship(
  tx: Transaction<Database>,
  row: InsertableRelationshipRow,
): Promise<void> {
  await tx.insertInto('relationships').values(row).execute();
}

export async function updateRelationship(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableRelationshipRow,
): Promise<void> {
  await tx.updateTable('relationships').set(patch).where('id', '=', id).execute();
}

/** Replaces the areas of cooperation of a relationship. */
export async function replaceAreas(
  tx: Transaction<Database>,
  relationshipId: string,
  areas: readonly string[],
): Promise<void> {
  await tx.deleteFrom('relationship_areas').where('relationship_id', '=', relationshipId).execute();
  if (areas.length > 0) {
    await tx
      .insertInto('relationship_areas')
      .values(areas.map((area) => ({ relationship_id: relationshipId, area })))
      .execute();
  }
}

/** The areas of these relationships, by relationship id. */
export async function findAreas(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('relationship_areas')
    .select(['relationship_id', 'area'])
    .where('relationship_id', 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) {
    const list = out.get(row.relationship_id) ?? [];
    list.push(row.area);
    out.set(row.relationship_id, list);
  }
  return out;
}

const relationshipId = sql.ref<string>('relationships.id');

/**
 * The relationship's newest activity (see lastActivityOf): one seek per kind of linked
 * record and per case, so it is computed only for the rows a page shows, or for every
 * relationship when the list is sorted by it.
 */
const lastActivity = lastActivityOf(relationshipId);

/**
 * 1 when the relationship is in a status that expects activity and nothing is linked on or
 * after `cutoff` (counting from the last activity, else the established date, else the day
 * it was recorded). Asked as "any activity since the cutoff?" (hasActivitySince), which a
 * relationship active lately answers with a seek or two, instead of computing every
 * relationship's last activity: with some activity, the relationship is dormant exactly when
 * none is on or after the cutoff; with none at all, when it was established (or recorded)
 * before the cutoff.
 */
function dormantFlag(cutoff: string) {
  const statuses = sql.join(DORMANCY_STATUSES.map((s) => sql.lit(s)));
  const since = hasActivitySince(relationshipId, sql.val(cutoff));
  const any = hasActivitySince(relationshipId, sql.lit(''));
  const started = sql`coalesce(${sql.ref('relationships.established_on')}, substr(${sql.ref('relationships.created_at')}, 1, 10))`;
  return sql<number>`case when ${sql.ref('relationships.status')} in (${statuses}) and not ${since} and (${started} < ${cutoff} or ${any}) then 1 else 0 end`;
}

const statusOrder = sql<number>`case ${sql.ref('relationships.status')} ${sql.join(
  RELATIONSHIP_STATUSES.map((s, i) => sql`when ${sql.lit(s)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

/** The list's query: the relationships the filters keep, with their partner and own unit. */
function filtered(db: Db, f: Partial<RelationshipListFilters>, owners: Owners, cutoff: string) {
  let q = db
    .selectFrom('relationships')
    .innerJoin('partners as partner', 'partner.id', 'relationships.partner_id')
    .innerJoin('partners as unit', 'unit.id', 'relationships.own_unit_id');
  if (owners) q = q.where('relationships.id', 'in', owners);
  if (f.ownUnitId !== undefined) q = q.where('relationships.own_unit_id', '=', f.ownUnitId);
  if (f.partnerId !== undefined) q = q.where('relationships.partner_id', '=', f.partnerId);
  if (f.type !== undefined) q = q.where('relationships.type', '=', f.type);
  if (f.status !== undefined) q = q.where('relationships.status', '=', f.status);
  if (f.stage !== undefined) q = q.where('relationships.stage', '=', f.stage);
  if (f.country !== undefined) q = q.where('partner.country', '=', f.country);
  const area = f.area;
  if (area !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('relationship_areas')
          .select('relationship_areas.area')
          .whereRef('relationship_areas.relationship_id', '=', 'relationships.id')
          .where('relationship_areas.area', '=', area),
      ),
    );
  }
  if (f.dormant !== undefined) {
    q = q.where(sql<SqlBool>`${dormantFlag(cutoff)} = ${sql.lit(f.dormant ? 1 : 0)}`);
  }
  const text: Expression<SqlBool> | null = textMatches(['partner.search_key', 'unit.search_key'], f.text);
  if (text) q = q.where(text);
  return q;
}

function withComputed(db: Db, f: Partial<RelationshipListFilters>, owners: Owners, cutoff: string) {
  return filtered(db, f, owners, cutoff)
    .selectAll('relationships')
    .select([lastActivity.as('last_activity'), dormantFlag(cutoff).as('dormant')]);
}

/** One relationship with its last activity and dormancy as of `cutoff`. */
export async function findRelationshipWithActivity(
  db: Db,
  id: string,
  cutoff: string,
): Promise<RelationshipListRow | undefined> {
  return withComputed(db, {}, [id], cutoff).executeTakeFirst();
}

/** A page of relationships; `cutoff` is the day before which no activity means dormant. */
export async function listRelationships(
  db: Db,
  f: RelationshipListFilters,
  cutoff: string,
): Promise<{ rows: RelationshipListRow[]; total: number }> {
  // Sorting by it needs every kept relationship's last activity. So does a list of the
  // dormant ones, which are few; the page's rows then carry the total too (a window over the
  // filtered rows, before the limit), instead of a second query that would compute their
  // activity again. Otherwise the page is chosen first and only its rows' activity computed.
  const needsActivity = f.dormant === true || f.sort.field === 'lastActivity';
  let q = needsActivity
    ? withComputed(db, f, null, cutoff).select(sql<number>`count(*) over ()`.as('list_total'))
    : filtered(db, f, null, cutoff).select('relationships.id');
  const dir = f.sort.direction;
  switch (f.sort.field) {
    case 'partner':
      q = q.orderBy('partner.sort_key', dir).orderBy('unit.sort_key', dir);
      break;
    case 'establishedOn':
      q = q.orderBy('relationships.established_on', dir);
      break;
    case 'status':
      q = q.orderBy(statusOrder, dir);
      break;
    case 'lastActivity':
      // The computed column by its name, so that SQLite does not compute it twice.
      q = q.orderBy(sql.ref('last_activity'), dir);
      break;
    case 'createdAt':
      q = q.orderBy('relationships.created_at', dir);
      break;
    case 'updatedAt':
      q = q.orderBy('relationships.updated_at', dir);
      break;
  }
  const page = await q.orderBy('relationships.id', dir).limit(f.limit).offset(f.offset).execute();
  let rows: RelationshipListRow[];
  if (needsActivity) {
    const withTotal = page as (RelationshipListRow & { list_total: number })[];
    rows = withTotal.map(({ list_total: _, ...row }) => row);
    // No row on the first page: nothing matches. Past the end, the total is counted apart.
    if (withTotal.length > 0) return { rows, total: Number(withTotal[0]!.list_total) };
    if (f.offset === 0) return { rows, total: 0 };
  } else {
    const ids = page.map((r) => r.id);
    const found = ids.length === 0 ? [] : await withComputed(db, {}, ids, cutoff).execute();
    const byId = new Map(found.map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)).filter((r): r is RelationshipListRow => r !== undefined);
  }
  const count = await relationshipCountQuery(db, f, cutoff).executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

/**
 * The list's total for these filters, as a query (the Desk counts several filters in one
 * statement); a dormancy filter asks each relationship only whether it has activity since
 * the cutoff.
 */
export function relationshipCountQuery(db: Db, f: Partial<RelationshipListFilters>, cutoff: string) {
  return filtered(db, f, null, cutoff).select((eb) => eb.fn.countAll<number>().as('total'));
}

/** Distinct linked records per area of cooperation (null: records without an area). */
export async function activityByArea(db: Db, id: string): Promise<{ area: string | null; count: number }[]> {
  const rows = await db
    .selectFrom(relationshipActivity(db, [id]).as('activity'))
    .select((eb) => ['activity.area', eb.fn.count<number>('activity.item_id').distinct().as('count')])
    .groupBy('activity.area')
    .execute();
  return rows.map((r) => ({ area: r.area, count: Number(r.count) }));
}

/** The relationship ids whose search documents name this partner. */
export async function relationshipIdsOfPartner(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('relationships')
    .select('id')
    .where((eb) => eb.or([eb('partner_id', '=', partnerId), eb('own_unit_id', '=', partnerId)]))
    .execute();
  return rows.map((r) => r.id);
}
