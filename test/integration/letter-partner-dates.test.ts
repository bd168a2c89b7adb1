/**
 * A partner's letters are listed from their links kept in date order, and totalled from a
 * count kept per partner (migration 2026-11-28-24-letter-partner-dates): after registrations,
 * changes of date and of links, removals, an import and on a desk made before the migration,
 * the kept links and counts are exactly what the links and letters say, and every page (both
 * directions, any offset, with a date range) is the same rows in the same order, with the same
 * total, as fetching every letter of the partner and sorting them.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  letterPageQuery,
  listLetterRows,
  partnerPageQuery,
  type LetterFilter,
} from '../../electron/main/core/letters/letters.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { pad2, seededRandom } from '../helpers/seeded';
import { addPartner, letterInput } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

/** The kept links and counts against the links and their letters. */
async function expectKeptExact(desk: TestDesk): Promise<void> {
  const db = desk.desk.internals.db;
  const kept =
    await sql`SELECT partner_id, letter_date, letter_id FROM letter_partner_dates ORDER BY 1, 2, 3`.execute(
      db,
    );
  const links = await sql`SELECT lp.partner_id, l.letter_date, lp.letter_id
    FROM letter_partners AS lp JOIN letters AS l ON l.id = lp.letter_id ORDER BY 1, 2, 3`.execute(db);
  expect(kept.rows).toEqual(links.rows);
  const counts = await sql`SELECT partner_id, n FROM letter_partner_counts WHERE n <> 0 ORDER BY 1`.execute(
    db,
  );
  const grouped =
    await sql`SELECT partner_id, count(*) AS n FROM letter_partners GROUP BY 1 ORDER BY 1`.execute(db);
  expect(counts.rows).toEqual(grouped.rows);
}

/** Every page of each partner, alone and in date ranges, against fetching and sorting. */
async function expectSamePages(desk: TestDesk, partners: string[]): Promise<void> {
  await expectKeptExact(desk);
  const db = desk.desk.internals.db;
  const filters: LetterFilter[] = [];
  for (const partnerId of [...partners, '01900000-0000-7000-8000-00000000dead'])
    filters.push(
      { partnerId },
      { partnerId, dateFrom: '2024-03-01', dateTo: '2024-09-30' },
      { partnerId, dateFrom: '2024-06-15' },
      { partnerId, dateTo: '2024-02-29' },
    );
  for (const filter of filters) {
    const { rows } = await db.executeQuery<{ n: number }>(
      CompiledQuery.raw(
        `SELECT count(*) AS n FROM letters NOT INDEXED WHERE id IN
           (SELECT letter_id FROM letter_partners WHERE partner_id = ?)
           AND (? IS NULL OR letter_date >= ?) AND (? IS NULL OR letter_date <= ?)`,
        [
          filter.partnerId,
          filter.dateFrom ?? null,
          filter.dateFrom ?? null,
          filter.dateTo ?? null,
          filter.dateTo ?? null,
        ],
      ),
    );
    const want = rows[0]!.n;
    for (const direction of ['asc', 'desc'] as const)
      for (const [limit, offset] of [
        [50, 0],
        [7, 0],
        [7, 7],
        [5, Math.max(0, want - 3)],
        [5, want + 2],
      ] as const) {
        const label = JSON.stringify({ filter, direction, limit, offset });
        const listed = await listLetterRows(db, filter, { by: 'letterDate', direction }, limit, offset);
        const sorted = await letterPageQuery(
          db,
          filter,
          { by: 'letterDate', direction },
          limit,
          offset,
          'seek',
        ).execute();
        expect(
          listed.rows.map((r) => r.id),
          label,
        ).toEqual(sorted.map((r) => r.id));
        expect(listed.rows, label).toEqual(sorted);
        expect(listed.total, label).toBe(want);
      }
  }
}

async function world(desk: TestDesk, n: number, seed: number, partners: string[]): Promise<string[]> {
  const next = seededRandom(seed);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const pick = () => partners[Math.floor(next() * partners.length)]!;
    const day = next() < 0.3 ? 1 : 1 + Math.floor(next() * 28);
    // Several letters share a day, so the id decides their order.
    const letter = await desk.ok(
      'letters.create',
      letterInput({
        letterDate: `2024-${pad2(1 + Math.floor(next() * 12))}-${pad2(day)}`,
        from: next() < 0.5 ? { partnerId: pick() } : { text: 'سفارت سنگاپور' },
        ...(next() < 0.5 && { partnerIds: [pick()] }),
      }),
    );
    ids.push(letter.id);
  }
  return ids;
}

