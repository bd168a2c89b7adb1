/**
 * The term of an agreement: when it starts, when it expires, and when the office must be
 * reminded to give notice of renewal or termination.
 *
 * The rule (the one stated in the agreement's own calendar, Jalali by default):
 * - the term starts on the effective date, or on the signing date when none is given;
 * - a term of N years ends on the day before the same date N years later;
 * - where that date does not exist in its month (30 Esfand in a common Jalali year, 29
 *   February in a common Gregorian year) the term ends on the last day of that month.
 *   So a one-year term from 1403/12/30 (2025-03-20) ends on 1404/12/29 (2026-03-20) in
 *   Jalali terms, and one from 2024-02-29 ends on 2025-02-28 in Gregorian terms;
 * - the reminder falls the notice period in whole months before the expiry date, on the
 *   same day of the month, or on the month's last day when that day does not exist there
 *   (never later than the notice period allows).
 *
 * The calendar matters: a term counted in Jalali years and one counted in Gregorian years
 * from the same day can end on different days around leap years.
 */
import { addDays, addMonths, addYears, parseIso, toJalali, type Calendar } from '../dates/jalali';

export const TERM_CALENDARS = ['jalali', 'gregorian'] as const satisfies readonly Calendar[];
export type TermCalendar = (typeof TERM_CALENDARS)[number];

export const TERM_LIMITS = { minYears: 1, maxYears: 50, minNoticeMonths: 1, maxNoticeMonths: 36 } as const;

export interface TermInput {
  signedDate: string | null;
  effectiveDate: string | null;
  termYears: number | null;
  termCalendar: TermCalendar;
  renewalNoticeMonths: number | null;
}

export interface TermDates {
  /** The first day of the term: the effective date, or the signing date. */
  termStart: string | null;
  /** The last day the agreement is in force; null when it has no fixed term. */
  expiryDate: string | null;
  /** The day to start the renewal or termination notice; null without a notice period. */
  reminderDate: string | null;
}

function dayOfMonth(isoDate: string, calendar: TermCalendar): number {
  return calendar === 'jalali' ? toJalali(isoDate).day : parseIso(isoDate).day;
}

/** The last day of a term of `years` years starting on `start`, by the rule above. */
export function expiryDateOf(start: string, years: number, calendar: TermCalendar): string {
  const anniversary = addYears(start, years, calendar);
  // addYears clamps a missing day to the month's last day; that last day is then the expiry.
  const clamped = dayOfMonth(anniversary, calendar) !== dayOfMonth(start, calendar);
  return clamped ? anniversary : addDays(anniversary, -1);
}

/** The day the notice period starts: `months` months before the expiry date. */
export function reminderDateOf(expiry: string, months: number, calendar: TermCalendar): string {
  return addMonths(expiry, -months, calendar);
}

/** Every computed date of a term, from what the user entered. */
export function termDates(input: TermInput): TermDates {
  const termStart = input.effectiveDate ?? input.signedDate;
  if (termStart === null || input.termYears === null) {
    return { termStart, expiryDate: null, reminderDate: null };
  }
  const expiryDate = expiryDateOf(termStart, input.termYears, input.termCalendar);
  const reminderDate =
    input.renewalNoticeMonths === null
      ? null
      : reminderDateOf(expiryDate, input.renewalNoticeMonths, input.termCalendar);
  return { termStart, expiryDate, reminderDate };
}
