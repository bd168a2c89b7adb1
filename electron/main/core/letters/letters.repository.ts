/**
 * The letters table and their bodies: reading, writing, the register list and the lists
 * other sections show (the Desk overview, a partner's, relationship's or case's
 * correspondence). The tables a letter has many of live in letter-links.repository.ts.
 */
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { LetterSortKey, LetterState } from '../../../../shared/api/letters.contract';
import type { Database } from '../db/tables';
import {
  countLettersContaining,
  keyGramsPlan,
  letterRowidsContaining,
  type KeyGramsPlan,
  type RowidRange,
} from '../search/letter-key-grams';
import { textDateRange, textMayReach } from './letter-date-blocks';
import type { InsertableLetterRow, LetterRow, LettersTable, UpdateableLetterRow } from './letters.table';

type Db = Kysely<Database> | Transaction<Database>;

/** Every column of a letter row, in the table's order (`satisfies`: all of them, no other). */
const LETTER_COLUMNS = Object.keys({
  id: 0,
  direction: 0,
  secretariat: 0,
  jalali_year: 0,
  seq: 0,
  number: 0,
  registered_at: 0,
  letter_date: 0,
  sender_number: 0,
  sender_date: 0,
  from_partner_id: 0,
  from_contact_id: 0,
  from_text: 0,
  to_partner_id: 0,
  to_contact_id: 0,
  to_text: 0,
  subject: 0,
  language: 0,
  classification: 0,
  urgency: 0,
  channel: 0,
  attachments_count: 0,
  needs_reply: 0,
  follow_up_date: 0,
  state: 0,
  closed_at: 0,
  close_note: 0,
  case_id: 0,
  relationship_id: 0,
  current_referral_id: 0,
  referred_to_user_id: 0,
  search_key: 0,
  created_at: 0,
  updated_at: 0,
} satisfies Record<keyof LettersTable, 0>) as (keyof LettersTable)[];

/** A letter row as one JSON array of its columns in LETTER_COLUMNS' order. */
const letterAsJson = sql<string>`json_array(${sql.join(LETTER_COLUMNS.map((c) => sql.ref(`letters.${c}`)))})`;

/**
 * Runs a page query of whole letter rows, each row read as one JSON array and parsed here:
 * node-sqlite3 makes a 34-property object for each row of `selectAll`, a name and a value at a
 * time, where one string a row and JSON.parse cost less (a text filter's call at 1×, 50 rows:
 * 0.4–0.6 ms less median). Integers, texts and nulls come back as the same values.
 */
async function pageRows(query: SelectQueryBuilder<Database, 'letters', LetterRow>): Promise<LetterRow[]> {
  const rows = await query.clearSelect().select(letterAsJson.as('row')).execute();
  return rows.map(({ row }) => {
    const values = JSON.parse(row) as unknown[];
    const letter: Record<string, unknown> = {};
    for (let i = 0; i < LETTER_COLUMNS.length; i++) letter[LETTER_COLUMNS[i]!] = values[i];
    return letter as unknown as LetterRow;
  });
}

/** One letter's register row (its body is read by findLetterBody). */
export async function findLetter(db: Db, id: string): Promise<LetterRow | undefined> {
  return db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
}

/** These letters' register rows, in no particular order. */
export async function findLetterRows(db: Db, ids: readonly string[]): Promise<LetterRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('letters')
    .selectAll('letters')
    .where('id', 'in', [...ids])
    .execute();
}

/** Which of these letter ids exist. */
export async function existingLetterIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('letters')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Inserts a register row; the number must come from allocateRegisterNumber in the same transaction. */
export async function insertLetter(tx: Transaction<Database>, row: InsertableLetterRow): Promise<void> {
  await tx.insertInto('letters').values(row).execute();
}

