/**
 * A letter import of several batches writes the search index batch by batch, as it writes
 * the letters: every imported letter is indexed exactly as its own search document says, in
 * the order of the sheet, and found by search; a cancel leaves no index rows behind.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterSearchSource } from '../../electron/main/core/letters/letter.search';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addPartner } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
  await addPartner(t, 'فلورانس', 'Florence');
});
afterEach(async () => {
  await t.cleanup();
});

async function workbook(name: string, n: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('نامه‌ها');
  sheet.addRow(['نوع نامه', 'تاریخ', 'موضوع', 'فرستنده', 'گیرنده', 'متن']);
  for (let i = 0; i < n; i++) {
    const incoming = i % 2 === 0;
    sheet.addRow([
      incoming ? 'وارده' : 'صادره',
      `1403/${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')}`,
      `نامه ${i + 1} درباره هفته فرهنگی`,
      incoming ? 'فلورانس' : 'شهرداری اصفهان',
      incoming ? 'شهرداری اصفهان' : 'فلورانس',
      `متن نامه ${i + 1}${i % 97 === 5 ? ' زعفران‌زار' : ''}`,
    ]);
  }
  const path = join(t.dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

async function run(path: string) {
  const { preview } = await t.ok('import.preview', { path, target: 'letters' });
  return t.ok('import.run', { path, target: 'letters', mapping: preview!.mapping });
}

describe('the index of a letter import', () => {
  it('holds every imported letter as its search document says, in the order of the sheet', async () => {
    const n = 620; // three batches, the last a short one
    const report = await run(await workbook('index.xlsx', n));
    expect(report).toMatchObject({ imported: n, refusedRows: 0 });
    const db = t.desk.internals.db;
    const rows = await db.selectFrom('search_docs').selectAll().orderBy('doc_id').execute();
    expect(rows).toHaveLength(n);
    const docs = await letterSearchSource.load(
      db,
      rows.map((r) => r.entity_id),
    );
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const row of rows) {
      const doc = byId.get(row.entity_id)!;
      expect({ type: row.type, title: row.title, body: row.body, date: row.date }).toEqual({
        type: 'letter',
        title: doc.title,
        body: doc.body,
        date: doc.date,
      });
    }
    // The sheet's order: the first row's letter has the lowest doc id.
    expect(rows.map((r) => r.title)).toEqual(
      Array.from({ length: n }, (_, i) => `نامه ${i + 1} درباره هفته فرهنگی`),
    );
    // Both FTS5 indexes hold each letter once, under its doc id.
    const words = await sql<{ n: number }>`SELECT count(*) AS n FROM search_words`.execute(db);
    expect(Number(words.rows[0]!.n)).toBe(n);
    const grams = await sql<{ id: number }>`SELECT rowid AS id FROM search_grams
      WHERE search_grams MATCH '"فلورانس"' ORDER BY rowid`.execute(db);
    expect(grams.rows.map((r) => r.id)).toEqual(rows.map((r) => r.doc_id));

    const found = await t.ok('search.query', { text: 'زعفران‌زار' });
    expect(found.items.map((i) => i.title).sort()).toEqual(
      [
        'نامه 6 درباره هفته فرهنگی',
        'نامه 103 درباره هفته فرهنگی',
        'نامه 200 درباره هفته فرهنگی',
        'نامه 297 درباره هفته فرهنگی',
        'نامه 394 درباره هفته فرهنگی',
        'نامه 491 درباره هفته فرهنگی',
        'نامه 588 درباره هفته فرهنگی',
      ].sort(),
    );
    const florence = await t.ok('search.query', { text: 'Florence', limit: 50 });
    expect(florence.items.length).toBe(50);
  });

  it('leaves no index rows when cancelled after batches were indexed', async () => {
    const path = await workbook('cancel.xlsx', 620);
    const off = t.desk.on('progress', (p) => {
      if (p.method === 'import.run' && p.phase === 'write' && p.done >= 500) t.desk.cancel(p.taskId);
    });
    const report = await run(path);
    off();
    expect(report).toMatchObject({ cancelled: true, imported: 0 });
    const db = t.desk.internals.db;
    const docs = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`.execute(db);
    expect(Number(docs.rows[0]!.n)).toBe(0);
    const words = await sql<{ n: number }>`SELECT count(*) AS n FROM search_words`.execute(db);
    expect(Number(words.rows[0]!.n)).toBe(0);
    expect((await t.ok('search.query', { text: 'فلورانس' })).items).toEqual([]);
  });
});
