/**
 * The counts an activity report needs that no domain query answers: how many records of
 * each kind fall in a period, per day and per partner, and which agreements were signed or
 * expire in it. Read-only, over the reader's transaction; every date filter is on an
 * indexed or small column and bounded by the period.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { AgreementRow } from '../agreements/agreements.table';

type Tx = Transaction<Database>;

export interface Period {
  from: string;
  to: string;
}

/** Letters per day and direction in the period. */
export async function lettersPerDay(
  tx: Tx,
  p: Period,
): Promise<{ day: string; direction: string; n: number }[]> {
  const rows = await tx
    .selectFrom('letters')
    .select(['letter_date as day', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('letter_date', '>=', p.from)
    .where('letter_date', '<=', p.to)
    .groupBy(['letter_date', 'direction'])
    .execute();
  return rows.map((r) => ({ day: r.day, direction: r.direction, n: Number(r.n) }));
}

/** Cases opened in the period, and cases done or cancelled in it. */
export async function caseCounts(
  tx: Tx,
  p: Period,
): Promise<{ opened: number; done: number; cancelled: number }> {
  const opened = await tx
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('opened_on', '>=', p.from)
    .where('opened_on', '<=', p.to)
    .executeTakeFirstOrThrow();
  const closed = await tx
    .selectFrom('cases')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('closed_on', '>=', p.from)
    .where('closed_on', '<=', p.to)
    .groupBy('status')
    .execute();
  const closedAs = (status: string) => Number(closed.find((r) => r.status === status)?.n ?? 0);
  return { opened: Number(opened.n), done: closedAs('done'), cancelled: closedAs('cancelled') };
}

export interface PartnerActivityRow {
  partnerId: string;
  nameFa: string;
  nameEn: string | null;
  letters: number;
  cases: number;
  events: number;
}

/**
 * Per partner (not the office's own units): letters dated, cases opened and events begun
 * in the period, the busiest first.
 */
export async function activityPerPartner(tx: Tx, p: Period, limit: number): Promise<PartnerActivityRow[]> {
  const result = await sql<{
    partner_id: string;
    name_fa: string;
    name_en: string | null;
    letters: number;
    cases: number;
    events: number;
  }>`
    WITH activity(partner_id, letters, cases, events) AS (
      SELECT lp.partner_id, 1, 0, 0 FROM letter_partners AS lp
        JOIN letters AS l ON l.id = lp.letter_id
        WHERE l.letter_date BETWEEN ${p.from} AND ${p.to}
      UNION ALL
      SELECT cp.partner_id, 0, 1, 0 FROM case_partners AS cp
        JOIN cases AS c ON c.id = cp.case_id
        WHERE c.opened_on BETWEEN ${p.from} AND ${p.to}
      UNION ALL
      SELECT ep.partner_id, 0, 0, 1 FROM (
        SELECT event_id, partner_id FROM event_partners
        UNION SELECT id, host_partner_id FROM events WHERE host_partner_id IS NOT NULL
        UNION SELECT id, organiser_partner_id FROM events WHERE organiser_partner_id IS NOT NULL
      ) AS ep
        JOIN events AS e ON e.id = ep.event_id
        WHERE e.start_date BETWEEN ${p.from} AND ${p.to}
    )
    SELECT a.partner_id, pt.name_fa, pt.name_en,
           SUM(a.letters) AS letters, SUM(a.cases) AS cases, SUM(a.events) AS events
    FROM activity AS a JOIN partners AS pt ON pt.id = a.partner_id
    WHERE pt.own = 0
    GROUP BY a.partner_id
    ORDER BY SUM(a.letters) + SUM(a.cases) + SUM(a.events) DESC, pt.sort_key ASC
    LIMIT ${limit}`.execute(tx);
  return result.rows.map((r) => ({
    partnerId: r.partner_id,
    nameFa: r.name_fa,
    nameEn: r.name_en,
    letters: Number(r.letters),
    cases: Number(r.cases),
    events: Number(r.events),
  }));
}

/** Agreements signed in the period, oldest first. */
export async function agreementsSignedIn(tx: Tx, p: Period): Promise<AgreementRow[]> {
  return tx
    .selectFrom('agreements')
    .selectAll()
    .where('signed_date', '>=', p.from)
    .where('signed_date', '<=', p.to)
    .orderBy('signed_date')
    .orderBy('id')
    .execute();
}

/** Agreements whose expiry falls between the two days, soonest first. */
export async function agreementsExpiringIn(tx: Tx, p: Period): Promise<AgreementRow[]> {
  return tx
    .selectFrom('agreements')
    .selectAll()
    .where('expiry_date', '>=', p.from)
    .where('expiry_date', '<=', p.to)
    .where('status', 'not in', ['terminated'])
    .orderBy('expiry_date')
    .orderBy('id')
    .execute();
}

/**
 * Which of these agreements renew an earlier one: an agreement of the same kind, signed
 * before it, with one of the same partners (a renewal is recorded as a new agreement).
 */
export async function renewals(tx: Tx, agreements: readonly AgreementRow[]): Promise<Set<string>> {
  const renewed = new Set<string>();
  for (const a of agreements) {
    if (!a.signed_date) continue;
    const earlier = await tx
      .selectFrom('agreements as earlier')
      .innerJoin('agreement_parties as ep', 'ep.agreement_id', 'earlier.id')
      .select('earlier.id')
      .where('earlier.id', '<>', a.id)
      .where('earlier.kind', '=', a.kind)
      .where('earlier.signed_date', '<', a.signed_date)
      .where('ep.is_own', '=', 0)
      .where('ep.partner_id', 'in', (eb) =>
        eb
          .selectFrom('agreement_parties')
          .select('partner_id')
          .where('agreement_id', '=', a.id)
          .where('is_own', '=', 0),
      )
      .limit(1)
      .executeTakeFirst();
    if (earlier) renewed.add(a.id);
  }
  return renewed;
}