/** The body or summary of a letter, or null when it has none. */
export async function findLetterBody(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('letter_bodies')
    .select('body')
    .where('letter_id', '=', id)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** Sets or (with null) removes the body of a letter. */
export async function writeLetterBody(
  tx: Transaction<Database>,
  id: string,
  body: string | null,
): Promise<void> {
  if (body === null) {
    await tx.deleteFrom('letter_bodies').where('letter_id', '=', id).execute();
    return;
  }
  await tx
    .insertInto('letter_bodies')
    .values({ letter_id: id, body })
    .onConflict((oc) => oc.column('letter_id').doUpdateSet({ body }))
    .execute();
}

/** Changes a register row; the caller keeps the state column current (refreshLetterStates). */
export async function updateLetter(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableLetterRow,
): Promise<void> {
  await tx.updateTable('letters').set(patch).where('id', '=', id).execute();
}

/**
 * Recomputes the stored follow-up state of these letters: `closed` when closed; `replied`
 * when a letter of the answering direction, dated on or after it, references it;
 * `awaiting_reply` when it needs a reply; otherwise `none`. Runs in the transaction that
 * changed a reference, a date, the needs-reply flag or the closing.
 */
export async function refreshLetterStates(tx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .updateTable('letters')
    .set({
      state: sql<LetterState>`CASE
        WHEN letters.closed_at IS NOT NULL THEN 'closed'
        WHEN EXISTS (
          SELECT 1 FROM letter_references AS r
          JOIN letters AS answer ON answer.id = r.letter_id
          WHERE r.target_id = letters.id
            AND answer.letter_date >= letters.letter_date
            AND answer.direction = CASE letters.direction
              WHEN 'incoming' THEN 'outgoing'
              WHEN 'outgoing' THEN 'incoming'
              ELSE 'internal' END
        ) THEN 'replied'
        WHEN letters.needs_reply = 1 THEN 'awaiting_reply'
        ELSE 'none' END`,
    })
    .where('id', 'in', [...ids])
    .execute();
}

/** The list filter, after validation; the text is already a search key. */
export interface LetterFilter {
  direction?: string | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  partnerId?: string | undefined;
  caseId?: string | undefined;
  relationshipId?: string | undefined;
  classification?: string | undefined;
  urgency?: string | undefined;
  state?: string | undefined;
  referredTo?: string | undefined;
  textKey?: string | undefined;
}

export interface LetterSort {
  by: LetterSortKey;
  direction: 'asc' | 'desc';
}

/**
 * How the page query reaches its rows. 'seek' (the default) goes through the filter's own
 * index; 'walk' reads the sort order's index and checks each filter on the row (the `+`
 * stops the planner from seeking), which stops after the page when the filter matches many
 * letters instead of fetching them all and sorting. A text is checked by looking each letter
 * up among the text's matches in the trigram index, all found and indexed before the walk
 * begins; 'walkKeys' walks the same way and tests the text on each letter's search key
 * (`instr`, which is what the index answers), for a text in so many letters that the page
 * is reached after a few hundred. All three answer exactly the same rows.
 */
export type LetterPlan = 'seek' | 'walk' | 'walkKeys';

/**
 * How a partner's letters under other filters are reached: from the partner's links
 * (letter_partners, the default) or from the other filters' own index (a date range, a
 * state), each letter's link probed by its primary key. The office's own city is linked to
 * nearly every letter: counting a year of its letters from its 80,000 links took 120 ms at
 * 1×, from the year's 8,000 letters 5 ms.
 */
export type PartnerDrive = 'links' | 'letters';

function filtered<O>(
  qb: SelectQueryBuilder<Database, 'letters', O>,
  f: LetterFilter,
  plan: LetterPlan = 'seek',
  bySubject = false,
  partnerDrive: PartnerDrive = 'links',
): SelectQueryBuilder<Database, 'letters', O> {
  let q = qb;
  const walking = plan !== 'seek';
  const col = (name: string) =>
    walking ? sql<string>`+letters.${sql.raw(name)}` : sql.ref(`letters.${name}`);
  if (f.direction !== undefined) q = q.where(col('direction'), '=', f.direction);
  if (f.state !== undefined) q = q.where(col('state'), '=', f.state);
  // Walking the subject order's index, a date range is checked on each row read, like the
  // equality filters (subjects do not follow dates). The number and the registration time do
  // follow the date, so their walks would read every later letter first: there the range
  // stays a range the planner may seek.
  const date = walking && bySubject ? sql<string>`+letters.letter_date` : sql.ref('letters.letter_date');
  if (f.dateFrom !== undefined) q = q.where(date, '>=', f.dateFrom);
  if (f.dateTo !== undefined) q = q.where(date, '<=', f.dateTo);
  if (f.classification !== undefined) q = q.where(col('classification'), '=', f.classification);
  if (f.urgency !== undefined) q = q.where(col('urgency'), '=', f.urgency);
  if (f.caseId !== undefined) q = q.where(col('case_id'), '=', f.caseId);
  if (f.relationshipId !== undefined) q = q.where(col('relationship_id'), '=', f.relationshipId);
  if (f.referredTo !== undefined) q = q.where(col('referred_to_user_id'), '=', f.referredTo);
  if (f.partnerId !== undefined) {
    const partnerId = f.partnerId;
    q =
      walking || partnerDrive === 'letters'
        ? // One primary-key probe per letter walked (until the page is full) or dated.
          q.where(({ exists, selectFrom }) =>
            exists(
              selectFrom('letter_partners')
                .select(sql.lit(1).as('one'))
                .whereRef('letter_partners.letter_id', '=', 'letters.id')
                .where('letter_partners.partner_id', '=', partnerId),
            ),
          )
        : q.where('letters.id', 'in', (eb) =>
            eb
              .selectFrom('letter_partners')
              .select('letter_partners.letter_id')
              .where('partner_id', '=', partnerId),
          );
  }
  if (f.textKey !== undefined && f.textKey !== '') {
    const grams = keyGramsPlan(f.textKey);
    if (plan === 'walkKeys') {
      q = q.where(sql<boolean>`instr(letters.search_key, ${f.textKey}) > 0`);
    } else if (grams.kind === 'scan') {
      // One or two characters, shorter than a trigram: every key is tested. 'walk' (a
      // character found in thousands of letters) tests the key of each letter it reads in
      // the sort order, until the page is full. 'seek' collects the few matches over the
      // partial search-key index (a fraction of the register's bytes; `<> ''` lets the
      // planner use it) and sorts them. Both sides are search keys (normalised, lower-case),
      // so a plain substring test does what LIKE would, several times faster.
      q =
        plan === 'walk'
          ? q.where(sql<boolean>`instr(letters.search_key, ${f.textKey}) > 0`)
          : q.where(sql<boolean>`+letters.rowid IN (
              SELECT k.rowid FROM letters AS k
              WHERE k.search_key <> '' AND instr(k.search_key, ${f.textKey}) > 0)`);
    } else {
      // The trigram index names the letters that contain the text. 'seek' fetches them by
      // rowid and sorts them (few matches); 'walk' reads the sort order's index and checks
      // membership (`+`), stopping after the page (a common word matching thousands).
      const rowids = letterRowidsContaining(grams, f.textKey);
      q = q.where(
        plan === 'walk'
          ? sql<boolean>`+letters.rowid IN (${rowids})`
          : sql<boolean>`letters.rowid IN (${rowids})`,
      );
    }
  }
  return q;
}

/** The page query of the register list, exported so tests can EXPLAIN exactly this query. */
export function letterPageQuery(
  db: Db,
  filter: LetterFilter,
  sort: LetterSort,
  limit: number,
  offset: number,
  plan: LetterPlan = 'seek',
) {
  const dir = sort.direction;
  let q = filtered(db.selectFrom('letters').selectAll('letters'), filter, plan, sort.by === 'subject');
  switch (sort.by) {
    case 'letterDate':
      q = q.orderBy('letters.letter_date', dir).orderBy('letters.id', dir);
      break;
    case 'registeredAt':
      q = q.orderBy('letters.registered_at', dir).orderBy('letters.id', dir);
      break;
    case 'number':
      q = q
        .orderBy('letters.jalali_year', dir)
        .orderBy('letters.seq', dir)
        .orderBy('letters.secretariat', dir);
      break;
    case 'subject':
      q = q.orderBy('letters.subject', dir).orderBy('letters.id', dir);
      break;
  }
  return q.limit(limit).offset(offset);
}

/** The filters given (set to a value), as [name, value] pairs. */
function given(filter: LetterFilter): [string, unknown][] {
  return Object.entries(filter).filter(([, v]) => v !== undefined);
}

/** The filters letter_counts answers a total for. */
const COUNTED = new Set(['direction', 'state', 'classification', 'urgency']);

/**
 * Whether a partner's letters under other filters are fewer from the other filters' side:
 * the partner's links are counted up to a cap; a date range's letters up to the links found
 * (each count stops at the smaller side), or a direction, state, classification or urgency
 * from the kept counts. Other filters (a case, a text) keep the links.
 */
export async function partnerDriveOf(db: Db, filter: LetterFilter): Promise<PartnerDrive> {
  if (filter.partnerId === undefined || partnerAndDatesOnly(filter)) return 'links';
  const rest = given({ ...filter, partnerId: undefined });
  const counted = rest.length > 0 && rest.every(([key]) => COUNTED.has(key));
  if (!hasDates(filter) && !counted) return 'links';
  const links = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM letter_partners WHERE partner_id = ${filter.partnerId} LIMIT ${PARTNER_LINKS_CAP}
    )`.execute(db);
  const linked = Number(links.rows[0]?.n ?? 0);
  let others: number;
  if (hasDates(filter)) {
    const range = filtered(db.selectFrom('letters').select(sql.lit(1).as('one')), {
      dateFrom: filter.dateFrom,
      dateTo: filter.dateTo,
    });
    const dated = await db
      .selectFrom(range.limit(linked).as('r'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    others = Number(dated.n);
  } else {
    const kept = await letterCountQuery(db, Object.fromEntries(rest)).executeTakeFirstOrThrow();
    others = Number(kept.n);
  }
  return others < linked ? 'letters' : 'links';
}

/** Links counted at most when choosing a partner's drive: beyond it the dates decide alone. */
const PARTNER_LINKS_CAP = 50_000;

/**
 * The count query of the register list: the same filter. `partnerDrive` (partnerDriveOf)
 * says from which side a partner's letters under a date range or a state are counted.
 */
export function letterCountQuery(db: Db, filter: LetterFilter, partnerDrive: PartnerDrive = 'links') {
  const only = given(filter);
  if (only.length === 1 && filter.partnerId !== undefined) {
    // A partner alone: the partner's kept count of links (each pair is unique and every
    // pair's letter exists: primary key and foreign key), one row however many letters.
    return db
      .selectFrom('letter_partner_counts')
      .where('letter_partner_counts.partner_id', '=', filter.partnerId)
      .select(sql<number>`coalesce(sum(letter_partner_counts.n), 0)`.as('n'));
  }
  if (partnerAndDatesOnly(filter)) {
    // A partner's letters in a date range: the partner's entries of the range in its
    // date-ordered links, without touching the letters.
    return datedPartnerLinks(db, filter).select((eb) => eb.fn.countAll<number>().as('n'));
  }
  const dated = datedTotal(db, filter);
  if (dated !== null) return dated;
  if (only.every(([key]) => COUNTED.has(key))) {
    // No filter, or direction, state, classification and urgency alone: the sum of the kept
    // counts (the letter_counts triggers), a few dozen rows whatever the size of the register.
    return keptCountRows(
      db.selectFrom('letter_counts').select(sql<number>`coalesce(sum(letter_counts.n), 0)`.as('n')),
      'letter_counts',
      filter,
    );
  }
  if (only.length === 1 && filter.textKey !== undefined && filter.textKey !== '') {
    // A text alone, answered exactly by the trigram index: counted there (every letter has
    // its row in the index, kept by triggers), without touching the letters. One or two
    // characters: counted over the partial search-key index in one pass.
    const textKey = filter.textKey;
    const grams = keyGramsPlan(textKey);
    if (grams.kind === 'exact') {
      return db.selectFrom(sql<{ n: number }>`(${countLettersContaining(grams)})`.as('c')).select('c.n');
    }
    if (grams.kind === 'scan') {
      return db
        .selectFrom('letters')
        .where(sql<boolean>`letters.search_key <> '' AND instr(letters.search_key, ${textKey}) > 0`)
        .select((eb) => eb.fn.countAll<number>().as('n'));
    }
  }
  return filtered(db.selectFrom('letters'), filter, 'seek', false, partnerDrive).select((eb) =>
    eb.fn.countAll<number>().as('n'),
  );
}

/**
 * A kept-counts table's rows of the filter's direction, state, classification and urgency
 * (letter_counts and letter_month_counts key their counts by all four).
 */
function keptCountRows<
  QB extends SelectQueryBuilder<Database, 'letter_counts' | 'letter_month_counts', object>,
>(q: QB, table: 'letter_counts' | 'letter_month_counts', filter: LetterFilter): QB {
  for (const key of ['direction', 'state', 'classification', 'urgency'] as const) {
    const value = filter[key];
    if (value !== undefined) q = q.where(sql.ref(`${table}.${key}`), '=', value) as QB;
  }
  return q;
}

/** A day as the list's filter takes it (YYYY-MM-DD). */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day's month key (as letter_month_counts keys it), the next month's key, its day and its month's length. */
interface DayInMonth {
  month: string;
  next: string;
  day: number;
  days: number;
}

function dayInMonth(iso: string): DayInMonth | null {
  const m = ISO_DAY.exec(iso);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // The month after 9999-12 has no four-digit key that sorts after it.
  if (month < 1 || month > 12 || (year === 9999 && month === 12)) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return null;
  const [ny, nm] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return {
    month: iso.slice(0, 7),
    next: `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}`,
    day,
    days,
  };
}

/** Letters whose date is within `lower` and `upper` (each bound a comparison and a value), added or taken away. */
interface DateEdge {
  sign: 1 | -1;
  lower: ['>=' | '>', string];
  upper: ['<' | '<=', string];
  /** About how many days of letters the edge reads. */
  days: number;
}

/**
 * How the total of a date range (with direction, state, classification or urgency, or none)
 * is put together from the kept month counts: the months whose keys are within [from, to)
 * (either bound may be open) are summed, and each edge month's letters are read from the
 * date indexes, whichever side of the bound is shorter: the letters from the bound to the
 * month's end are added, or the month is summed whole and the letters before the bound taken
 * away. Keys and bounds are compared as strings, as the indexes compare dates: a letter whose
 * date is in [YYYY-MM, next month's YYYY-MM) has that month's key, so the total is exact
 * whatever a stored date holds. Null when counting the range's letters directly reads fewer
 * days than the edges (a few days) or the bounds are not days.
 */
export function monthCountPlan(
  dateFrom: string | undefined,
  dateTo: string | undefined,
): { from?: string; to?: string; edges: DateEdge[] } | null {
  const start = dateFrom === undefined ? undefined : dayInMonth(dateFrom);
  const end = dateTo === undefined ? undefined : dayInMonth(dateTo);
  if (start === null || end === null || (start === undefined && end === undefined)) return null;
  if (dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo) return null;
  const edges: DateEdge[] = [];
  let from: string | undefined;
  let to: string | undefined;
  if (start !== undefined) {
    const after = start.days - start.day + 1;
    const before = start.day - 1;
    if (after < before) {
      from = start.next;
      edges.push({ sign: 1, lower: ['>=', dateFrom!], upper: ['<', start.next], days: after });
    } else {
      from = start.month;
      edges.push({ sign: -1, lower: ['>=', start.month], upper: ['<', dateFrom!], days: before });
    }
  }
  if (end !== undefined) {
    const upTo = end.day;
    const beyond = end.days - end.day;
    if (upTo < beyond) {
      to = end.month;
      edges.push({ sign: 1, lower: ['>=', end.month], upper: ['<=', dateTo!], days: upTo });
    } else {
      to = end.next;
      edges.push({ sign: -1, lower: ['>', dateTo!], upper: ['<', end.next], days: beyond });
    }
  }
  // Both edges added within one month would count its letters twice; counting the range
  // directly reads fewer days then anyway.
  if (from !== undefined && to !== undefined && from > to) return null;
  if (start !== undefined && end !== undefined) {
    const span = (Date.parse(dateTo!) - Date.parse(dateFrom!)) / 86_400_000 + 1;
    const months = (Date.parse(`${to}-01`) - Date.parse(`${from}-01`)) / (30.4 * 86_400_000);
    // A month of kept counts is a few dozen rows, about a day of letters at office scale.
    if (span <= edges.reduce((sum, e) => sum + e.days, 0) + Math.max(0, months)) return null;
  }
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }), edges };
}

/**
 * The total of a date range alone or with direction, state, classification and urgency, from
 * the kept month counts and the edge months' index entries (monthCountPlan); null for any
 * other filter, or when the plan counts the range directly.
 */
function datedTotal(db: Db, filter: LetterFilter) {
  if (!hasDates(filter)) return null;
  const rest = given({ ...filter, dateFrom: undefined, dateTo: undefined });
  if (!rest.every(([key]) => COUNTED.has(key))) return null;
  const plan = monthCountPlan(filter.dateFrom, filter.dateTo);
  if (plan === null) return null;
  const others: LetterFilter = {
    direction: filter.direction,
    state: filter.state,
    classification: filter.classification,
    urgency: filter.urgency,
  };
  let months = keptCountRows(
    db.selectFrom('letter_month_counts').select(sql<number>`coalesce(sum(letter_month_counts.n), 0)`.as('n')),
    'letter_month_counts',
    filter,
  );
  if (plan.from !== undefined) months = months.where('letter_month_counts.month', '>=', plan.from);
  if (plan.to !== undefined) months = months.where('letter_month_counts.month', '<', plan.to);
  const parts = plan.edges.map((edge) => {
    const count = filtered(db.selectFrom('letters'), others)
      .where('letters.letter_date', edge.lower[0], edge.lower[1])
      .where('letters.letter_date', edge.upper[0], edge.upper[1])
      .select((eb) => eb.fn.countAll<number>().as('n'));
    return edge.sign === 1 ? sql`+ (${count})` : sql`- (${count})`;
  });
  return db.selectNoFrom(sql<number>`(${months}) ${sql.join(parts, sql` `)}`.as('n'));
}

/** A partner, alone or with a date range, and nothing else. */
function partnerAndDatesOnly(filter: LetterFilter): boolean {
  return (
    filter.partnerId !== undefined &&
    given(filter).every(([key]) => key === 'partnerId' || key === 'dateFrom' || key === 'dateTo')
  );
}

/** The partner's entries in letter_partner_dates within the filter's date range. */
function datedPartnerLinks(db: Db, filter: LetterFilter) {
  let q = db
    .selectFrom('letter_partner_dates')
    .where('letter_partner_dates.partner_id', '=', filter.partnerId!);
  if (filter.dateFrom !== undefined) q = q.where('letter_partner_dates.letter_date', '>=', filter.dateFrom);
  if (filter.dateTo !== undefined) q = q.where('letter_partner_dates.letter_date', '<=', filter.dateTo);
  return q;
}

/**
 * The page of a partner's letters (alone or in a date range) in date order, exported so tests
 * can EXPLAIN it: the page's entries are read in the partner's date-ordered links (the same
 * date and id the register sorts by, kept in step by triggers), then only their letters are
 * fetched, instead of every letter of the partner fetched and sorted.
 */
export function partnerPageQuery(
  db: Db,
  filter: LetterFilter,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const page = datedPartnerLinks(db, filter)
    .select(['letter_partner_dates.letter_id', 'letter_partner_dates.letter_date'])
    .orderBy('letter_partner_dates.letter_date', direction)
    .orderBy('letter_partner_dates.letter_id', direction)
    .limit(limit)
    .offset(offset);
  return db
    .selectFrom(page.as('p'))
    .crossJoin('letters')
    .whereRef('letters.id', '=', 'p.letter_id')
    .selectAll('letters')
    .orderBy('p.letter_date', direction)
    .orderBy('p.letter_id', direction);
}

/** Above this many matches, walking the sort order's index finds a page sooner than seeking. */
const WALK_ABOVE = 1000;

/**
 * Whether the filter's own index may come back in another order than the sort, so that the
 * seek has to fetch and sort every match: a partner (through letter_partners), or an equality
 * filter with a sort other than the letter date (the filter indexes end in the date), or a
 * date range sorted by subject (a year of letters is thousands of rows to sort).
 */
function seekMaySort(filter: LetterFilter, sort: LetterSort): boolean {
  if (filter.partnerId !== undefined) return true;
  if (hasDates(filter) && sort.by === 'subject') return true;
  const equality = [
    filter.direction,
    filter.state,
    filter.classification,
    filter.urgency,
    filter.caseId,
    filter.relationshipId,
    filter.referredTo,
  ].some((v) => v !== undefined);
  return equality && sort.by !== 'letterDate';
}

function hasDates(filter: LetterFilter): boolean {
  return filter.dateFrom !== undefined || filter.dateTo !== undefined;
}

/**
 * A walk tests the text on each letter's key while it expects to read fewer letters than this
 * share of the text's matches: a key test reads the letter's row, where the other walk first
 * finds and indexes every match. An estimate, checked at 1× on texts from 3,352 to 71,193
 * matches (see listLetterRows), not a measured ratio of the two costs.
 */
const KEYS_TESTED_SHARE = 0.4;

/** How much further than an even spread of the text's letters needs the key-tested walk reads. */
const KEYS_TESTED_REACH = 2;

/**
 * The page of a text alone in date order, from the letters up to `reach` in that order, each
 * key tested (`instr`, what the trigram index answers): the walk is bounded by the date of the
 * letter at `reach`, and all the letters of that date are within it, so the letters it reads
 * are a beginning of the date order. Null when the page is not complete there (the text's
 * letters are further down: ۱۴۰۲, the number of a year, is in none of the newest letters).
 * The statement that finds the bound also asks the date blocks whether any of the text's
 * letters can be of its date or beyond (textMayReach); when none can, the walk is not made.
 */
async function keyTestedPage(
  db: Db,
  filter: LetterFilter,
  sort: LetterSort,
  limit: number,
  offset: number,
  total: number,
  reach: number,
): Promise<LetterRow[] | null> {
  const found = await keyTestedBoundQuery(filter.textKey ?? '', sort.direction, reach).execute(db);
  const edge = found.rows[0]?.edge ?? null;
  if (edge === null) return pageRows(letterPageQuery(db, filter, sort, limit, offset, 'walkKeys'));
  if (!found.rows[0]!.reaches) return null;
  const within: LetterFilter =
    sort.direction === 'desc' ? { ...filter, dateFrom: edge } : { ...filter, dateTo: edge };
  const rows = await pageRows(letterPageQuery(db, within, sort, limit, offset, 'walkKeys'));
  return rows.length === limit || offset + rows.length === total ? rows : null;
}

/**
 * keyTestedPage's first statement: the date of the letter at `reach` in date order (null past
 * the end) and whether the text's letters may reach it (textMayReach). Exported so tests can
 * EXPLAIN exactly this query.
 */
export function keyTestedBoundQuery(textKey: string, direction: 'asc' | 'desc', reach: number) {
  const dir = sql.raw(direction);
  // The bound's date, read once (MATERIALIZED) however many times the statement uses it.
  const bound = sql<string>`(SELECT date FROM bound)`;
  const grams = keyGramsPlan(textKey);
  const reaches = grams.kind === 'scan' ? sql<number>`1` : textMayReach(grams, textKey, direction, bound);
  return sql<{ edge: string | null; reaches: number }>`WITH bound AS MATERIALIZED (
      SELECT letter_date AS date FROM letters ORDER BY letter_date ${dir}, id ${dir} LIMIT 1 OFFSET ${reach})
    SELECT ${bound} AS edge, ${reaches} AS reaches`;
}

/**
 * The page of a text alone in date order, fetched and sorted from the text's letters in the
 * rowid range that holds its first `offset + limit` letters in that order (textDateRange):
 * for a text whose letters are not among the newest (۱۴۰۲, the number of a year), the walk
 * would read every newer letter first. Null when the range holds more than `most` of the
 * text's letters (older letters registered late) or the blocks cannot tell.
 */
async function dateRangedTextPage(
  db: Db,
  textKey: string,
  sort: LetterSort,
  limit: number,
  offset: number,
  total: number,
  most: number,
): Promise<LetterRow[] | null> {
  const grams = keyGramsPlan(textKey);
  if (grams.kind === 'scan') return null;
  const range = await textDateRange(db, grams, textKey, sort.direction, offset + limit, total);
  if (!range) return null;
  // Counted only as far as one past `most`: after an import of past years the range can hold
  // most of the text's letters, and counting them all would cost what the total did.
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (${letterRowidsContaining(
    grams,
    textKey,
    range,
  )} LIMIT ${most + 1})`.execute(db);
  if (Number(counted.rows[0]?.n ?? 0) > most) return null;
  return pageRows(textRangePageQuery(db, grams, textKey, range, sort, limit, offset));
}

