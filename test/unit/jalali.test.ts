import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  formatDate,
  fromJalali,
  jalaliQuarterRange,
  jalaliYearOf,
  jalaliYearRange,
  monthGrid,
  nowruzOf,
  parseUserDate,
  toJalali,
  todayIso,
  weekdayOf,
  JALALI_MONTHS_FA,
  WEEKDAYS_FA,
} from '../../shared/dates/jalali';

const DAY = 86_400_000;

function isoOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('Jalali conversion', () => {
  it('knows the anchor days', () => {
    expect(nowruzOf(1404)).toBe('2025-03-21');
    expect(fromJalali(1404, 1, 1)).toBe('2025-03-21');
    expect(fromJalali(1403, 12, 30)).toBe('2025-03-20');
    expect(toJalali('2025-03-20')).toEqual({ year: 1403, month: 12, day: 30 });
    expect(toJalali('2024-01-01')).toEqual({ year: 1402, month: 10, day: 11 });
    expect(fromJalali(1402, 10, 11)).toBe('2024-01-01');
    expect(nowruzOf(1403)).toBe('2024-03-20');
  });

  it('round-trips every day of 1390–1420 exactly, one day after another', () => {
    const start = Date.parse(`${nowruzOf(1390)}T00:00:00Z`);
    const end = Date.parse(`${nowruzOf(1421)}T00:00:00Z`);
    let previous = { year: 1389, month: 12, day: 29 };
    let days = 0;
    for (let ms = start; ms < end; ms += DAY) {
      const iso = isoOfMs(ms);
      const j = toJalali(iso);
      expect(fromJalali(j.year, j.month, j.day)).toBe(iso);
      // Consecutive: the next day of the month, or day 1 of the next month or year.
      const next =
        j.day === previous.day + 1 && j.month === previous.month && j.year === previous.year
          ? true
          : j.day === 1 &&
            ((j.month === previous.month + 1 && j.year === previous.year) ||
              (j.month === 1 && previous.month === 12 && j.year === previous.year + 1));
      expect(next, `${iso} follows ${JSON.stringify(previous)}`).toBe(true);
      previous = j;
      days++;
    }
    // 31 Jalali years: 365 each plus one per leap year (8 leap years in 1390–1420).
    expect(days).toBe(31 * 365 + 8);
  });

  it('refuses days that do not exist', () => {
    expect(() => fromJalali(1404, 12, 30)).toThrow(RangeError);
    expect(() => fromJalali(1404, 13, 1)).toThrow(RangeError);
    expect(() => fromJalali(1404, 0, 1)).toThrow(RangeError);
    expect(() => fromJalali(1404, 7, 31)).toThrow(RangeError);
    expect(() => fromJalali(1404, 1, 1.5)).toThrow(RangeError);
    expect(fromJalali(1404, 6, 31)).toBe('2025-09-22');
    expect(() => toJalali('2025-02-29')).toThrow(RangeError);
    expect(() => toJalali('25-02-01')).toThrow(RangeError);
  });
});

describe('parseUserDate', () => {
  const jalali: [string, string][] = [
    ['1404/1/15', '2025-04-04'],
    ['۱۴۰۴/۰۱/۱۵', '2025-04-04'],
    ['١٤٠٤/١/١٥', '2025-04-04'],
    ['1404-01-15', '2025-04-04'],
    ['1404.1.15', '2025-04-04'],
    ['۱۴۰۴٫۱٫۱۵', '2025-04-04'],
    [' 1404 / 1 / 15 ', '2025-04-04'],
    ['\u200f۱۴۰۴/۱/۱۵\u200f', '2025-04-04'],
    ['1403/12/30', '2025-03-20'],
  ];
  it.each(jalali)('reads Jalali %s', (text, iso) => {
    expect(parseUserDate(text, 'jalali')).toEqual({ ok: true, iso });
  });

  const gregorian: [string, string][] = [
    ['2025-04-04', '2025-04-04'],
    ['2025/4/4', '2025-04-04'],
    ['۲۰۲۵/۴/۴', '2025-04-04'],
    ['2024.2.29', '2024-02-29'],
  ];
  it.each(gregorian)('reads Gregorian %s', (text, iso) => {
    expect(parseUserDate(text, 'gregorian')).toEqual({ ok: true, iso });
  });

  const refused: [string, 'jalali' | 'gregorian', 'format' | 'range'][] = [
    ['1404/12/30', 'jalali', 'range'],
    ['1404/13/01', 'jalali', 'range'],
    ['1404/07/31', 'jalali', 'range'],
    ['2025-02-29', 'gregorian', 'range'],
    ['2025-13-01', 'gregorian', 'range'],
    ['4/4/2025', 'gregorian', 'format'],
    ['15/1/1404', 'jalali', 'format'],
    ['04/1/15', 'jalali', 'format'],
    ['1404/1', 'jalali', 'format'],
    ['', 'jalali', 'format'],
    ['فردا', 'jalali', 'format'],
    ['1404/1/15/2', 'jalali', 'format'],
  ];
  it.each(refused)('refuses %s (%s) as %s', (text, calendar, reason) => {
    expect(parseUserDate(text, calendar)).toEqual({ ok: false, reason });
  });
});

