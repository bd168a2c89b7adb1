import { describe, expect, it } from 'vitest';
import { expiryDateOf, reminderDateOf, termDates } from '../../shared/agreements/term';
import { fromJalali, toJalali } from '../../shared/dates/jalali';

describe('the expiry date of a term', () => {
  it('ends the day before the same date N years later', () => {
    // 1404/01/15 → 1409/01/14 in Jalali terms; 2025-04-04 → 2030-04-03 in Gregorian terms.
    expect(expiryDateOf(fromJalali(1404, 1, 15), 5, 'jalali')).toBe(fromJalali(1409, 1, 14));
    expect(expiryDateOf('2025-04-04', 5, 'gregorian')).toBe('2030-04-03');
  });

  it('ends on 29 Esfand when a term from 30 Esfand of a leap year meets a common year', () => {
    const start = fromJalali(1403, 12, 30);
    expect(start).toBe('2025-03-20');
    const end = expiryDateOf(start, 1, 'jalali');
    expect(toJalali(end)).toEqual({ year: 1404, month: 12, day: 29 });
    expect(end).toBe('2026-03-20');
  });

  it('ends on 29 Esfand when the later year is a leap year too', () => {
    // 1408 is a leap year: 1408/12/30 exists, so the term ends the day before it.
    const end = expiryDateOf(fromJalali(1403, 12, 30), 5, 'jalali');
    expect(toJalali(end)).toEqual({ year: 1408, month: 12, day: 29 });
  });

  it('counts the same start differently in Gregorian years', () => {
    expect(expiryDateOf('2025-03-20', 1, 'gregorian')).toBe('2026-03-19');
  });

  it('ends on 28 February for a Gregorian term from 29 February into a common year', () => {
    expect(expiryDateOf('2024-02-29', 1, 'gregorian')).toBe('2025-02-28');
    expect(expiryDateOf('2024-02-29', 3, 'gregorian')).toBe('2027-02-28');
  });

  it('ends on 28 February when the later year is a leap year as well', () => {
    expect(expiryDateOf('2024-02-29', 4, 'gregorian')).toBe('2028-02-28');
  });

  it('counts a Jalali term from 29 February by its Jalali date (10 Esfand 1402)', () => {
    expect(toJalali('2024-02-29')).toEqual({ year: 1402, month: 12, day: 10 });
    const end = expiryDateOf('2024-02-29', 1, 'jalali');
    expect(toJalali(end)).toEqual({ year: 1403, month: 12, day: 9 });
    expect(end).toBe('2025-02-27');
  });
});

describe('the renewal reminder', () => {
  it('falls the notice period in months before the expiry date', () => {
    expect(reminderDateOf(fromJalali(1404, 12, 29), 6, 'jalali')).toBe(fromJalali(1404, 6, 29));
    expect(reminderDateOf('2030-04-03', 3, 'gregorian')).toBe('2030-01-03');
  });

  it('takes the last day of a shorter month, never a day later', () => {
    // 31 Shahrivar minus one month is 31 Mordad; 31 Farvardin 1405 minus one month is the
    // last day of Esfand 1404, a common year: 29 Esfand.
    expect(reminderDateOf(fromJalali(1404, 6, 31), 1, 'jalali')).toBe(fromJalali(1404, 5, 31));
    expect(reminderDateOf(fromJalali(1405, 1, 31), 1, 'jalali')).toBe(fromJalali(1404, 12, 29));
    expect(reminderDateOf('2025-03-31', 1, 'gregorian')).toBe('2025-02-28');
    expect(reminderDateOf('2024-03-31', 1, 'gregorian')).toBe('2024-02-29');
  });
});

describe('the dates of a term', () => {
  it('starts on the effective date, else on the signing date', () => {
    const base = { termYears: 1, termCalendar: 'gregorian' as const, renewalNoticeMonths: null };
    expect(termDates({ ...base, signedDate: '2025-01-10', effectiveDate: null }).termStart).toBe(
      '2025-01-10',
    );
    expect(termDates({ ...base, signedDate: '2025-01-10', effectiveDate: '2025-02-01' })).toEqual({
      termStart: '2025-02-01',
      expiryDate: '2026-01-31',
      reminderDate: null,
    });
  });

  it('has no expiry without a term or a start, and no reminder without a notice period', () => {
    const none = { signedDate: null, effectiveDate: null, termYears: 5, termCalendar: 'jalali' as const };
    expect(termDates({ ...none, renewalNoticeMonths: 6 })).toEqual({
      termStart: null,
      expiryDate: null,
      reminderDate: null,
    });
    expect(
      termDates({ ...none, signedDate: '2025-01-10', termYears: null, renewalNoticeMonths: 6 }).expiryDate,
    ).toBeNull();
  });

  it('computes expiry and reminder together from 30 Esfand 1403', () => {
    expect(
      termDates({
        signedDate: '2025-03-20',
        effectiveDate: null,
        termYears: 1,
        termCalendar: 'jalali',
        renewalNoticeMonths: 3,
      }),
    ).toEqual({ termStart: '2025-03-20', expiryDate: '2026-03-20', reminderDate: fromJalali(1404, 9, 29) });
  });
});