/**
 * The page query of dateRangedTextPage: the text's letters in the rowid range, fetched by
 * rowid and sorted. Exported so tests can EXPLAIN exactly this query.
 */
export function textRangePageQuery(
  db: Db,
  grams: Exclude<KeyGramsPlan, { kind: 'scan' }>,
  textKey: string,
  range: RowidRange,
  sort: LetterSort,
  limit: number,
  offset: number,
) {
  return letterPageQuery(db, {}, sort, limit, offset).where(
    sql<boolean>`letters.rowid IN (${letterRowidsContaining(grams, textKey, range)})`,
  );
}

/** How a list chooses between fetching its matches and walking the sort order; for tests. */
export interface ListPlanOptions {
  /** Above this many matches the sort order's index is walked (WALK_ABOVE). */
  walkAbove?: number;
  /** A text's keys are tested below this share (KEYS_TESTED_SHARE); Infinity always tries. */
  keysTestedShare?: number;
  /**
   * A text's page is fetched from the rowid range of its dates when the range holds at most
   * this many of its letters (WALK_ABOVE, what a seek fetches and sorts); 0 never.
   */
  dateRangeMost?: number;
}

/** One page of the register and the total of its filter. */
export async function listLetterRows(
  db: Db,
  filter: LetterFilter,
  sort: LetterSort,
  limit: number,
  offset: number,
  {
    walkAbove = WALK_ABOVE,
    keysTestedShare = KEYS_TESTED_SHARE,
    dateRangeMost = WALK_ABOVE,
  }: ListPlanOptions = {},
): Promise<{ rows: LetterRow[]; total: number }> {
  const countQuery = async () => letterCountQuery(db, filter, await partnerDriveOf(db, filter));
  const count = async () => Number((await (await countQuery()).executeTakeFirstOrThrow()).n);
  if (partnerAndDatesOnly(filter) && sort.by === 'letterDate') {
    const rows = await pageRows(partnerPageQuery(db, filter, sort.direction, limit, offset));
    // A page shorter than the limit already tells the total.
    const total = rows.length > 0 && rows.length < limit ? offset + rows.length : await count();
    return { rows, total };
  }
  const text = filter.textKey !== undefined && filter.textKey !== '';
  if (seekMaySort(filter, sort) || text) {
    // The total decides the plan: a partner with thousands of letters (the office's own city)
    // or a common word is read in the sort order until the page is full, not fetched whole
    // and sorted; a rare word's few letters are fetched and sorted. The statement also answers
    // about how many letters the register holds (letters are never removed: the largest rowid,
    // one index seek), which the two rules below weigh the total against.
    const counted = await countQuery();
    const found = await db
      .selectNoFrom([counted.as('n'), sql<number | null>`(SELECT max(rowid) FROM letters)`.as('size')])
      .executeTakeFirstOrThrow();
    const total = Number(found.n);
    const size = Number(found.size ?? 0);
    let plan: LetterPlan = total > walkAbove ? 'walk' : 'seek';
    if (plan === 'walk' && sort.by === 'subject' && hasDates(filter)) {
      // Subjects do not follow dates, so a walk reads about (offset + limit) × letters ÷ total
      // entries of the subject index for the page, checking each one's date on the entry (the
      // index carries it), where the seek fetches the total's letters and sorts them, about
      // four times the work per letter (at 3×, a month's 3,322 letters: walked 0.5–0.8 ms,
      // fetched and sorted 2.3 ms): a week's letters are fetched and sorted, a month's walked.
      if ((offset + limit) * size > 4 * total * total) plan = 'seek';
    }
    const textAlone = plan === 'walk' && sort.by === 'letterDate' && text && given(filter).length === 1;
    if (textAlone && (offset + limit) * size <= keysTestedShare * total * total) {
      // Spread evenly, the text's letters fill the page after about (offset + limit) ×
      // letters ÷ total letters of the date order: for خواهرخواندگی at 1× (6,735 letters of
      // 100,000), about 740. Testing their keys reads those letters only, where looking each
      // up among the matches first finds and indexes every match.
      const reach = Math.ceil((KEYS_TESTED_REACH * (offset + limit) * size) / total);
      const rows = await keyTestedPage(db, filter, sort, limit, offset, total, reach);
      if (rows) return { rows, total };
    }
    if (textAlone && offset + limit <= dateRangeMost) {
      // The text's letters are not spread through the newest (۱۴۰۲, a year's number, is in
      // none of them). Letters are registered about in date order, so the page is fetched
      // from the rowids where its dates lie, unless that holds more of the text's letters than
      // a seek fetches and sorts.
      const rows = await dateRangedTextPage(db, filter.textKey!, sort, limit, offset, total, dateRangeMost);
      if (rows) return { rows, total };
    }
    return { rows: await pageRows(letterPageQuery(db, filter, sort, limit, offset, plan)), total };
  }
  const rows = await pageRows(letterPageQuery(db, filter, sort, limit, offset));
  // A page shorter than the limit already tells the total, so the count is not run again.
  const total = rows.length > 0 && rows.length < limit ? offset + rows.length : await count();
  return { rows, total };
}