describe("a partner's letters in date order", () => {
  it('are the same pages and totals as sorting every letter, through changes and removals', async () => {
    t = await openTestDesk();
    const desk = t;
    const partners = [
      await addPartner(desk, 'کازان'),
      await addPartner(desk, 'فلورانس'),
      await addPartner(desk, 'بارسلونا'),
    ];
    const ids = await world(desk, 70, 3, partners);
    await expectSamePages(desk, partners);

    await desk.ok('letters.update', { id: ids[0]!, letterDate: '2024-06-15' });
    await desk.ok('letters.update', { id: ids[1]!, partnerIds: [partners[2]!] });
    await desk.ok('letters.update', { id: ids[2]!, partnerIds: [] });
    await desk.ok('letters.update', {
      id: ids[3]!,
      from: { partnerId: partners[1]! },
      letterDate: '2024-02-29',
    });
    const db = desk.desk.internals.db;
    // Written by any code: a letter removed with its links, a link moved to another partner.
    await sql`DELETE FROM letters WHERE id = ${ids[4]!}`.execute(db);
    await sql`UPDATE letter_partners SET partner_id = ${partners[0]!}
      WHERE letter_id = ${ids[5]!} AND partner_id <> ${partners[0]!}
        AND NOT EXISTS (SELECT 1 FROM letter_partners WHERE letter_id = ${ids[5]!} AND partner_id = ${partners[0]!})`.execute(
      db,
    );
    await sql`UPDATE letters SET letter_date = '2024-01-01' WHERE id = ${ids[6]!}`.execute(db);
    await expectSamePages(desk, partners);
  });

  it('read only the page from the kept links', async () => {
    t = await openTestDesk();
    const partnerId = await addPartner(t, 'کازان');
    const compiled = partnerPageQuery(t.desk.internals.db, { partnerId }, 'desc', 50, 0).compile();
    const { rows } = await t.desk.internals.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    const plan = rows.map((r) => r.detail).join('\n');
    expect(plan).toContain('SEARCH letter_partner_dates USING PRIMARY KEY (partner_id=?)');
    expect(plan).toContain('SEARCH letters USING INDEX sqlite_autoindex_letters_1 (id=?)');
    expect(plan).not.toMatch(/SCAN letters\b/);
  });

  it('keep the links of an import', async () => {
    t = await openTestDesk();
    const desk = t;
    const florence = await addPartner(desk, 'فلورانس', 'Florence');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('نامه‌ها');
    sheet.addRow(['شماره', 'نوع نامه', 'تاریخ', 'موضوع', 'فرستنده', 'متن', 'گیرنده']);
    for (let i = 0; i < 40; i++)
      sheet.addRow([
        null,
        'وارده',
        `1403/${pad2(1 + (i % 12))}/${pad2(1 + ((i * 7) % 29))}`,
        `نامه ${i + 1}`,
        i % 3 === 0 ? 'سفارت سنگاپور' : 'فلورانس',
        `متن ${i + 1}`,
        'شهرداری اصفهان',
      ]);
    const path = join(desk.dir, 'letters.xlsx');
    await book.xlsx.writeFile(path);
    const { preview } = await desk.ok('import.preview', { path, target: 'letters' });
    expect(await desk.ok('import.run', { path, target: 'letters', mapping: preview!.mapping })).toMatchObject(
      {
        imported: 40,
      },
    );
    const counted = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM letter_partner_dates WHERE partner_id = ${florence}`.execute(
      desk.desk.internals.db,
    );
    expect(counted.rows[0]!.n).toBeGreaterThan(20);
    await expectSamePages(desk, [florence]);
  });

  it('are kept for a desk made before them', async () => {
    t = await openTestDesk();
    const partners = [await addPartner(t, 'کازان'), await addPartner(t, 'فلورانس')];
    await world(t, 25, 5, partners);
    await undoMigrationsAfter(t.desk.internals.db, '2026-11-28-23-letter-month-counts');
    await t.reopen();
    await expectSamePages(t, partners);
  });

  it('fail the check above when a trigger misses a change of date', async () => {
    t = await openTestDesk();
    const partners = [await addPartner(t, 'کازان')];
    const ids = await world(t, 6, 9, partners);
    const db = t.desk.internals.db;
    const linked = await sql<{
      letter_id: string;
    }>`SELECT letter_id FROM letter_partners WHERE partner_id = ${partners[0]!} LIMIT 1`.execute(db);
    const id = linked.rows[0]?.letter_id ?? ids[0]!;
    await sql`DROP TRIGGER letter_partner_dates_letter_date`.execute(db);
    await t.ok('letters.update', { id, letterDate: '2023-03-03' });
    await expect(expectKeptExact(t)).rejects.toThrow();
  });
});
