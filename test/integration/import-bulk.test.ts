/**
 * A large letter import keeps every promise of a letter typed in: each record its own audit
 * row naming the import and a valid chain, search finds the letters, kept numbers stay and
 * the desk's own numbers stay gapless after them; a cancel leaves nothing, all-or-nothing
 * writes nothing when a row is refused while writing, skip-bad keeps the good rows.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRunInput } from '../../shared/api/import.contract';
import { registeredNumbersQuery } from '../../electron/main/core/import/import.lookups';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { addPartner } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

type Row = [
  number: string | null,
  direction: string,
  date: string,
  subject: string,
  from: string,
  body: string,
];

async function workbook(name: string, rows: Row[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('نامه‌ها');
  sheet.addRow(['شماره', 'نوع نامه', 'تاریخ', 'موضوع', 'فرستنده', 'متن', 'گیرنده']);
  for (const row of rows) sheet.addRow([...row, 'شهرداری اصفهان']);
  const path = join(t.dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

/** `n` letters from Florence (a partner) in 1403, numbered 1.. when `numbered`. */
function letters(n: number, numbered: boolean): Row[] {
  return Array.from({ length: n }, (_, i): Row => [
    numbered ? `${i + 1}/1403/ر ب` : null,
    i % 2 === 0 ? 'وارده' : 'صادره',
    `1403/${String(1 + (i % 12)).padStart(2, '0')}/10`,
    `نامه شماره ${i + 1} درباره هفته فرهنگی`,
    i % 2 === 0 ? 'فلورانس' : 'دفتر امور بین‌الملل',
    `متن نامه ${i + 1} با واژه کمیاب${i === 8 ? ' زعفران‌زار' : ''}`,
  ]);
}

async function run(path: string, extra: Partial<ImportRunInput> = {}) {
  const { preview } = await t.ok('import.preview', { path, target: 'letters' });
  return t.ok('import.run', { path, target: 'letters', mapping: preview!.mapping, ...extra });
}