/**
 * Every letter connected to `id` through references, both ways (a letter, what it follows
 * or refers to, what follows or refers to it, and so on), at most `limit` of them.
 */
export async function threadLetterIds(db: Db, id: string, limit: number): Promise<string[]> {
  const result = await threadQuery(id, limit).execute(db);
  return result.rows.map((r) => r.id);
}

/** The query of threadLetterIds, exported so tests can EXPLAIN it. */
export function threadQuery(id: string, limit: number) {
  return sql<{ id: string }>`
    WITH RECURSIVE thread(id) AS (
      SELECT ${id}
      UNION
      SELECT r.target_id FROM letter_references AS r JOIN thread AS t ON r.letter_id = t.id
      UNION
      SELECT r.letter_id FROM letter_references AS r JOIN thread AS t ON r.target_id = t.id
    )
    SELECT id FROM thread LIMIT ${limit}`;
}

/**
 * Whether `letterId` is among these letters or the letters they reference, followed
 * back through every earlier reference: linking them from `letterId` would make a cycle.
 */
export async function lettersReachableFrom(
  db: Db,
  fromIds: readonly string[],
  letterId: string,
): Promise<boolean> {
  if (fromIds.length === 0) return false;
  const result = await sql<{ found: number }>`
    WITH RECURSIVE earlier(id) AS (
      SELECT value FROM json_each(${JSON.stringify(fromIds)})
      UNION
      SELECT r.target_id FROM letter_references AS r JOIN earlier AS e ON r.letter_id = e.id
    )
    SELECT 1 AS found FROM earlier WHERE id = ${letterId} LIMIT 1`.execute(db);
  return result.rows.length > 0;
}

