/**
 * Calendar dates for display, input and documents. Storage is always Gregorian
 * `YYYY-MM-DD`; the Jalali calendar is computed with `jalaali-js` (exact against the
 * astronomical calendar over the practical range; DESIGN §3 names the libraries to avoid).
 *
 * Display uses the same `jalaali-js` numbers and the month and weekday names below, which
 * are the ones `Intl` (`fa-IR-u-ca-persian`) produces. A unit test checks, day by day over
 * 1390–1420, that ICU agrees with these numbers and names, so main, renderer and Word
 * documents print the same date whatever ICU each of them carries.
 */
import {
  isLeapJalaaliYear,
  isValidJalaaliDate,
  jalaaliMonthLength,
  toGregorian,
  toJalaali,
} from 'jalaali-js';
import { toAsciiDigits, toPersianDigits } from '../text/digits';

export type Calendar = 'jalali' | 'gregorian';
export type DateLocale = 'fa' | 'en';
export type DateStyle = 'short' | 'long' | 'weekday';

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export const JALALI_MONTHS_FA = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

export const JALALI_MONTHS_EN = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
] as const;

export const GREGORIAN_MONTHS_FA = [
  'ژانویه',
  'فوریه',
  'مارس',
  'آوریل',
  'مه',
  'ژوئن',
  'ژوئیه',
  'اوت',
  'سپتامبر',
  'اکتبر',
  'نوامبر',
  'دسامبر',
] as const;

export const GREGORIAN_MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Weekday names indexed like `Date.getUTCDay()`: 0 is Sunday. */
export const WEEKDAYS_FA = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'] as const;
export const WEEKDAYS_EN = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function gregorianMonthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads a stored `YYYY-MM-DD`; throws RangeError when it is not a real Gregorian day. */
export function parseIso(isoDate: string): YearMonthDay {
  const m = ISO_RE.exec(isoDate);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= gregorianMonthLength(year, month)) {
      return { year, month, day };
    }
  }
  throw new RangeError(`not a date: ${isoDate}`);
}

function isoToUtcMs(isoDate: string): number {
  const { year, month, day } = parseIso(isoDate);
  return Date.UTC(year, month - 1, day);
}

function utcMsToIso(ms: number): string {
  const d = new Date(ms);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Jalali date of a stored Gregorian date. */
export function toJalali(isoDate: string): YearMonthDay {
  const { year, month, day } = parseIso(isoDate);
  const j = toJalaali(year, month, day);
  return { year: j.jy, month: j.jm, day: j.jd };
}

/** The stored Gregorian date of a Jalali date; throws RangeError for a day that does not exist. */
export function fromJalali(year: number, month: number, day: number): string {
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < 1000 ||
    year > 3177 ||
    !isValidJalaaliDate(year, month, day)
  ) {
    throw new RangeError(`no such Jalali day: ${year}/${month}/${day}`);
  }
  const g = toGregorian(year, month, day);
  return isoOf(g.gy, g.gm, g.gd);
}

export type ParsedDate = { ok: true; iso: string } | { ok: false; reason: 'format' | 'range' };

/**
 * Separators a user may type between year, month and day: slash, hyphen, dot, the Arabic
 * date separator ؍ (U+060D), the Arabic decimal separator ٫ (U+066B, which Persian keyboards
 * put where the dot is) and the division slash.
 */
const USER_DATE_RE =
  /^(\d{4})\s*[/\-.\u060d\u066b\u2215\\]\s*(\d{1,2})\s*[/\-.\u060d\u066b\u2215\\]\s*(\d{1,2})$/;
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u200c\u200b\ufeff]/g;

/**
 * Reads a date as the user typed it, always year first (`1404/1/15`, `۱۴۰۴/۰۱/۱۵`,
 * `١٤٠٤-١-١٥`, `1404.1.15`; for the Gregorian calendar `2025-04-04`, `2025/4/4`). Any digit
 * script and any of the separators above; a four-digit year. Day-first forms such as
 * `4/4/2025` are refused as `format`: they are ambiguous between the world's conventions.
 * A day that does not exist (1404/12/30, 2025-02-29) is `range`.
 */
