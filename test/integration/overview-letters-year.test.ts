/**
 * The Desk's "letters this year" is the register's total for the Jalali year's date range,
 * summed from the counts kept per month (migration 23) and the edge months' letters, not a
 * count of every letter of the year: it stays exact on both edges of the year and follows a
 * letter whose date moves out of it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { officeCountsQuery } from '../../electron/main/core/overview/overview.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';

let t: TestDesk;
beforeEach(async () => {
  // 2025-05-05 is 15 Ordibehesht 1404: the Jalali year 1404 runs from 2025-03-21 to 2026-03-20.
  t = await openTestDesk({ actor: 'sara' });
  t.clock.set('2025-05-05T12:00:00.000Z');
  await t.ok('users.create', { username: 'sara', nameFa: 'سارا احمدی' });
});
afterEach(async () => {
  await t.cleanup();
});

async function letter(letterDate: string) {
  return t.ok('letters.create', {
    direction: 'incoming',
    letterDate,
    from: { text: 'سفارت ایتالیا' },
    to: { text: 'شهرداری اصفهان' },
    subject: `نامه ${letterDate}`,
  });
}

const lettersThisYear = async () => (await t.ok('desk.overview', {})).counts.lettersThisYear;

it('counts the letters of the Jalali year exactly on both of its edges', async () => {
  // Outside: the last day of 1403 and the first of 1405, in the year's two edge months.
  for (const date of ['2025-03-20', '2026-03-21', '2025-03-01', '2026-03-31']) await letter(date);
  // Inside: the first and last days, days in both edge months, and whole months between.
  const inside = [
    '2025-03-21',
    '2025-03-31',
    '2025-04-01',
    '2025-09-15',
    '2026-02-28',
    '2026-03-01',
    '2026-03-20',
  ];
  for (const date of inside) await letter(date);
  expect(await lettersThisYear()).toBe(inside.length);
});

it('follows a letter whose date moves out of the year and back', async () => {
  const moved = await letter('2025-07-10');
  await letter('2025-12-01');
  expect(await lettersThisYear()).toBe(2);
  await t.ok('letters.update', { id: moved.id, letterDate: '2025-03-19' });
  expect(await lettersThisYear()).toBe(1);
  await t.ok('letters.update', { id: moved.id, letterDate: '2026-03-20' });
  expect(await lettersThisYear()).toBe(2);
});

it('reads the kept month counts instead of every letter of the year', async () => {
  const db = t.desk.internals.db;
  const plan = await queryPlan(db, officeCountsQuery(db, '2025-03-21', '2026-03-20'));
  expect(plan).toMatch(/letter_month_counts/);
  expect(plan).not.toMatch(/SCAN letters\b/);
});
