/** Events, their partners, programme items, delegation members and gifts. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { eventListInput } from '../../../../shared/api/events.contract';
import type { Database } from '../db/tables';
import { textMatches } from '../db/text-filter';
import type { DelegationMemberRow, EventRow, GiftRow, ProgrammeItemRow } from './events.table';

type Db = Kysely<Database> | Transaction<Database>;
export type EventListFilters = z.output<typeof eventListInput>;

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function eventPartnerIds(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_partners')
    .select('partner_id')
    .where('event_id', '=', eventId)
    .execute();
  return rows.map((r) => r.partner_id);
}

export async function replaceEventPartners(
  tx: Transaction<Database>,
  eventId: string,
  partnerIds: readonly string[],
) {
  await tx.deleteFrom('event_partners').where('event_id', '=', eventId).execute();
  if (partnerIds.length > 0) {
    await tx
      .insertInto('event_partners')
      .values([...new Set(partnerIds)].map((partner_id) => ({ event_id: eventId, partner_id })))
      .execute();
  }
}

export async function programmeOf(db: Db, eventId: string): Promise<ProgrammeItemRow[]> {
  return db
    .selectFrom('programme_items')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('date')
    .orderBy(sql`coalesce(start_time, '99:99')`)
    .orderBy('created_at')
    .execute();
}

export async function delegationOf(db: Db, eventId: string): Promise<DelegationMemberRow[]> {
  return db
    .selectFrom('delegation_members')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy(sql`case role when 'head' then 0 else 1 end`)
    .orderBy('created_at')
    .execute();
}

export async function giftsOf(db: Db, eventId: string): Promise<GiftRow[]> {
  return db.selectFrom('gifts').selectAll().where('event_id', '=', eventId).orderBy('created_at').execute();
}

export async function answeredBy(db: Db, eventId: string) {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'start_date'])
    .where('reciprocal_event_id', '=', eventId)
    .orderBy('start_date')
    .execute();
}

/** The events whose reciprocal chain starting at `id` would come back to `target`. */
export async function reciprocalChain(db: Db, id: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE chain(id, depth) AS (
      SELECT reciprocal_event_id, 1 FROM events WHERE id = ${id} AND reciprocal_event_id IS NOT NULL
      UNION
      SELECT e.reciprocal_event_id, chain.depth + 1 FROM events e JOIN chain ON e.id = chain.id
      WHERE e.reciprocal_event_id IS NOT NULL AND chain.depth < 100
    )
    SELECT id FROM chain`.execute(db);
  return rows.rows.map((r) => r.id);
}

function filtered(db: Db, f: EventListFilters) {
  let q = db.selectFrom('events as e');
  if (f.kinds?.length) q = q.where('e.kind', 'in', f.kinds);
  if (f.roles?.length) q = q.where('e.our_role', 'in', f.roles);
  if (f.statuses?.length) q = q.where('e.status', 'in', f.statuses);
  // Overlap with the period: starts before it ends and ends after it starts.
  if (f.to) q = q.where('e.start_date', '<=', f.to);
  if (f.from) q = q.where('e.end_date', '>=', f.from);
  if (f.caseId) q = q.where('e.case_id', '=', f.caseId);
  if (f.relationshipId) q = q.where('e.relationship_id', '=', f.relationshipId);
  if (f.partnerId) {
    const partnerId = f.partnerId;
    q = q.where((eb) =>
      eb.or([
        eb('e.host_partner_id', '=', partnerId),
        eb('e.organiser_partner_id', '=', partnerId),
        eb.exists(
          eb
            .selectFrom('event_partners as ep')
            .select('ep.event_id')
            .whereRef('ep.event_id', '=', 'e.id')
            .where('ep.partner_id', '=', partnerId),
        ),
      ]),
    );
  }
  const text = textMatches('e.search_key', f.text);
  if (text) q = q.where(text);
  return q;
}

const SORT_COLUMNS = {
  startDate: 'e.start_date',
  title: 'e.title',
  kind: 'e.kind',
  createdAt: 'e.created_at',
} as const;

export async function listEvents(db: Db, f: EventListFilters): Promise<{ rows: EventRow[]; total: number }> {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base
      .selectAll('e')
      .orderBy(SORT_COLUMNS[f.sort.field], f.sort.direction)
      .orderBy('e.id', f.sort.direction)
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Programme and delegation sizes and delegation members for a page of events. */
export async function countsFor(db: Db, eventIds: readonly string[]) {
  if (eventIds.length === 0)
    return { programme: new Map<string, number>(), members: [] as DelegationMemberRow[] };
  const programme = await db
    .selectFrom('programme_items')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .groupBy('event_id')
    .execute();
  const members = await db
    .selectFrom('delegation_members')
    .selectAll()
    .where('event_id', 'in', eventIds)
    .execute();
  return { programme: new Map(programme.map((p) => [p.event_id, Number(p.n)])), members };
}

/** The events a partner hosts or organises, and the programme items it takes part in. */
export async function eventRecordsOfPartner(
  db: Db,
  partnerId: string,
): Promise<{ events: string[]; programmeItems: string[] }> {
  const events = await db
    .selectFrom('events')
    .select('id')
    .where((eb) => eb.or([eb('host_partner_id', '=', partnerId), eb('organiser_partner_id', '=', partnerId)]))
    .execute();
  const items = await db
    .selectFrom('programme_items')
    .select('id')
    .where('partner_id', '=', partnerId)
    .execute();
  return { events: events.map((r) => r.id), programmeItems: items.map((r) => r.id) };
}
