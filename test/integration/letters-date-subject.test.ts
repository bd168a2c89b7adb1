/**
 * A date range sorted by subject: a wide range (a year of letters) is read in the subject
 * index's order until the page is full instead of fetched whole and sorted, a narrow one is
 * still fetched and sorted, and both answer exactly the rows and the total that sorting every
 * letter of the range answers, page after page, in both directions.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterPageQuery, type LetterSort } from '../../electron/main/core/letters/letters.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { letterInput } from './letters.fixtures';

/** Letters beyond the list's walking threshold (1,000 matches), dated over four years. */
const COPIES = 2400;

let t: TestDesk;
beforeAll(async () => {
  t = await openTestDesk();
  const first = await t.ok('letters.create', letterInput({ subject: 'نامه نخست', letterDate: '2024-03-01' }));
  // Copies of the registered letter with their own ids, numbers, dates and subjects (a few
  // subjects repeat, so the id breaks ties); the key-grams triggers index each.
  await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${COPIES})
    INSERT INTO letters (id, direction, secretariat, jalali_year, seq, number, registered_at, letter_date,
      subject, language, classification, urgency, attachments_count, needs_reply, state, search_key,
      created_at, updated_at)
    SELECT printf('01900000-0000-7000-8000-%012d', i), l.direction, l.secretariat, l.jalali_year,
      l.seq + i, l.number || '-' || i, l.registered_at,
      date('2022-01-01', '+' || ((i * 7919) % 1460) || ' days'),
      'موضوع ' || ((i * 104729) % 997), l.language, l.classification, l.urgency, 0, 0, 'none',
      l.search_key, l.created_at, l.updated_at
    FROM n, letters AS l WHERE l.id = ${first.id}`.execute(t.desk.internals.db);
});
afterAll(async () => {
  await t.cleanup();
});

/** What sorting every letter of the range answers. */
async function expected(from: string, to: string, direction: 'asc' | 'desc', limit: number, offset: number) {
  const order = direction === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await t.desk.internals.db.executeQuery<{ id: string }>(
    CompiledQuery.raw(
      `SELECT id FROM letters NOT INDEXED WHERE letter_date >= ? AND letter_date <= ?
       ORDER BY subject ${order}, id ${order} LIMIT ? OFFSET ?`,
      [from, to, limit, offset],
    ),
  );
  const total = await t.desk.internals.db.executeQuery<{ n: number }>(
    CompiledQuery.raw(
      'SELECT count(*) AS n FROM letters NOT INDEXED WHERE letter_date >= ? AND letter_date <= ?',
      [from, to],
    ),
  );
  return { ids: rows.map((r) => r.id), total: total.rows[0]!.n };
}

describe('a date range sorted by subject', () => {
  it('walks the subject index, checking the date on each letter, without sorting', async () => {
    const sort: LetterSort = { by: 'subject', direction: 'asc' };
    const query = letterPageQuery(
      t.desk.internals.db,
      { dateFrom: '2023-01-01', dateTo: '2023-12-31' },
      sort,
      50,
      0,
      'walk',
    );
    expect(await queryPlan(t.desk.internals.db, query)).toBe('SCAN letters USING INDEX letters_subject');
  });

  it('answers the rows and the exact total that sorting the whole range answers', async () => {
    const ranges: [string, string][] = [
      ['2023-01-01', '2023-12-31'], // about 600 letters: fetched and sorted
      ['2022-01-01', '2024-12-31'], // about 1,800: walked
      ['2022-01-01', '2026-12-31'], // every letter: walked
      ['2023-05-01', '2023-05-20'], // a few: fetched and sorted
    ];
    for (const [dateFrom, dateTo] of ranges) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const offset of [0, 50, 700]) {
          const want = await expected(dateFrom, dateTo, direction, 50, offset);
          const got = await t.ok('letters.list', {
            dateFrom,
            dateTo,
            sort: { by: 'subject', direction },
            limit: 50,
            offset,
          });
          const label = `${dateFrom}..${dateTo} ${direction} +${offset}`;
          expect(got.total, label).toBe(want.total);
          expect(
            got.items.map((l) => l.id),
            label,
          ).toEqual(want.ids);
        }
      }
    }
  });
});