describe('formatDate', () => {
  it('shows Persian with Jalali months and Persian digits', () => {
    expect(formatDate('2025-04-04', 'fa', 'short')).toBe('۱۴۰۴/۰۱/۱۵');
    expect(formatDate('2025-04-04', 'fa')).toBe('۱۵ فروردین ۱۴۰۴');
    expect(formatDate('2025-04-04', 'fa', 'weekday')).toBe('جمعه، ۱۵ فروردین ۱۴۰۴');
    expect(formatDate('2025-05-05', 'fa', 'weekday')).toBe('دوشنبه، ۱۵ اردیبهشت ۱۴۰۴');
    expect(formatDate('2026-03-20', 'fa')).toBe('۲۹ اسفند ۱۴۰۴');
  });

  it('shows English with Gregorian months', () => {
    expect(formatDate('2025-05-05', 'en')).toBe('5 May 2025');
    expect(formatDate('2025-05-05', 'en', 'short')).toBe('2025-05-05');
    expect(formatDate('2025-05-05', 'en', 'weekday')).toBe('Monday, 5 May 2025');
  });

  it('follows a calendar the user chose against the locale', () => {
    expect(formatDate('2025-05-05', 'fa', 'long', 'gregorian')).toBe('۵ مه ۲۰۲۵');
    expect(formatDate('2025-05-05', 'en', 'long', 'jalali')).toBe('15 Ordibehesht 1404');
  });

  it('agrees with ICU (fa-IR-u-ca-persian) on every day of 1390–1420', () => {
    const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
    });
    const start = Date.parse(`${nowruzOf(1390)}T00:00:00Z`);
    const end = Date.parse(`${nowruzOf(1421)}T00:00:00Z`);
    for (let ms = start; ms < end; ms += DAY) {
      const iso = isoOfMs(ms);
      const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      const j = toJalali(iso);
      const expected = `${p.weekday}، ${p.day} ${p.month} ${p.year}`;
      if (formatDate(iso, 'fa', 'weekday') !== expected) {
        expect(formatDate(iso, 'fa', 'weekday'), iso).toBe(expected);
      }
      expect(JALALI_MONTHS_FA[j.month - 1]).toBe(p.month);
      expect(WEEKDAYS_FA[weekdayOf(iso)]).toBe(p.weekday);
    }
  });
});

describe('date arithmetic and ranges', () => {
  it('adds days across years', () => {
    expect(addDays('2025-03-20', 1)).toBe('2025-03-21');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 366)).toBe('2025-02-28');
  });

  it('adds months and years in the chosen calendar, clamping the day', () => {
    expect(addMonths('2025-01-31', 1, 'gregorian')).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1, 'gregorian')).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1, 'gregorian')).toBe('2025-02-28');
    // 1403/12/30 (leap) + 1 year is the last day of Esfand 1404.
    expect(addYears(fromJalali(1403, 12, 30), 1, 'jalali')).toBe(fromJalali(1404, 12, 29));
    // 1404/06/31 + 1 month is 1404/07/30.
    expect(addMonths(fromJalali(1404, 6, 31), 1, 'jalali')).toBe(fromJalali(1404, 7, 30));
    expect(addMonths(fromJalali(1404, 1, 15), -2, 'jalali')).toBe(fromJalali(1403, 11, 15));
    expect(addYears(fromJalali(1404, 1, 15), 5, 'jalali')).toBe(fromJalali(1409, 1, 15));
  });

  it('knows Jalali years and quarters', () => {
    expect(jalaliYearOf('2025-03-20')).toBe(1403);
    expect(jalaliYearOf('2025-03-21')).toBe(1404);
    expect(jalaliYearRange(1403)).toEqual({ from: '2024-03-20', to: '2025-03-20' });
    expect(jalaliYearRange(1404)).toEqual({ from: '2025-03-21', to: '2026-03-20' });
    expect(jalaliQuarterRange(1404, 1)).toEqual({ from: '2025-03-21', to: '2025-06-21' });
    expect(jalaliQuarterRange(1404, 2)).toEqual({ from: '2025-06-22', to: '2025-09-22' });
    expect(jalaliQuarterRange(1404, 4)).toEqual({ from: '2025-12-22', to: '2026-03-20' });
  });

  it('builds a Jalali month grid starting on Saturday', () => {
    const grid = monthGrid(1404, 1, 'jalali');
    expect(grid.weekdays).toEqual([6, 0, 1, 2, 3, 4, 5]);
    const days = grid.weeks.flat();
    expect(days.length % 7).toBe(0);
    expect(grid.weeks.every((w) => w.length === 7)).toBe(true);
    // 1 Farvardin 1404 is a Friday: the last column of the first week; Esfand 1403 had 30 days.
    expect(grid.weeks[0]![6]).toEqual({ iso: '2025-03-21', day: 1, inMonth: true });
    expect(grid.weeks[0]![0]).toEqual({ iso: '2025-03-15', day: 25, inMonth: false });
    expect(days.filter((d) => d.inMonth).map((d) => d.day)).toEqual(
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    for (const week of grid.weeks) expect(weekdayOf(week[0]!.iso)).toBe(6);
  });

  it('builds a Gregorian month grid starting on Monday', () => {
    const grid = monthGrid(2025, 2, 'gregorian');
    expect(grid.weekdays[0]).toBe(1);
    const inMonth = grid.weeks.flat().filter((d) => d.inMonth);
    expect(inMonth).toHaveLength(28);
    expect(grid.weeks[0]![5]).toEqual({ iso: '2025-02-01', day: 1, inMonth: true });
    for (const week of grid.weeks) expect(weekdayOf(week[0]!.iso)).toBe(1);
    expect(() => monthGrid(2025, 13, 'gregorian')).toThrow(RangeError);
    expect(() => monthGrid(1404, 13, 'jalali')).toThrow(RangeError);
  });

  it('reads today from the clock on the local wall clock', () => {
    const local = new Date(2025, 2, 21, 0, 30);
    expect(todayIso(local)).toBe('2025-03-21');
  });
});
