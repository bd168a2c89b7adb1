/**
 * Reading one cell as the value a field needs: a date in either calendar and any digits, a
 * number, yes or no, one of a fixed list of choices named in Persian or English.
 */
import { parseUserDate, type Calendar } from '../../../../shared/dates/jalali';
import { toAsciiDigits } from '../../../../shared/text/digits';
import { compactKey } from '../../../../shared/text/persian';
import type { Cell } from './import-file';

export type CalendarChoice = 'auto' | Calendar;

/** Years read as Jalali when the calendar is not given. */
const JALALI_YEARS = { from: 1300, to: 1500 } as const;
/**
 * Years a register can hold in each calendar, even when the calendar is given: 1403 read as
 * a Gregorian year is a Jalali date in the wrong column setting, not a letter of the Middle Ages.
 */
const PLAUSIBLE: Record<Calendar, { from: number; to: number }> = {
  jalali: { from: 1200, to: 1600 },
  gregorian: { from: 1800, to: 2300 },
};

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers from 1920-01-01 to 2199-12-31: anything else in a date column is not a serial. */
const SERIALS = { from: 7306, to: 109574 } as const;

const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u200c\u200b\ufeff]/g;
const SEP = '[/\\-.\\u060d\\u066b\\u2215\\\\]';
const YEAR_FIRST = new RegExp(`^(\\d{4})\\s*${SEP}\\s*(\\d{1,2})\\s*${SEP}\\s*(\\d{1,2})(?:[T\\s].*)?$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function isoOfUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar of a year-first date: the choice, or by the year's range. */
function calendarOf(year: number, choice: CalendarChoice): Calendar {
  if (choice !== 'auto') return choice;
  return year >= JALALI_YEARS.from && year <= JALALI_YEARS.to ? 'jalali' : 'gregorian';
}

/**
 * A stored date (YYYY-MM-DD) from a cell: an Excel date cell, an Excel serial number, or text
 * such as ۱۴۰۲/۰۵/۰۱, 1402-5-1, ١٤٠٢.٠٥.٠١, 2023-07-23, 14020501. Null when it is none.
 */
export function readDate(cell: Cell, choice: CalendarChoice): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoOfUtc(cell);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 10_000_000) return readDate(String(cell), choice);
    if (cell < SERIALS.from || cell > SERIALS.to) return null;
    return isoOfUtc(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * DAY_MS));
  }
  if (typeof cell !== 'string') return null;
  const text = toAsciiDigits(cell.replace(MARKS, '')).trim();
  const m = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const calendar = calendarOf(year, choice);
  if (year < PLAUSIBLE[calendar].from || year > PLAUSIBLE[calendar].to) return null;
  const parsed = parseUserDate(`${m[1]}/${m[2]}/${m[3]}`, calendar);
  return parsed.ok ? parsed.iso : null;
}

/** A number from a number cell or from text in any digits, with , ٬ grouping and . ٫ decimals. */
export function readNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = toAsciiDigits(cell.replace(MARKS, ''))
    .trim()
    .replace(/[,\u066c]/g, '')
    .replace(/\u066b/g, '.')
    .replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

const YES = ['1', 'true', 'yes', 'y', 'x', '✓', '✔', 'بله', 'بلی', 'آری', 'دارد', 'هست', 'درست'];
const NO = ['0', 'false', 'no', 'n', 'خیر', 'نه', 'ندارد', 'نیست', 'نادرست'];
const YES_KEYS = new Set(YES.map(compactKey));
const NO_KEYS = new Set(NO.map(compactKey));

/** Yes or no in Persian or English; undefined when the cell says neither. */
export function readBoolean(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  const key = compactKey(cell);
  if (YES_KEYS.has(key)) return true;
  if (NO_KEYS.has(key)) return false;
  return undefined;
}

/** Matches text against choices each named by its code and its Persian and English names. */
export class Choices<T extends string> {
  readonly #byKey = new Map<string, T>();

  constructor(names: Record<T, readonly string[]>) {
    for (const [value, list] of Object.entries(names) as [T, readonly string[]][]) {
      for (const name of [value, value.replace(/_/g, ' '), ...list]) this.#byKey.set(compactKey(name), value);
    }
  }

  read(text: string): T | undefined {
    return this.#byKey.get(compactKey(text));
  }
}
