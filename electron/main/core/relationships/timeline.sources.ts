/**
 * Activity linked to relationships and cases, one small function per source. Each answers
 * rows of the same shape — whose activity (`owner_id`: a relationship or a case), what,
 * when, in which area of cooperation — so the timeline, the last activity, dormancy and
 * the breadth per area are all one UNION ALL over the sources. A record linked directly
 * and one linked through a case are separate functions, so each filter uses its index. A
 * new kind of linked record is one or two more functions here and lines in the unions below.
 */
import {
  sql,
  type AliasedSelectQueryBuilder,
  type Expression,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type {
  TimelineItem,
  TimelineItemKind,
  TimelineSource,
} from '../../../../shared/api/relationships.contract';
import type { Database } from '../db/tables';

type Db = Kysely<Database> | Transaction<Database>;

/** One dated piece of activity as the sources answer it. */
export interface ActivityRow {
  owner_id: string;
  source: TimelineSource;
  kind: TimelineItemKind;
  item_id: string;
  activity_date: string;
  title: string;
  reference: string | null;
  area: string | null;
}

/** Whose activity to read: these relationships (or cases), or all of them (null). */
export type Owners = readonly string[] | null;

const caseClosedKind = sql<TimelineItemKind>`case when ${sql.ref('cases.status')} = 'done' then 'case_done' else 'case_cancelled' end`;
const letterKind = sql<TimelineItemKind>`'letter_' || ${sql.ref('letters.direction')}`;

// ---- relationships ------------------------------------------------------------------

/** A case linked to the relationship, on the day it was opened. */
function relationshipCasesOpened(db: Db, owners: Owners) {
  let q = db
    .selectFrom('cases')
    .select((eb) => [
      eb.ref('cases.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'case'`.as('source'),
      sql<TimelineItemKind>`'case_opened'`.as('kind'),
      'cases.id as item_id',
      'cases.opened_on as activity_date',
      'cases.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ]);
  q = owners
    ? q.where('cases.relationship_id', 'in', owners)
    : q.where('cases.relationship_id', 'is not', null);
  return q;
}

/** A case linked to the relationship, on the day it was done or cancelled. */
function relationshipCasesClosed(db: Db, owners: Owners) {
  let q = db
    .selectFrom('cases')
    .select((eb) => [
      eb.ref('cases.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'case'`.as('source'),
      caseClosedKind.as('kind'),
      'cases.id as item_id',
      eb.ref('cases.closed_on').$notNull().as('activity_date'),
      'cases.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('cases.closed_on', 'is not', null);
  q = owners
    ? q.where('cases.relationship_id', 'in', owners)
    : q.where('cases.relationship_id', 'is not', null);
  return q;
}

/** A letter filed under the relationship itself. */
function relationshipLetters(db: Db, owners: Owners) {
  let q = db
    .selectFrom('letters')
    .leftJoin('cases', 'cases.id', 'letters.case_id')
    .select((eb) => [
      eb.ref('letters.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'letter'`.as('source'),
      letterKind.as('kind'),
      'letters.id as item_id',
      'letters.letter_date as activity_date',
      'letters.subject as title',
      eb.ref('letters.number').$castTo<string | null>().as('reference'),
      'cases.area as area',
    ]);
  q = owners
    ? q.where('letters.relationship_id', 'in', owners)
    : q.where('letters.relationship_id', 'is not', null);
  return q;
}

/** A letter of a case linked to the relationship, when the letter names no relationship itself. */
function relationshipCaseLetters(db: Db, owners: Owners) {
  let q = db
    .selectFrom('cases')
    .innerJoin('letters', 'letters.case_id', 'cases.id')
    .select((eb) => [
      eb.ref('cases.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'letter'`.as('source'),
      letterKind.as('kind'),
      'letters.id as item_id',
      'letters.letter_date as activity_date',
      'letters.subject as title',
      eb.ref('letters.number').$castTo<string | null>().as('reference'),
      'cases.area as area',
    ])
    .where('letters.relationship_id', 'is', null);
  q = owners
    ? q.where('cases.relationship_id', 'in', owners)
    : q.where('cases.relationship_id', 'is not', null);
  return q;
}

/** An agreement: the day it was signed, or the day its drafting began. */
const agreementKind = sql<TimelineItemKind>`case when ${sql.ref('agreements.signed_date')} is null then 'agreement_drafted' else 'agreement_signed' end`;
const agreementDate = sql<string>`coalesce(${sql.ref('agreements.signed_date')}, substr(${sql.ref('agreements.created_at')}, 1, 10))`;

/** An agreement filed under the relationship itself. */
function relationshipAgreements(db: Db, owners: Owners) {
  let q = db
    .selectFrom('agreements')
    .leftJoin('cases', 'cases.id', 'agreements.case_id')
    .select((eb) => [
      eb.ref('agreements.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'agreement'`.as('source'),
      agreementKind.as('kind'),
      'agreements.id as item_id',
      agreementDate.as('activity_date'),
      'agreements.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ]);
  q = owners
    ? q.where('agreements.relationship_id', 'in', owners)
    : q.where('agreements.relationship_id', 'is not', null);
  return q;
}

/** An agreement of a case linked to the relationship, when it names no relationship itself. */
function relationshipCaseAgreements(db: Db, owners: Owners) {
  let q = db
    .selectFrom('cases')
    .innerJoin('agreements', 'agreements.case_id', 'cases.id')
    .select((eb) => [
      eb.ref('cases.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'agreement'`.as('source'),
      agreementKind.as('kind'),
      'agreements.id as item_id',
      agreementDate.as('activity_date'),
      'agreements.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('agreements.relationship_id', 'is', null);
  q = owners
    ? q.where('cases.relationship_id', 'in', owners)
    : q.where('cases.relationship_id', 'is not', null);
  return q;
}

const eventKind = sql<TimelineItemKind>`'event_' || ${sql.ref('events.status')}`;

/** An event (forum, cultural week, delegation) filed under the relationship, on its first day. */
function relationshipEvents(db: Db, owners: Owners) {
  let q = db
    .selectFrom('events')
    .leftJoin('cases', 'cases.id', 'events.case_id')
    .select((eb) => [
      eb.ref('events.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'event'`.as('source'),
      eventKind.as('kind'),
      'events.id as item_id',
      'events.start_date as activity_date',
      'events.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ]);
  q = owners
    ? q.where('events.relationship_id', 'in', owners)
    : q.where('events.relationship_id', 'is not', null);
  return q;
}

/** An event of a case linked to the relationship, when it names no relationship itself. */
function relationshipCaseEvents(db: Db, owners: Owners) {
  let q = db
    .selectFrom('cases')
    .innerJoin('events', 'events.case_id', 'cases.id')
    .select((eb) => [
      eb.ref('cases.relationship_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'event'`.as('source'),
      eventKind.as('kind'),
      'events.id as item_id',
      'events.start_date as activity_date',
      'events.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('events.relationship_id', 'is', null);
  q = owners
    ? q.where('cases.relationship_id', 'in', owners)
    : q.where('cases.relationship_id', 'is not', null);
  return q;
}

/** All activity of these relationships (or of every relationship). */
export function relationshipActivity(db: Db, owners: Owners) {
  return relationshipCasesOpened(db, owners).unionAll([
    relationshipCasesClosed(db, owners),
    relationshipLetters(db, owners),
    relationshipCaseLetters(db, owners),
    relationshipAgreements(db, owners),
    relationshipCaseAgreements(db, owners),
    relationshipEvents(db, owners),
    relationshipCaseEvents(db, owners),
  ]);
}

/** An agreement's activity day: signed, else recorded. */
const agreementDay = sql.raw('coalesce(a.signed_date, substr(a.created_at, 1, 10))');

/**
 * The day columns of a relationship's activity, as lastActivityOf and hasActivitySince read
 * them: the records that name the relationship (each link column leads an index that carries
 * the day), and the records of its cases that name no relationship themselves (the partial
 * indexes of migration 2026-11-27-14). Keep them in step with the sources above.
 */
const OWN_DAYS = [
  { from: sql.raw('letters l'), link: sql.raw('l.relationship_id'), day: sql.raw('l.letter_date') },
  { from: sql.raw('cases c'), link: sql.raw('c.relationship_id'), day: sql.raw('c.opened_on') },
  { from: sql.raw('cases c'), link: sql.raw('c.relationship_id'), day: sql.raw('c.closed_on') },
  { from: sql.raw('events e'), link: sql.raw('e.relationship_id'), day: sql.raw('e.start_date') },
  { from: sql.raw('agreements a'), link: sql.raw('a.relationship_id'), day: agreementDay },
];
const CASE_DAYS = [
  { from: sql.raw('letters l'), alias: sql.raw('l'), day: sql.raw('l.letter_date') },
  { from: sql.raw('events e'), alias: sql.raw('e'), day: sql.raw('e.start_date') },
  { from: sql.raw('agreements a'), alias: sql.raw('a'), day: agreementDay },
];

/**
 * The newest activity date of the relationship `id` (a column of the outer query), or null:
 * the same answer as the maximum over relationshipActivity, read as one index seek per
 * source, and per case for the records of its cases, instead of a scan of every linked record.
 */
export function lastActivityOf(id: Expression<string>) {
  const own = OWN_DAYS.map((s) => sql`select max(${s.day}) as d from ${s.from} where ${s.link} = ${id}`);
  const ofCases = CASE_DAYS.map(
    (s) => sql`select max((select max(${s.day}) from ${s.from}
      where ${s.alias}.case_id = c.id and ${s.alias}.relationship_id is null))
      from cases c where c.relationship_id = ${id}`,
  );
  return sql<string | null>`(select max(d) from (${sql.join([...own, ...ofCases], sql` union all `)}))`;
}

/**
 * Whether the relationship `id` has any activity on or after `since` (a day, or '' for any
 * activity at all): the same answer as `lastActivityOf(id) >= since`, but each source is a
 * seek that stops at its first hit, the relationship's own records before those of its cases.
 * A relationship active in the last months is answered by one or two seeks; only one with
 * nothing since `since` visits every case, as lastActivityOf always does.
 */
export function hasActivitySince(id: Expression<string>, since: Expression<string>) {
  const own = OWN_DAYS.map(
    (s) => sql`exists (select 1 from ${s.from} where ${s.link} = ${id} and ${s.day} >= ${since})`,
  );
  const ofCase = CASE_DAYS.map(
    (s) => sql`exists (select 1 from ${s.from} where ${s.alias}.case_id = c.id
      and ${s.alias}.relationship_id is null and ${s.day} >= ${since})`,
  );
  const viaCases = sql`exists (select 1 from cases c where c.relationship_id = ${id}
    and (${sql.join(ofCase, sql` or `)}))`;
  return sql<SqlBool>`(${sql.join([...own, viaCases], sql` or `)})`;
}

// ---- cases --------------------------------------------------------------------------

/** The case itself, opened and (when it was) closed. */
function caseMilestones(db: Db, owners: readonly string[]) {
  const opened = db
    .selectFrom('cases')
    .select([
      'cases.id as owner_id',
      sql<TimelineSource>`'case'`.as('source'),
      sql<TimelineItemKind>`'case_opened'`.as('kind'),
      'cases.id as item_id',
      'cases.opened_on as activity_date',
      'cases.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('cases.id', 'in', owners);
  const closed = db
    .selectFrom('cases')
    .select((eb) => [
      'cases.id as owner_id',
      sql<TimelineSource>`'case'`.as('source'),
      caseClosedKind.as('kind'),
      'cases.id as item_id',
      eb.ref('cases.closed_on').$notNull().as('activity_date'),
      'cases.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('cases.id', 'in', owners)
    .where('cases.closed_on', 'is not', null);
  return { opened, closed };
}

/** A letter filed under the case. */
function caseLetters(db: Db, owners: readonly string[]) {
  return db
    .selectFrom('letters')
    .innerJoin('cases', 'cases.id', 'letters.case_id')
    .select((eb) => [
      eb.ref('letters.case_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'letter'`.as('source'),
      letterKind.as('kind'),
      'letters.id as item_id',
      'letters.letter_date as activity_date',
      'letters.subject as title',
      eb.ref('letters.number').$castTo<string | null>().as('reference'),
      'cases.area as area',
    ])
    .where('letters.case_id', 'in', owners);
}

/** An agreement negotiated under the case. */
function caseAgreements(db: Db, owners: readonly string[]) {
  return db
    .selectFrom('agreements')
    .innerJoin('cases', 'cases.id', 'agreements.case_id')
    .select((eb) => [
      eb.ref('agreements.case_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'agreement'`.as('source'),
      agreementKind.as('kind'),
      'agreements.id as item_id',
      agreementDate.as('activity_date'),
      'agreements.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('agreements.case_id', 'in', owners);
}

/** An event organised under the case. */
function caseEvents(db: Db, owners: readonly string[]) {
  return db
    .selectFrom('events')
    .innerJoin('cases', 'cases.id', 'events.case_id')
    .select((eb) => [
      eb.ref('events.case_id').$notNull().as('owner_id'),
      sql<TimelineSource>`'event'`.as('source'),
      eventKind.as('kind'),
      'events.id as item_id',
      'events.start_date as activity_date',
      'events.title as title',
      sql<string | null>`null`.as('reference'),
      'cases.area as area',
    ])
    .where('events.case_id', 'in', owners);
}

/** All activity of these cases. */
export function caseActivity(db: Db, owners: readonly string[]) {
  const { opened, closed } = caseMilestones(db, owners);
  return opened.unionAll([
    closed,
    caseLetters(db, owners),
    caseAgreements(db, owners),
    caseEvents(db, owners),
  ]);
}

// ---- reading ------------------------------------------------------------------------

/** Newest first; on one day the later-recorded record first, a case's closing before its opening. */
export async function timelinePage(
  db: Db,
  activity: AliasedSelectQueryBuilder<ActivityRow, 'activity'>,
  page: { limit: number; offset: number },
): Promise<{ rows: ActivityRow[]; total: number }> {
  const rows = await db
    .selectFrom(activity)
    .selectAll()
    .orderBy('activity.activity_date', 'desc')
    .orderBy('activity.item_id', 'desc')
    .orderBy(sql`case when ${sql.ref('activity.kind')} = 'case_opened' then 1 else 0 end`)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom(activity)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

export function toTimelineItem(row: ActivityRow): TimelineItem {
  return {
    source: row.source,
    kind: row.kind,
    id: row.item_id,
    date: row.activity_date,
    title: row.title,
    reference: row.reference,
    area: row.area as TimelineItem['area'],
  };
}
