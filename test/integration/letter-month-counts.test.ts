/**
 * The totals of date ranges come from counts kept per month of letter dates by triggers
 * (migration 2026-11-28-23-letter-month-counts) and the edge months' letters read from the
 * indexes: after registrations, changes of date and of the other counted columns, replies,
 * closings, removals and an import, the kept counts are exactly the letters grouped by month,
 * and random ranges (month edges, within one month, open at either end, with and without the
 * other filters) total exactly what counting the letters one by one gives, whatever a stored
 * date holds. A desk made before the migration gets its letters counted.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  letterCountQuery,
  monthCountPlan,
  type LetterFilter,
} from '../../electron/main/core/letters/letters.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { pad2, seededRandom } from '../helpers/seeded';
import { letterInput } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A day of 2023–2025 biased towards the first and last days of months. */
function randomDay(next: () => number): string {
  const year = 2023 + Math.floor(next() * 3);
  const month = 1 + Math.floor(next() * 12);
  const last = daysIn(year, month);
  const pick = next();
  const day =
    pick < 0.25
      ? 1
      : pick < 0.5
        ? last
        : pick < 0.6
          ? 2
          : pick < 0.7
            ? last - 1
            : 1 + Math.floor(next() * last);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const OTHERS: LetterFilter[] = [
  {},
  { direction: 'incoming' },
  { state: 'awaiting_reply' },
  { classification: 'محرمانه' },
  { urgency: 'فوری', direction: 'outgoing' },
  { direction: 'internal', state: 'none', classification: 'عادی', urgency: 'عادی' },
];

/** Random ranges: both bounds, one month, open at either end. */
function ranges(seed: number, n: number): { dateFrom?: string; dateTo?: string }[] {
  const next = seededRandom(seed);
  const out: { dateFrom?: string; dateTo?: string }[] = [];
  for (let i = 0; i < n; i++) {
    const a = randomDay(next);
    const b = randomDay(next);
    const [from, to] = a <= b ? [a, b] : [b, a];
    const kind = i % 5;
    if (kind === 0) out.push({ dateFrom: from });
    else if (kind === 1) out.push({ dateTo: to });
    else if (kind === 2) {
      // Within the month of `from`.
      const last = daysIn(Number(from.slice(0, 4)), Number(from.slice(5, 7)));
      out.push({
        dateFrom: from,
        dateTo: `${from.slice(0, 8)}${pad2(Math.max(Number(from.slice(8)), last - 3))}`,
      });
    } else out.push({ dateFrom: from, dateTo: to });
  }
  // Whole months, a whole year, a month's first and last day alone.
  out.push(
    { dateFrom: '2024-02-01', dateTo: '2024-02-29' },
    { dateFrom: '2024-01-01', dateTo: '2024-12-31' },
    { dateFrom: '2024-03-01', dateTo: '2024-03-01' },
    { dateFrom: '2024-03-31', dateTo: '2024-03-31' },
    { dateFrom: '2023-12-31', dateTo: '2024-01-01' },
    { dateFrom: '2023-01-15', dateTo: '2025-11-14' },
  );
  return out;
}

/** What counting the letters one by one gives. */
async function counted(desk: TestDesk, f: LetterFilter): Promise<number> {
  const n = (v: string | undefined) => v ?? null;
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM letters NOT INDEXED
    WHERE (${n(f.direction)} IS NULL OR direction = ${n(f.direction)})
      AND (${n(f.state)} IS NULL OR state = ${n(f.state)})
      AND (${n(f.classification)} IS NULL OR classification = ${n(f.classification)})
      AND (${n(f.urgency)} IS NULL OR urgency = ${n(f.urgency)})
      AND (${n(f.dateFrom)} IS NULL OR letter_date >= ${n(f.dateFrom)})
      AND (${n(f.dateTo)} IS NULL OR letter_date <= ${n(f.dateTo)})`.execute(desk.desk.internals.db);
  return rows[0]!.n;
}

/** The kept counts (rows above zero) against the letters grouped by month. */
async function expectKeptCountsExact(desk: TestDesk): Promise<void> {
  const db = desk.desk.internals.db;
  const kept = await sql<Record<string, unknown>>`SELECT month, direction, state, classification, urgency, n
    FROM letter_month_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  const letters = await sql<Record<string, unknown>>`SELECT substr(letter_date, 1, 7) AS month, direction,
      state, classification, urgency, count(*) AS n
    FROM letters NOT INDEXED GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  expect(kept.rows).toEqual(letters.rows);
}

/** Every range with every other filter: the count query and the list's total, against counting. */
async function expectExactTotals(desk: TestDesk, seed: number): Promise<void> {
  await expectKeptCountsExact(desk);
  let planned = 0;
  for (const range of ranges(seed, 40)) {
    if (monthCountPlan(range.dateFrom, range.dateTo) !== null) planned++;
    for (const others of OTHERS) {
      const filter: LetterFilter = { ...others, ...range };
      const label = JSON.stringify(filter);
      const want = await counted(desk, filter);
      const query = letterCountQuery(desk.desk.internals.db, filter);
      expect(Number((await query.executeTakeFirstOrThrow()).n), label).toBe(want);
      const listed = await desk.ok('letters.list', {
        ...filter,
        sort: { by: 'letterDate', direction: 'desc' },
        limit: 1,
      } as never);
      expect(listed.total, label).toBe(want);
    }
  }
  // Most ranges are totalled from the kept counts, so the comparisons above test them.
  expect(planned).toBeGreaterThan(30);
}

const DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
const CLASSIFICATIONS = ['عادی', 'محرمانه', 'سری'];
const URGENCIES = ['عادی', 'فوری', 'آنی'];

/** Letters on month edges and other days of 2023–2025, of every direction and kind. */
async function register(desk: TestDesk, n: number, seed: number): Promise<{ id: string }[]> {
  const next = seededRandom(seed);
  const created: { id: string }[] = [];
  for (let i = 0; i < n; i++) {
    created.push(
      await desk.ok(
        'letters.create',
        letterInput({
          direction: DIRECTIONS[i % 3]!,
          classification: CLASSIFICATIONS[Math.floor(next() * 3)]!,
          urgency: URGENCIES[Math.floor(next() * 3)]!,
          needsReply: next() < 0.6,
          letterDate: randomDay(next),
        }),
      ),
    );
  }
  return created;
}

describe('the date-range totals kept per month', () => {
  it('stay exact through registrations, changes of date and kind, replies, closings and removals', async () => {
    t = await openTestDesk();
    const desk = t;
    const created = await register(desk, 60, 7);
    await expectExactTotals(desk, 1);

    // A change of date to another month, to another day of the same month, to a month edge.
    await desk.ok('letters.update', { id: created[0]!.id, letterDate: '2024-02-29' });
    await desk.ok('letters.update', { id: created[1]!.id, letterDate: '2023-01-01' });
    await desk.ok('letters.update', { id: created[2]!.id, letterDate: '2025-12-31' });
    const sameMonth = await desk.ok('letters.get', { id: created[3]!.id });
    await desk.ok('letters.update', {
      id: created[3]!.id,
      letterDate: `${sameMonth.letterDate.slice(0, 8)}${sameMonth.letterDate.endsWith('01') ? '02' : '01'}`,
    });
    // The other counted columns, a date and a kind together.
    await desk.ok('letters.update', { id: created[4]!.id, urgency: 'آنی', classification: 'سری' });
    await desk.ok('letters.update', { id: created[5]!.id, letterDate: '2024-06-30', urgency: 'فوری' });
    await desk.ok('letters.update', { id: created[6]!.id, needsReply: false });
    // A reply (the answered letter becomes replied), closings and a reopening.
    await desk.ok(
      'letters.create',
      letterInput({
        direction: 'outgoing',
        letterDate: '2025-12-31',
        references: [{ letterId: created[9]!.id, kind: 'follows' }],
      }),
    );
    await desk.ok('letters.close', { id: created[10]!.id, note: 'بایگانی شد' });
    await desk.ok('letters.close', { id: created[11]!.id, note: 'بایگانی شد' });
    await desk.ok('letters.reopen', { id: created[11]!.id });
    await expectExactTotals(desk, 2);

    // Written by any code: the triggers follow the table, not the service.
    const db = desk.desk.internals.db;
    await sql`DELETE FROM letters WHERE id = ${created[12]!.id}`.execute(db);
    await sql`UPDATE letters SET letter_date = '2023-07-01', state = 'closed' WHERE id = ${created[13]!.id}`.execute(
      db,
    );
    await expectExactTotals(desk, 3);
  });

  it('stay exact whatever a stored date holds', async () => {
    t = await openTestDesk();
    const desk = t;
    const created = await register(desk, 12, 11);
    // Dates no form accepts, as an older program or a hand-edited file might have stored
    // them: they sort between the month keys and the days, and must be counted as the index
    // compares them.
    const odd = ['2024-03', '2024-03-00', '2024-03-', '2024-0Z-01', '2024-03-32', '2024-03-1', '2024', ''];
    for (const [i, date] of odd.entries())
      await sql`UPDATE letters SET letter_date = ${date} WHERE id = ${created[i]!.id}`.execute(
        desk.desk.internals.db,
      );
    await expectKeptCountsExact(desk);
    for (const range of [
      { dateFrom: '2024-03-01' },
      { dateTo: '2024-02-29' },
      { dateFrom: '2024-03-01', dateTo: '2024-03-31' },
      { dateFrom: '2024-02-01', dateTo: '2024-03-31' },
      { dateFrom: '2024-03-02', dateTo: '2024-04-30' },
      { dateFrom: '2024-01-01', dateTo: '2024-12-31' },
      { dateFrom: '2024-09-01', dateTo: '2024-10-31' },
      { dateFrom: '2023-01-01', dateTo: '2025-12-31' },
    ]) {
      for (const others of OTHERS) {
        const filter = { ...others, ...range };
        const total = await letterCountQuery(desk.desk.internals.db, filter).executeTakeFirstOrThrow();
        expect(Number(total.n), JSON.stringify(filter)).toBe(await counted(desk, filter));
      }
    }
  });

  it('count the letters of an import', async () => {
    t = await openTestDesk();
    const desk = t;
    await register(desk, 10, 5);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('نامه‌ها');
    sheet.addRow(['شماره', 'نوع نامه', 'تاریخ', 'موضوع', 'فرستنده', 'متن', 'گیرنده']);
    // Jalali days on both sides of Gregorian month edges (1403/01/12 is 2024-03-31).
    for (let i = 0; i < 90; i++) {
      const month = 1 + (i % 12);
      const day = [1, 10, 11, 12, 13, 29][i % 6]!;
      sheet.addRow([
        null,
        i % 2 === 0 ? 'وارده' : 'صادره',
        `1403/${pad2(month)}/${pad2(day)}`,
        `نامه ${i + 1}`,
        'سفارت سنگاپور',
        `متن ${i + 1}`,
        'شهرداری اصفهان',
      ]);
    }
    const path = join(desk.dir, 'letters.xlsx');
    await book.xlsx.writeFile(path);
    const { preview } = await desk.ok('import.preview', { path, target: 'letters' });
    const report = await desk.ok('import.run', { path, target: 'letters', mapping: preview!.mapping });
    expect(report).toMatchObject({ imported: 90 });
    await expectExactTotals(desk, 4);
  });

  it('count the letters of a desk made before them', async () => {
    t = await openTestDesk();
    await register(t, 30, 3);
    const db = t.desk.internals.db;
    await undoMigrationsAfter(db, '2026-11-28-22-search-recent');
    // Registered while the desk is as it was before the migration: no month counts kept.
    await register(t, 5, 9);
    expect(
      (await sql`SELECT name FROM sqlite_master WHERE name LIKE 'letter_month_counts%'`.execute(db)).rows,
    ).toEqual([]);
    await t.reopen();
    await expectExactTotals(t, 5);
    const subject = await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE name = 'letters_subject'`.execute(t.desk.internals.db);
    expect(subject.rows[0]!.sql).toContain('"letter_date"');
  });

  it('fail the check above when a trigger misses a change', async () => {
    t = await openTestDesk();
    const created = await register(t, 6, 13);
    const db = t.desk.internals.db;
    await sql`DROP TRIGGER letter_month_counts_update`.execute(db);
    const before = await t.ok('letters.get', { id: created[0]!.id });
    const moved = before.letterDate.startsWith('2023-05') ? '2024-08-15' : '2023-05-15';
    await t.ok('letters.update', { id: created[0]!.id, letterDate: moved });
    await expect(expectKeptCountsExact(t)).rejects.toThrow();
  });
});