/**
 * For the Desk: letters still awaiting a reply whose follow-up date is before `todayIso`,
 * the longest overdue first.
 */
export async function overdueAwaitingReply(db: Db, todayIso: string, limit: number): Promise<LetterRow[]> {
  return overdueAwaitingReplyQuery(db, todayIso, limit).execute();
}

/** The query of overdueAwaitingReply, exported so tests can EXPLAIN it. */
export function overdueAwaitingReplyQuery(db: Db, todayIso: string, limit: number) {
  return db
    .selectFrom('letters')
    .selectAll('letters')
    .where('state', '=', 'awaiting_reply')
    .where('follow_up_date', '<', todayIso)
    .orderBy('follow_up_date', 'asc')
    .orderBy('id', 'asc')
    .limit(limit);
}

/** How many letters `overdueAwaitingReply` would answer without a limit. */
export async function countOverdueAwaitingReply(db: Db, todayIso: string): Promise<number> {
  const row = await db
    .selectFrom('letters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'awaiting_reply')
    .where('follow_up_date', '<', todayIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For the Desk: open letters currently referred to this user, the newest letters first. */
export async function referredTo(db: Db, userId: string, limit: number): Promise<LetterRow[]> {
  return referredToQuery(db, userId, limit).execute();
}

/** The query of referredTo, exported so tests can EXPLAIN it. */
export function referredToQuery(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('letters')
    .selectAll('letters')
    .where('referred_to_user_id', '=', userId)
    .where('state', '<>', 'closed')
    .orderBy('letter_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

/** How many open letters are currently referred to this user. */
export async function countReferredTo(db: Db, userId: string): Promise<number> {
  const row = await countReferredToQuery(db, userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The query of countReferredTo, exported so tests can EXPLAIN it: the user's entries in
 * `letters_referred_to` hold each letter's state, so no letter is read.
 */
export function countReferredToQuery(db: Db, userId: string) {
  return db
    .selectFrom('letters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('referred_to_user_id', '=', userId)
    .where('state', '<>', 'closed');
}

/**
 * For timelines and briefings: the letters linked to a partner (as sender, addressee or
 * linked partner), the newest first; `before` (a date) pages back through older ones.
 */
export async function lettersOfPartner(
  db: Db,
  partnerId: string,
  limit: number,
  before?: string,
): Promise<LetterRow[]> {
  let q = db
    .selectFrom('letters')
    .selectAll('letters')
    .where('letters.id', 'in', (eb) =>
      eb
        .selectFrom('letter_partners')
        .select('letter_partners.letter_id')
        .where('partner_id', '=', partnerId),
    );
  if (before !== undefined) q = q.where('letters.letter_date', '<', before);
  return q.orderBy('letters.letter_date', 'desc').orderBy('letters.id', 'desc').limit(limit).execute();
}

/** For a relationship's timeline: its letters, the newest first. */
export async function lettersOfRelationship(
  db: Db,
  relationshipId: string,
  limit: number,
  before?: string,
): Promise<LetterRow[]> {
  let q = db.selectFrom('letters').selectAll('letters').where('relationship_id', '=', relationshipId);
  if (before !== undefined) q = q.where('letters.letter_date', '<', before);
  return q.orderBy('letter_date', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** For a case: its letters, the newest first. */
export async function lettersOfCase(db: Db, caseId: string, limit: number): Promise<LetterRow[]> {
  return db
    .selectFrom('letters')
    .selectAll('letters')
    .where('case_id', '=', caseId)
    .orderBy('letter_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Letter ids in id order after `afterId`, for a full search reindex. */
export async function letterIdsAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('letters').select('id');
  if (afterId !== null) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