async function count(table: 'letters' | 'audit_log' | 'register_counters' | 'search_docs' | 'letter_bodies') {
  const row = await t.desk.internals.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function snapshot() {
  return {
    letters: await count('letters'),
    bodies: await count('letter_bodies'),
    audit: await count('audit_log'),
    counters: await t.desk.internals.db.selectFrom('register_counters').selectAll().execute(),
    search: await count('search_docs'),
  };
}

describe('a large letter import', () => {
  beforeEach(async () => {
    await addPartner(t, 'فلورانس', 'Florence');
  });

  it('gives every letter its audit row naming the import, in a chain that verifies, and search finds them', async () => {
    const before = await count('audit_log');
    const path = await workbook('many.xlsx', letters(240, false));
    const report = await run(path);
    expect(report).toMatchObject({ imported: 240, refusedRows: 0 });
    const rows = (await t.ok('audit.list', { entity: 'letter', limit: 500 })).items.reverse();
    expect(rows).toHaveLength(240);
    expect(rows.every((r) => r.action === 'import.run' && r.before === null)).toBe(true);
    expect(rows.map((r) => (r.after as { importedFrom: { row: number } }).importedFrom.row)).toEqual(
      Array.from({ length: 240 }, (_, i) => i + 2),
    );
    // The audit row keeps the letter exactly as it is stored.
    const ninth = rows[8]!;
    const stored = await t.ok('letters.get', { id: ninth.entityId! });
    expect(ninth.after).toEqual({
      ...stored,
      importedFrom: { importId: report.importId, file: 'many.xlsx', row: 10 },
    });
    expect(stored.from.partner?.nameEn).toBe('Florence');
    expect(await count('audit_log')).toBe(before + 241);
    expect((await t.ok('audit.list', { entity: 'import' })).items[0]).toMatchObject({
      entityId: report.importId,
      after: { imported: 240 },
    });
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true, checked: before + 241 });

    const found = await t.ok('search.query', { text: 'زعفران‌زار' });
    expect(found.items.map((i) => i.id)).toEqual([stored.id]);
    const byNumber = await t.ok('letters.list', { text: stored.number });
    expect(byNumber.items.map((l) => l.id)).toContain(stored.id);
    expect(await count('search_docs')).toBe(240);
  });

  it('keeps the given numbers and numbers the rest after them, without gaps', async () => {
    const path = await workbook('mixed.xlsx', [
      ['5/1403/ر ب', 'وارده', '1403/02/01', 'پنجم', 'فلورانس', 'الف'],
      [null, 'وارده', '1403/02/02', 'بی‌شماره اول', 'فلورانس', 'ب'],
      ['3/1403/ر ب', 'صادره', '1403/02/03', 'سوم', 'فلورانس', 'پ'],
      [null, 'صادره', '1403/02/04', 'بی‌شماره دوم', 'فلورانس', 'ت'],
      [null, 'داخلی', '1404/01/20', 'سال بعد', 'فلورانس', 'ث'],
    ]);
    expect(await run(path)).toMatchObject({ imported: 5 });
    const list = (await t.ok('letters.list', { limit: 50, sort: { by: 'letterDate', direction: 'asc' } }))
      .items;
    expect(list.map((l) => [l.subject, l.number])).toEqual([
      ['پنجم', '5/1403/ر ب'],
      ['بی‌شماره اول', '6/1403/ر ب'],
      ['سوم', '3/1403/ر ب'],
      ['بی‌شماره دوم', '7/1403/ر ب'],
      ['سال بعد', '1/1404/ر ب'],
    ]);
    const next = await t.ok('letters.create', {
      direction: 'internal',
      letterDate: list[3]!.letterDate,
      from: { text: 'الف' },
      to: { text: 'ب' },
      subject: 'پس از واردشده‌ها',
    });
    expect(next.number).toBe('8/1403/ر ب');
    // A kept number is found by search in any digit script.
    const found = await t.ok('search.query', { text: '۳/۱۴۰۳' });
    expect(found.items.map((i) => i.id)).toContain(list[2]!.id);
  });

  it('writes nothing when cancelled part way through a large all-or-nothing import', async () => {
    const before = await snapshot();
    const path = await workbook('cancel.xlsx', letters(450, true));
    const off = t.desk.on('progress', (p) => {
      if (p.method === 'import.run' && p.phase === 'write' && p.done >= 200) t.desk.cancel(p.taskId);
    });
    const report = await run(path);
    off();
    expect(report).toMatchObject({ cancelled: true, imported: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    // Nothing half-remembered: the same file imports whole afterwards.
    expect(await run(path)).toMatchObject({ imported: 450 });
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a row refused while writing takes an all-or-nothing import back, and is skipped alone in skip-bad', async () => {
    const rows = letters(150, false);
    // A subject of direction marks only: valid text for the sheet, empty once cleaned.
    rows[120]![3] = '\u202e\u202c';
    const path = await workbook('late.xlsx', rows);
    // The sheet's checks pass it; only the letter's own checks, while writing, refuse it.
    const { preview } = await t.ok('import.preview', { path, target: 'letters' });
    expect(preview).toMatchObject({ valid: 150, refusedRows: 0 });
    const before = await snapshot();
    const all = await run(path);
    expect(all).toMatchObject({ imported: 0, refusedRows: 1, problems: [{ row: 122, field: 'subject' }] });
    expect(await snapshot()).toEqual(before);

    const some = await run(path, { mode: 'skip-bad' });
    expect(some).toMatchObject({ imported: 149, refusedRows: 1, problems: [{ row: 122 }] });
    expect(await count('letters')).toBe(149);
    expect(await count('audit_log')).toBe(before.audit + 150);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    // The refused row gave its number back: the numbers are 1..149 without a gap.
    const numbers = (
      await t.ok('letters.list', { limit: 200, sort: { by: 'number', direction: 'asc' } })
    ).items.map((l) => l.seq);
    expect(numbers).toEqual(Array.from({ length: 149 }, (_, i) => i + 1));
  });

  it('a letter the database refuses while writing a batch is named, and the rest of its batch is written', async () => {
    // A stand-in for a refusal only the database knows about (a constraint).
    await sql`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON letters
      WHEN NEW.subject = 'نامه شماره 30 درباره هفته فرهنگی'
      BEGIN SELECT RAISE(ABORT, 'refused by a constraint'); END`.execute(t.desk.internals.db);
    const path = await workbook('db.xlsx', letters(300, true));
    const before = await snapshot();
    const all = await run(path);
    expect(all).toMatchObject({ imported: 0, refusedRows: 1, problems: [{ row: 31 }] });
    expect(await snapshot()).toEqual(before);

    const some = await run(path, { mode: 'skip-bad' });
    expect(some).toMatchObject({ imported: 299, refusedRows: 1, problems: [{ row: 31 }] });
    const seqs = (
      await t.ok('letters.list', { limit: 300, sort: { by: 'number', direction: 'asc' } })
    ).items.map((l) => l.seq);
    expect(seqs).toEqual(Array.from({ length: 300 }, (_, i) => i + 1).filter((n) => n !== 30));
    expect(await count('audit_log')).toBe(before.audit + 300);
    expect(await count('search_docs')).toBe(299);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a number the register gives, and any number given twice in the file, and nothing else', async () => {
    const register = async (letterDate: string) =>
      (
        await t.ok('letters.create', {
          direction: 'internal',
          letterDate,
          from: { text: 'الف' },
          to: { text: 'ب' },
          subject: 'ثبت‌شده پیش از ورود',
        })
      ).number;
    // The register gives 1 and 2 of 1403 and 1 of 1404.
    expect([
      await register('2024-05-01'),
      await register('2024-05-02'),
      await register('2025-05-01'),
    ]).toEqual(['1/1403/ر ب', '2/1403/ر ب', '1/1404/ر ب']);
    const path = await workbook('kept.xlsx', [
      ['2/1403/ر ب', 'وارده', '1403/03/01', 'داده‌شده در دفتر', 'فلورانس', 'الف'],
      ['3/1403/ر ب', 'وارده', '1403/03/02', 'آزاد', 'فلورانس', 'ب'],
      ['2/1403/ر ب', 'وارده', '1403/03/03', 'داده‌شده، بار دوم', 'فلورانس', 'پ'],
      ['3/1403/ر ب', 'وارده', '1403/03/04', 'تکراری در پرونده', 'فلورانس', 'ت'],
      // Seq 2 is given in 1403, not in 1404.
      ['2/1404/ر ب', 'وارده', '1404/03/01', 'آزاد در سال دیگر', 'فلورانس', 'ث'],
    ]);
    const { preview } = await t.ok('import.preview', { path, target: 'letters' });
    expect(preview).toMatchObject({ valid: 2, refusedRows: 3 });
    expect(preview!.problems.map((p) => [p.row, p.field, p.code, p.value, p.message])).toEqual(
      [2, 4, 5].map((row) => [
        row,
        'number',
        'register_number',
        row === 5 ? '3/1403/ر ب' : '2/1403/ر ب',
        `${row === 5 ? '3/1403/ر ب' : '2/1403/ر ب'} is already given in the register.`,
      ]),
    );
    const report = await run(path, { mode: 'skip-bad' });
    expect(report).toMatchObject({ imported: 2, refusedRows: 3 });
    const numbers = (await t.ok('letters.list', { limit: 10, sort: { by: 'number', direction: 'asc' } }))
      .items;
    expect(numbers.map((l) => l.number).sort()).toEqual(
      ['1/1403/ر ب', '1/1404/ر ب', '2/1403/ر ب', '2/1404/ر ب', '3/1403/ر ب'].sort(),
    );
  });

  it('looks the kept numbers up in the register by its unique index, not by reading it', async () => {
    const plan = await queryPlan(
      t.desk.internals.db,
      registeredNumbersQuery([{ secretariat: 'main', jalaliYear: 1403, seq: 2 }]),
    );
    expect(plan).toMatch(
      /SEARCH l USING (COVERING )?INDEX \w+ \(jalali_year=\? AND seq=\? AND secretariat=\?\)/,
    );
    expect(plan).not.toMatch(/SCAN l\b/);
  });

  it('checks the rows again when the desk changed after they were checked, before writing', async () => {
    const path = await workbook('raced.xlsx', letters(20, true));
    let registered: Promise<unknown> | null = null;
    const off = t.desk.on('progress', (p) => {
      // Between the checks and the write: someone registers a letter of 1403, taking number 1.
      if (p.method === 'import.run' && p.phase === 'check' && p.done === p.total && p.total > 0) {
        registered ??= t.ok('letters.create', {
          direction: 'internal',
          letterDate: '2024-05-01',
          from: { text: 'الف' },
          to: { text: 'ب' },
          subject: 'ثبت در همان لحظه',
        });
      }
    });
    const report = await run(path);
    off();
    expect(await registered).toMatchObject({ number: '1/1403/ر ب' });
    expect(report).toMatchObject({
      imported: 0,
      refusedRows: 1,
      problems: [{ row: 2, field: 'number', code: 'register_number' }],
    });
    expect(await count('letters')).toBe(1);
  });
});