describe('the plan of a date-range total', () => {
  it('sums whole months and reads the shorter side of each edge month', () => {
    expect(monthCountPlan('2023-01-01', '2023-12-31')).toEqual({
      from: '2023-01',
      to: '2024-01',
      edges: [
        { sign: -1, lower: ['>=', '2023-01'], upper: ['<', '2023-01-01'], days: 0 },
        { sign: -1, lower: ['>', '2023-12-31'], upper: ['<', '2024-01'], days: 0 },
      ],
    });
    expect(monthCountPlan('2023-03-21', '2024-03-19')).toEqual({
      from: '2023-04',
      to: '2024-04',
      edges: [
        { sign: 1, lower: ['>=', '2023-03-21'], upper: ['<', '2023-04'], days: 11 },
        { sign: -1, lower: ['>', '2024-03-19'], upper: ['<', '2024-04'], days: 12 },
      ],
    });
    expect(monthCountPlan('2024-02-10', undefined)).toEqual({
      from: '2024-02',
      edges: [{ sign: -1, lower: ['>=', '2024-02'], upper: ['<', '2024-02-10'], days: 9 }],
    });
    expect(monthCountPlan(undefined, '2024-12-05')).toEqual({
      to: '2024-12',
      edges: [{ sign: 1, lower: ['>=', '2024-12'], upper: ['<=', '2024-12-05'], days: 5 }],
    });
  });

  it('counts a few days directly, and bounds that are not days or are reversed', () => {
    expect(monthCountPlan('2024-05-10', '2024-05-20')).toBeNull();
    expect(monthCountPlan('2024-05-25', '2024-06-03')).toBeNull();
    expect(monthCountPlan('2024-06-03', '2024-05-25')).toBeNull();
    expect(monthCountPlan('2024-02-30', undefined)).toBeNull();
    expect(monthCountPlan('9999-12-01', undefined)).toBeNull();
    expect(monthCountPlan(undefined, undefined)).toBeNull();
  });
});