export function parseUserDate(text: string, calendar: Calendar): ParsedDate {
  const m = USER_DATE_RE.exec(toAsciiDigits(text.replace(MARKS, '')).trim());
  if (!m) return { ok: false, reason: 'format' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (calendar === 'jalali') {
    try {
      return { ok: true, iso: fromJalali(year, month, day) };
    } catch {
      return { ok: false, reason: 'range' };
    }
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > gregorianMonthLength(year, month)) {
    return { ok: false, reason: 'range' };
  }
  return { ok: true, iso: isoOf(year, month, day) };
}

/** 0 is Sunday, as `Date.getUTCDay()`. */
export function weekdayOf(isoDate: string): number {
  return new Date(isoToUtcMs(isoDate)).getUTCDay();
}

/** The name of a month in a calendar, in the language of the locale. */
export function monthName(month: number, calendar: Calendar, locale: DateLocale): string {
  const names =
    calendar === 'jalali'
      ? locale === 'fa'
        ? JALALI_MONTHS_FA
        : JALALI_MONTHS_EN
      : locale === 'fa'
        ? GREGORIAN_MONTHS_FA
        : GREGORIAN_MONTHS_EN;
  const name = names[month - 1];
  if (!name) throw new RangeError(`no month ${month}`);
  return name;
}

/** The name of a weekday (0 is Sunday). */
export function weekdayName(weekday: number, locale: DateLocale): string {
  const name = (locale === 'fa' ? WEEKDAYS_FA : WEEKDAYS_EN)[weekday];
  if (!name) throw new RangeError(`no weekday ${weekday}`);
  return name;
}

/** The calendar a locale shows by default: Jalali for Persian, Gregorian for English. */
export function defaultCalendar(locale: DateLocale): Calendar {
  return locale === 'fa' ? 'jalali' : 'gregorian';
}

/**
 * A stored date for display.
 * - `short`: `۱۴۰۴/۰۱/۱۵` (fa) or `2025-04-04` (en);
 * - `long` (default): `۱۵ فروردین ۱۴۰۴` or `4 April 2025`;
 * - `weekday`: `جمعه، ۱۵ فروردین ۱۴۰۴` or `Friday, 4 April 2025`.
 * The calendar follows the locale unless the user chose another one.
 */
export function formatDate(
  isoDate: string,
  locale: DateLocale,
  style: DateStyle = 'long',
  calendar: Calendar = defaultCalendar(locale),
): string {
  const ymd = calendar === 'jalali' ? toJalali(isoDate) : parseIso(isoDate);
  const digits = locale === 'fa' ? toPersianDigits : (s: string) => s;
  if (style === 'short') {
    return digits(
      `${pad(ymd.year, 4)}${locale === 'fa' ? '/' : '-'}${pad(ymd.month)}${locale === 'fa' ? '/' : '-'}${pad(ymd.day)}`,
    );
  }
  const long = digits(`${ymd.day} ${monthName(ymd.month, calendar, locale)} ${ymd.year}`);
  if (style === 'long') return long;
  const weekday = weekdayName(weekdayOf(isoDate), locale);
  return locale === 'fa' ? `${weekday}، ${long}` : `${weekday}, ${long}`;
}

/** Adds days (negative to go back). */
export function addDays(isoDate: string, n: number): string {
  return utcMsToIso(isoToUtcMs(isoDate) + n * DAY_MS);
}

/**
 * Adds calendar months in the given calendar; a day past the end of the target month is
 * clamped to its last day (1403/12/30 + 12 months is 1404/12/29; 2025-01-31 + 1 month is
 * 2025-02-28). The calendar matters: the same agreement term ends on different days.
 */
export function addMonths(isoDate: string, n: number, calendar: Calendar): string {
  if (calendar === 'jalali') {
    const j = toJalali(isoDate);
    const index = j.year * 12 + (j.month - 1) + n;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return fromJalali(year, month, Math.min(j.day, jalaaliMonthLength(year, month)));
  }
  const g = parseIso(isoDate);
  const index = g.year * 12 + (g.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(g.day, gregorianMonthLength(year, month)));
}

/** Adds years in the given calendar (twelve months, clamped like addMonths). */
export function addYears(isoDate: string, n: number, calendar: Calendar): string {
  return addMonths(isoDate, n * 12, calendar);
}

/** The Jalali year a stored date falls in. */
export function jalaliYearOf(isoDate: string): number {
  return toJalali(isoDate).year;
}

/** Nowruz (1 Farvardin) of a Jalali year. */
export function nowruzOf(jalaliYear: number): string {
  return fromJalali(jalaliYear, 1, 1);
}

/** First and last day of a Jalali year: Nowruz to the last day of Esfand. */
export function jalaliYearRange(year: number): DateRange {
  return { from: nowruzOf(year), to: fromJalali(year, 12, isLeapJalaaliYear(year) ? 30 : 29) };
}

/** First and last day of a Jalali quarter (1: Farvardin–Khordad … 4: Dey–Esfand). */
export function jalaliQuarterRange(year: number, quarter: 1 | 2 | 3 | 4): DateRange {
  if (![1, 2, 3, 4].includes(quarter)) throw new RangeError(`no quarter ${quarter}`);
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    from: fromJalali(year, firstMonth, 1),
    to: fromJalali(year, lastMonth, jalaaliMonthLength(year, lastMonth)),
  };
}

export interface GridDay {
  iso: string;
  /** Day of the month in the grid's calendar. */
  day: number;
  /** False for the days of the neighbouring months that fill the first and last week. */
  inMonth: boolean;
}

export interface MonthGrid {
  year: number;
  month: number;
  calendar: Calendar;
  /** Weekday (0 is Sunday) of each column: Saturday first for Jalali, Monday for Gregorian. */
  weekdays: number[];
  /** Whole weeks of seven days, covering the month. */
  weeks: GridDay[][];
}

/**
 * The weeks of one month for a date picker. Jalali weeks start on Saturday (the Iranian
 * week), Gregorian weeks on Monday.
 */
export function monthGrid(year: number, month: number, calendar: Calendar): MonthGrid {
  const first = calendar === 'jalali' ? fromJalali(year, month, 1) : isoOf(year, month, 1);
  if (calendar === 'gregorian') parseIso(first);
  const length = calendar === 'jalali' ? jalaaliMonthLength(year, month) : gregorianMonthLength(year, month);
  const weekStart = calendar === 'jalali' ? 6 : 1;
  const lead = (weekdayOf(first) - weekStart + 7) % 7;
  const cells = Math.ceil((lead + length) / 7) * 7;
  const weeks: GridDay[][] = [];
  for (let i = 0; i < cells; i++) {
    const iso = addDays(first, i - lead);
    const day = calendar === 'jalali' ? toJalali(iso).day : parseIso(iso).day;
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]!.push({ iso, day, inMonth: i >= lead && i < lead + length });
  }
  const weekdays = Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);
  return { year, month, calendar, weekdays, weeks };
}

/** Today's date on this workstation's wall clock, from the desk's clock. */
export function todayIso(clockDate: Date): string {
  return isoOf(clockDate.getFullYear(), clockDate.getMonth() + 1, clockDate.getDate());
}
