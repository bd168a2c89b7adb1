/**
 * The Desk's charts, counted where the lists count: each number is the total the letter or
 * relationship list answers for the same filter, so a bar and the list it opens agree.
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
import { listRelationships } from '../relationships/relationships.repository';

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
  const count = async (direction: 'incoming' | 'outgoing', from: string, to: string) =>
    Number(
      (await letterCountQuery(db, { direction, dateFrom: from, dateTo: to }).executeTakeFirstOrThrow()).n,
    );
  const months: LettersInMonth[] = [];
  for (const { from, to } of lastTwelveMonths(today, calendar)) {
    months.push({
      from,
      to,
      incoming: await count('incoming', from, to),
      outgoing: await count('outgoing', from, to),
    });
  }
  return months;
}

/** Relationships per status and per area: the relationship list's total for each filter. */
export async function relationshipCounts(
  db: Db,
  cutoff: string,
): Promise<{ byStatus: Record<RelationshipStatus, number>; byArea: Record<CooperationArea, number> }> {
  // The total alone: a page of no rows, so not even one row's last activity is computed
  // (a union over every letter, case, agreement and event of the relationship).
  const total = async (filter: { status: RelationshipStatus } | { area: CooperationArea }) =>
    (await listRelationships(db, { ...relationshipListInput.parse(filter), limit: 0 }, cutoff)).total;
  const byStatus = {} as Record<RelationshipStatus, number>;
  for (const status of RELATIONSHIP_STATUSES) byStatus[status] = await total({ status });
  const byArea = {} as Record<CooperationArea, number>;
  for (const area of COOPERATION_AREAS) byArea[area] = await total({ area });
  return { byStatus, byArea };
}
