/**
 * The Desk's charts, counted where the lists count: each number is the total the letter or
 * relationship list answers for the same filter (its own count query), so a bar and the list
 * it opens agree. The counts of a chart are asked in one statement, each count a subquery:
 * one round trip to the connection instead of one per bar.
 */
import {
  COOPERATION_AREAS,
  RELATIONSHIP_STATUSES,
  relationshipListInput,
  type CooperationArea,
  type RelationshipStatus,
} from '../../../../shared/api/relationships.contract';
import type { LettersInMonth } from '../../../../shared/api/overview.contract';
import { addDays, addMonths, fromJalali, toJalali, type Calendar } from '../../../../shared/dates/jalali';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { letterCountQuery } from '../letters/letters.repository';
import { relationshipCountQuery } from '../relationships/relationships.repository';

type Db = Kysely<Database> | Transaction<Database>;

/** The twelve months of `calendar` ending with the one holding `today`, the oldest first. */
export function lastTwelveMonths(today: string, calendar: Calendar): { from: string; to: string }[] {
  const first =
    calendar === 'jalali'
      ? fromJalali(toJalali(today).year, toJalali(today).month, 1)
      : `${today.slice(0, 8)}01`;
  return Array.from({ length: 12 }, (_, i) => {
    const from = addMonths(first, i - 11, calendar);
    return { from, to: addDays(addMonths(from, 1, calendar), -1) };
  });
}

/** Letters in and out per month: the register's count for a direction and a date range. */
export async function lettersByMonth(db: Db, today: string, calendar: Calendar): Promise<LettersInMonth[]> {
  const months = lastTwelveMonths(today, calendar);
  const counts = months.flatMap(({ from, to }, i) => [
    letterCountQuery(db, { direction: 'incoming', dateFrom: from, dateTo: to }).as(`in${i}`),
    letterCountQuery(db, { direction: 'outgoing', dateFrom: from, dateTo: to }).as(`out${i}`),
  ]);
  const row = (await db.selectNoFrom(counts).executeTakeFirstOrThrow()) as Record<string, unknown>;
  return months.map(({ from, to }, i) => ({
    from,
    to,
    incoming: Number(row[`in${i}`]),
    outgoing: Number(row[`out${i}`]),
  }));
}

/** Relationships per status and per area: the relationship list's total for each filter. */
export async function relationshipCounts(
  db: Db,
  cutoff: string,
): Promise<{ byStatus: Record<RelationshipStatus, number>; byArea: Record<CooperationArea, number> }> {
  // The totals alone: a count needs no relationship's last activity (a union over every
  // letter, case, agreement and event of the relationship).
  const total = (filter: { status: RelationshipStatus } | { area: CooperationArea }) =>
    relationshipCountQuery(db, relationshipListInput.parse(filter), cutoff);
  const row = (await db
    .selectNoFrom([
      ...RELATIONSHIP_STATUSES.map((status) => total({ status }).as(`status_${status}`)),
      ...COOPERATION_AREAS.map((area) => total({ area }).as(`area_${area}`)),
    ])
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  const byStatus = {} as Record<RelationshipStatus, number>;
  for (const status of RELATIONSHIP_STATUSES) byStatus[status] = Number(row[`status_${status}`]);
  const byArea = {} as Record<CooperationArea, number>;
  for (const area of COOPERATION_AREAS) byArea[area] = Number(row[`area_${area}`]);
  return { byStatus, byArea };
}
