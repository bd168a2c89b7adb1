/**
 * What the activity report of a Jalali quarter or year counts: letters by direction and by
 * month, cases opened and closed, events, activity per partner, how long each approving
 * authority took, and the agreements signed (new or renewing an earlier one) and expiring.
 */
import type { AgreementSummary } from '../../../../shared/api/agreements.contract';
import type { TurnaroundRow } from '../../../../shared/api/approvals.contract';
import type { DocumentPeriod } from '../../../../shared/api/documents.contract';
import {
  addMonths,
  fromJalali,
  jalaliQuarterRange,
  jalaliYearRange,
  toJalali,
} from '../../../../shared/dates/jalali';
import { summariesOf } from '../agreements/agreements.service';
import type { Reader } from './reader';
import {
  activityPerPartner,
  agreementsExpiringIn,
  agreementsSignedIn,
  caseCounts,
  lettersPerDay,
  renewals,
  type PartnerActivityRow,
  type Period,
} from './report.repository';

/** How many partners the report lists. */
export const PARTNER_LIMIT = 15;
/** Agreements expiring this many months after the period are listed with those expiring in it. */
export const EXPIRY_LOOKAHEAD_MONTHS = 6;

export interface MonthCount {
  /** Jalali year and month. */
  year: number;
  month: number;
  incoming: number;
  outgoing: number;
  internal: number;
}

export interface ReportData {
  period: Period;
  year: number;
  quarter: number | null;
  letters: { incoming: number; outgoing: number; internal: number };
  months: MonthCount[];
  cases: { opened: number; done: number; cancelled: number };
  events: { all: number; held: number; cancelled: number };
  partners: PartnerActivityRow[];
  turnaround: TurnaroundRow[];
  newAgreements: AgreementSummary[];
  renewedAgreements: AgreementSummary[];
  expiringAgreements: AgreementSummary[];
}

export function periodOf(p: DocumentPeriod): Period {
  return p.quarter ? jalaliQuarterRange(p.year, p.quarter as 1 | 2 | 3 | 4) : jalaliYearRange(p.year);
}

function monthsOf(p: DocumentPeriod): { year: number; month: number; from: string }[] {
  const first = p.quarter ? (p.quarter - 1) * 3 + 1 : 1;
  const count = p.quarter ? 3 : 12;
  return Array.from({ length: count }, (_, i) => ({
    year: p.year,
    month: first + i,
    from: fromJalali(p.year, first + i, 1),
  }));
}

async function eventCount(
  reader: Reader,
  period: Period,
  statuses?: ('held' | 'cancelled')[],
): Promise<number> {
  const page = await reader.query('events.list', { from: period.from, to: period.to, statuses, limit: 1 });
  return page.total;
}

export async function reportData(reader: Reader, p: DocumentPeriod, today: string): Promise<ReportData> {
  const period = periodOf(p);
  const { tx } = reader;
  const months: MonthCount[] = monthsOf(p).map((m) => ({
    year: m.year,
    month: m.month,
    incoming: 0,
    outgoing: 0,
    internal: 0,
  }));
  const letters = { incoming: 0, outgoing: 0, internal: 0 };
  for (const row of await lettersPerDay(tx, period)) {
    const direction = row.direction as keyof typeof letters;
    if (!(direction in letters)) continue;
    letters[direction] += row.n;
    const j = toJalali(row.day);
    const month = months.find((m) => m.year === j.year && m.month === j.month);
    if (month) month[direction] += row.n;
  }
  const signed = await agreementsSignedIn(tx, period);
  const renewing = await renewals(tx, signed);
  const expiring = await agreementsExpiringIn(tx, {
    from: period.from,
    to: addMonths(period.to, EXPIRY_LOOKAHEAD_MONTHS, 'jalali'),
  });
  const [signedSummaries, expiringSummaries] = [
    await summariesOf(tx, signed, today),
    await summariesOf(tx, expiring, today),
  ];
  return {
    period,
    year: p.year,
    quarter: p.quarter ?? null,
    letters,
    months,
    cases: await caseCounts(tx, period),
    events: {
      all: await eventCount(reader, period),
      held: await eventCount(reader, period, ['held']),
      cancelled: await eventCount(reader, period, ['cancelled']),
    },
    partners: await activityPerPartner(tx, period, PARTNER_LIMIT),
    turnaround: await reader.query('approvals.turnaround', { from: period.from, to: period.to }),
    newAgreements: signedSummaries.filter((a) => !renewing.has(a.id)),
    renewedAgreements: signedSummaries.filter((a) => renewing.has(a.id)),
    expiringAgreements: expiringSummaries,
  };
}
