/**
 * Importing an office's older registers: partners from a Windows-1256 CSV, contacts from a
 * UTF-8 CSV, letters from .xlsx with Jalali dates in Persian digits and with Gregorian dates;
 * the report of refused rows; all-or-nothing; cancel; damaged and protected files.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRunInput, ImportTarget } from '../../shared/api/import.contract';
import { fromJalali } from '../../shared/dates/jalali';
import { openTestDesk, type TestDesk } from '../helpers/desk';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => join(FIXTURES, name);

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

/** Previews a file and imports it with the guessed mapping. */
async function importFile(target: ImportTarget, name: string, extra: Partial<ImportRunInput> = {}) {
  const { preview } = await t.ok('import.preview', { path: fixture(name), target });
  if (!preview) throw new Error('no preview');
  return t.ok('import.run', { path: preview.path, target, mapping: preview.mapping, ...extra });
}

async function counts() {
  const db = t.desk.internals.db;
  const n = async (table: 'partners' | 'contacts' | 'letters' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    partners: await n('partners'),
    contacts: await n('contacts'),
    letters: await n('letters'),
    audit: await n('audit_log'),
  };
}

async function allPartners() {
  return (await t.ok('partners.list', { limit: 100, archived: 'all' })).items;
}

describe('partners from a Windows-1256 CSV', () => {
  it('reads the encoding and separator, guesses the mapping and writes every partner with its audit row', async () => {
    const { preview } = await t.ok('import.preview', {
      path: fixture('partners-1256.csv'),
      target: 'partners',
    });
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'windows-1256',
      separator: ';',
      rows: 7,
      valid: 7,
      problemsTotal: 0,
      mapping: {
        nameFa: 0,
        nameEn: 1,
        kind: 2,
        orgType: 3,
        country: 4,
        latitude: 5,
        longitude: 6,
        parent: 7,
        notes: 8,
        own: 9,
      },
    });
    // Windows-1256 wrote the Arabic ي and ك; the desk keeps the Persian letters.
    expect(preview!.headers[0]).toBe('نام');
    expect(preview!.sample[2]!.values).toMatchObject({ nameFa: 'کوالالامپور', country: 'MY', kind: 'city' });

    const changed: string[][] = [];
    t.desk.on('changed', (c) => changed.push(c.entities));
    const report = await t.ok('import.run', {
      path: preview!.path,
      target: 'partners',
      mapping: preview!.mapping,
    });
    // The partner lists and the import's own trail hear of it once.
    expect(changed).toHaveLength(1);
    expect(changed[0]).toEqual(expect.arrayContaining(['partner', 'import']));
    expect(report).toMatchObject({
      imported: 7,
      refusedRows: 0,
      cancelled: false,
      fileName: 'partners-1256.csv',
    });

    const partners = await allPartners();
    const byName = new Map(partners.map((p) => [p.nameEn, p]));
    expect(byName.get('New Julfa')).toMatchObject({
      nameFa: 'جلفای نو',
      kind: 'district',
      own: true,
      country: 'IR',
      parent: { nameFa: 'اصفهان' },
      notes: 'محله ارمنی‌نشین; با کلیسای وانک',
      latitude: 32.6314,
    });
    expect(byName.get('Ministry of Foreign Affairs')).toMatchObject({
      kind: 'organisation',
      orgType: 'ministry',
    });
    expect(byName.get('Florence')).toMatchObject({ country: 'IT', own: false });

    const audit = await t.ok('audit.list', { entity: 'partner', limit: 50 });
    expect(audit.items).toHaveLength(7);
    for (const entry of audit.items) {
      expect(entry.action).toBe('import.run');
      expect(entry.after).toMatchObject({
        importedFrom: { importId: report.importId, file: 'partners-1256.csv' },
      });
    }
    const summary = await t.ok('audit.list', { entity: 'import', entityId: report.importId });
    expect(summary.items[0]!.after).toMatchObject({
      file: 'partners-1256.csv',
      imported: 7,
      mode: 'all-or-nothing',
    });
    expect((await t.ok('audit.verify', {})).ok).toBe(true);

    // The search index follows, as for a partner typed in.
    const hits = await t.ok('search.query', { text: 'فرایبورگ' });
    expect(hits.items.map((h) => h.id)).toContain(byName.get('Freiburg')!.id);
  });

  it('refuses the same partners a second time as duplicates, and writes nothing', async () => {
    await importFile('partners', 'partners-1256.csv');
    const before = await counts();
    const report = await importFile('partners', 'partners-1256.csv');
    expect(report.imported).toBe(0);
    expect(report.refusedRows).toBe(7);
    expect(new Set(report.problems.map((p) => p.code))).toEqual(new Set(['duplicate']));
    expect(await counts()).toEqual(before);
  });

  it('refuses the wrong explicit encoding with a clear error', async () => {
    const error = await t.fail('import.preview', {
      path: fixture('partners-1256.csv'),
      target: 'partners',
      encoding: 'utf-8',
    });
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toMatch(/Windows-1256/);
  });
});

describe('contacts from a UTF-8 CSV', () => {
  it('finds partners by either name and splits addresses', async () => {
    await importFile('partners', 'partners-1256.csv');
    const { preview } = await t.ok('import.preview', {
      path: fixture('contacts-utf8.csv'),
      target: 'contacts',
    });
    expect(preview).toMatchObject({ encoding: 'utf-8', separator: ',', rows: 4, valid: 4 });
    expect(preview!.mapping).toEqual({
      nameFa: 0,
      nameEn: 1,
      partner: 2,
      title: 3,
      position: 4,
      emails: 5,
      phones: 6,
      languages: 7,
      notes: 8,
    });
    const report = await t.ok('import.run', {
      path: preview!.path,
      target: 'contacts',
      mapping: preview!.mapping,
    });
    expect(report.imported).toBe(4);
    const contacts = (await t.ok('contacts.list', { limit: 50 })).items;
    const maryam = contacts.find((c) => c.nameEn === 'Maryam Ahmadi')!;
    expect(maryam).toMatchObject({
      partner: { nameFa: 'اصفهان' },
      emails: ['m.ahmadi@isfahan.ir', 'intl@isfahan.ir'],
      phones: ['۰۳۱-۳۲۲۲۰۰۰۰'],
      languages: ['fa', 'en'],
      notes: '"Desk officer"\nfor Europe',
    });
    expect(contacts.find((c) => c.nameEn === 'Dario Nardella')!.partner?.nameEn).toBe('Florence');
    expect(contacts.find((c) => c.nameEn === 'Ahmad Zahid')!.partner?.nameEn).toBe('Kuala Lumpur');
  });

  it('reports a contact whose partner does not exist', async () => {
    const report = await importFile('contacts', 'contacts-utf8.csv', { mode: 'skip-bad' });
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'partner_not_found'],
      [3, 'partner_not_found'],
      [4, 'partner_not_found'],
      [5, 'partner_not_found'],
    ]);
    expect(report.problems[0]).toMatchObject({ field: 'partner', value: 'Florence' });
  });
});

describe('letters from .xlsx', () => {
  beforeEach(async () => {
    await importFile('partners', 'partners-1256.csv');
    await importFile('contacts', 'contacts-utf8.csv');
  });

  it('reads Jalali dates in Persian digits and keeps the register numbers; new letters continue after them', async () => {
    const { preview } = await t.ok('import.preview', {
      path: fixture('letters-jalali.xlsx'),
      target: 'letters',
    });
    expect(preview).toMatchObject({
      format: 'xlsx',
      sheets: ['نامه‌ها', 'راهنما'],
      sheet: 'نامه‌ها',
      rows: 5,
      valid: 5,
    });
    expect(preview!.mapping).toMatchObject({
      number: 0,
      direction: 1,
      letterDate: 2,
      subject: 3,
      from: 4,
      to: 5,
      senderNumber: 6,
      senderDate: 7,
      urgency: 8,
      attachmentsCount: 9,
      followUpDate: 10,
      body: 11,
    });
    expect(preview!.sample[0]!.values).toMatchObject({
      letterDate: fromJalali(1403, 2, 15),
      direction: 'incoming',
    });
    // Names that are no partner or contact stay as written, and the preview says which.
    expect(preview!.unmatched).toEqual([
      { field: 'from', name: 'دفتر امور بین‌الملل', rows: 1 },
      { field: 'to', name: 'معاونت شهرسازی', rows: 1 },
    ]);

    const report = await t.ok('import.run', {
      path: preview!.path,
      target: 'letters',
      mapping: preview!.mapping,
    });
    expect(report).toMatchObject({ imported: 5, refusedRows: 0 });
    const letters = (await t.ok('letters.list', { limit: 50, sort: { by: 'letterDate', direction: 'asc' } }))
      .items;
    expect(letters.map((l) => [l.number, l.letterDate])).toEqual([
      ['12/1403/ر ب', fromJalali(1403, 2, 15)],
      ['13/1403/ر ب', fromJalali(1403, 2, 20)],
      ['14/1403/ر ب', fromJalali(1403, 3, 5)],
      ['1/1404/ر ب', fromJalali(1404, 1, 18)],
      ['2/1404/ر ب', fromJalali(1404, 2, 1)],
    ]);
    const [first, second, third, fourth] = letters;
    expect(first).toMatchObject({
      direction: 'incoming',
      senderNumber: 'FI-2024-118',
      senderDate: fromJalali(1403, 2, 10),
      urgency: 'فوری',
      attachmentsCount: 2,
      followUpDate: fromJalali(1403, 3, 1),
      from: { partner: { nameEn: 'Florence' } },
      to: { partner: { nameEn: 'Isfahan' } },
    });
    // A contact by name: the letter goes to the person and so to their partner.
    expect(second!.to).toMatchObject({
      contact: { nameEn: 'Dario Nardella' },
      partner: { nameEn: 'Florence' },
    });
    expect(third!.senderDate).toBe(fromJalali(1403, 3, 1));
    expect(fourth).toMatchObject({
      direction: 'internal',
      from: { text: 'دفتر امور بین‌الملل', partner: null },
    });
    expect((await t.ok('letters.get', { id: fourth!.id })).body).toBe('گزارش سه‌صفحه‌ای');

    // The desk's own numbering continues after the highest imported number of each year.
    const next1403 = await t.ok('letters.create', {
      direction: 'internal',
      letterDate: fromJalali(1403, 6, 1),
      from: { text: 'الف' },
      to: { text: 'ب' },
      subject: 'بعد از واردشده‌ها',
    });
    expect(next1403.number).toBe('15/1403/ر ب');
    const next1404 = await t.ok('letters.create', {
      direction: 'internal',
      letterDate: fromJalali(1404, 6, 1),
      from: { text: 'الف' },
      to: { text: 'ب' },
      subject: 'بعد از واردشده‌ها',
    });
    expect(next1404.number).toBe('3/1404/ر ب');
    // A kept number is found by the register's text filter and by search.
    expect((await t.ok('letters.list', { text: '14/1403' })).items.map((l) => l.id)).toEqual([third!.id]);
  });

  it('refuses register numbers already given, and reads the sheet asked for', async () => {
    await importFile('letters', 'letters-jalali.xlsx');
    const { preview } = await t.ok('import.preview', {
      path: fixture('letters-jalali.xlsx'),
      target: 'letters',
    });
    expect(preview).toMatchObject({ valid: 0, refusedRows: 5 });
    expect(new Set(preview!.problems.map((p) => `${p.field}:${p.code}`))).toEqual(
      new Set(['number:register_number']),
    );

    const help = await t.ok('import.preview', {
      path: fixture('letters-jalali.xlsx'),
      target: 'letters',
      sheet: 'راهنما',
    });
    expect(help.preview).toMatchObject({
      sheet: 'راهنما',
      headers: ['این برگه راهنماست و وارد نمی‌شود.'],
      rows: 1,
    });
    const missing = await t.fail('import.preview', {
      path: fixture('letters-jalali.xlsx'),
      target: 'letters',
      sheet: 'Sheet9',
    });
    expect(missing).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['sheet'] }] });
  });

  it('reads Gregorian date cells, serial numbers and ISO text, and gives new register numbers', async () => {
    const { preview } = await t.ok('import.preview', {
      path: fixture('letters-gregorian.xlsx'),
      target: 'letters',
    });
    expect(preview!.unmatched.map((u) => u.name)).toEqual(['International Affairs', 'Urban Planning']);
    const report = await importFile('letters', 'letters-gregorian.xlsx');
    expect(report.imported).toBe(3);
    const letters = (await t.ok('letters.list', { limit: 50, sort: { by: 'letterDate', direction: 'asc' } }))
      .items;
    expect(letters.map((l) => [l.letterDate, l.direction, l.number])).toEqual([
      ['2024-05-06', 'incoming', '1/1403/ر ب'],
      ['2024-05-08', 'outgoing', '2/1403/ر ب'],
      ['2025-04-12', 'internal', '1/1404/ر ب'],
    ]);
    expect(letters[0]).toMatchObject({
      channel: 'email',
      needsReply: true,
      from: { partner: { nameEn: 'Kuala Lumpur' } },
    });
    expect(letters[1]).toMatchObject({ needsReply: false, to: { contact: { nameEn: 'Ahmad Zahid' } } });
  });

  it('with an explicit Gregorian calendar, refuses the Jalali dates it cannot read', async () => {
    const { preview } = await t.ok('import.preview', {
      path: fixture('letters-jalali.xlsx'),
      target: 'letters',
      calendar: 'gregorian',
    });
    expect(preview!.valid).toBe(0);
    expect(preview!.problems.filter((p) => p.field === 'letterDate').map((p) => p.code)).toEqual([
      'date',
      'date',
      'date',
      'date',
      'date',
    ]);
  });

  it('names every bad row and why; all-or-nothing writes nothing, skip-bad writes the good rows', async () => {
    const { preview } = await t.ok('import.preview', {
      path: fixture('letters-bad.xlsx'),
      target: 'letters',
    });
    expect(preview).toMatchObject({ rows: 7, valid: 2, refusedRows: 5 });
    expect(preview!.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'letterDate', 'date'],
      [4, 'direction', 'choice'],
      [5, 'subject', 'required'],
      [6, 'urgency', 'choice'],
      [8, 'number', 'register_number'],
    ]);
    expect(preview!.problems[0]!.value).toBe('۱۴۰۳/۱۳/۰۱');
    expect(preview!.sample.map((s) => s.ok)).toEqual([true, false, false, false, false, true, false]);

    const before = await counts();
    const all = await t.ok('import.run', {
      path: preview!.path,
      target: 'letters',
      mapping: preview!.mapping,
    });
    expect(all).toMatchObject({ imported: 0, refusedRows: 5, problemsTotal: 5, mode: 'all-or-nothing' });
    expect(await counts()).toEqual(before);

    const some = await t.ok('import.run', {
      path: preview!.path,
      target: 'letters',
      mapping: preview!.mapping,
      mode: 'skip-bad',
    });
    expect(some).toMatchObject({ imported: 2, refusedRows: 5 });
    expect(some.problems.map((p) => p.row)).toEqual([3, 4, 5, 6, 8]);
    const subjects = (await t.ok('letters.list', { limit: 50 })).items.map((l) => l.subject).sort();
    expect(subjects).toEqual(['نامه درست اول', 'نامه درست دوم']);
    expect((await counts()).audit).toBe(before.audit + 3);
  });

  it('refuses a run whose mapping leaves out a needed field', async () => {
    const { preview } = await t.ok('import.preview', {
      path: fixture('letters-jalali.xlsx'),
      target: 'letters',
    });
    const { subject: _subject, ...mapping } = preview!.mapping;
    const error = await t.fail('import.run', { path: preview!.path, target: 'letters', mapping });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['mapping', 'subject'] }] });
  });

  it('writes nothing when cancelled, by the task or by import.cancel', async () => {
    const before = await counts();
    const off = t.desk.on('progress', (p) => {
      if (p.method === 'import.run' && p.phase === 'write') t.desk.cancel(p.taskId);
    });
    const byTask = await importFile('letters', 'letters-jalali.xlsx');
    off();
    expect(byTask).toMatchObject({ cancelled: true, imported: 0 });
    expect(await counts()).toEqual(before);

    const runId = '01900000-0000-7000-8000-00000000c0de';
    const asked: Promise<unknown>[] = [];
    const off2 = t.desk.on('progress', (p) => {
      if (p.method === 'import.run' && p.phase === 'write') asked.push(t.ok('import.cancel', { runId }));
    });
    const byCall = await importFile('letters', 'letters-jalali.xlsx', { runId });
    off2();
    expect(await Promise.all(asked)).toContainEqual({ running: true });
    expect(byCall).toMatchObject({ cancelled: true, imported: 0 });
    expect(await counts()).toEqual(before);
    expect(await t.ok('import.cancel', { runId })).toEqual({ running: false });
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['corrupt.xlsx', 'CORRUPT', /damaged/],
    ['encrypted.xlsx', 'UNSUPPORTED_FILE', /password/],
    ['old-excel.xls', 'UNSUPPORTED_FILE', /97–2003/],
    ['empty.csv', 'UNSUPPORTED_FILE', /empty/],
    ['no-such-file.xlsx', 'NOT_FOUND', /does not exist/],
  ])('%s answers %s and nothing is written', async (name, code, message) => {
    const before = await counts();
    const preview = await t.fail('import.preview', { path: fixture(name), target: 'letters' });
    expect(preview.code).toBe(code);
    expect(preview.message).toMatch(message);
    const run = await t.fail('import.run', {
      path: fixture(name),
      target: 'partners',
      mapping: { nameFa: 0 },
    });
    expect(run.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('refuses a relative path', async () => {
    const error = await t.fail('import.preview', { path: 'partners.csv', target: 'partners' });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['path'] }] });
  });
});

describe('choosing the file', () => {
  it('asks the open dialog when no path is given, and answers cancelled when it is closed', async () => {
    t.platform.nextFiles = [fixture('partners-1256.csv')];
    const chosen = await t.ok('import.preview', { target: 'partners' });
    expect(chosen.preview).toMatchObject({ path: fixture('partners-1256.csv'), rows: 7 });
    expect(t.platform.lastFilters?.[0]?.extensions).toEqual(['xlsx', 'csv', 'txt']);
    t.platform.nextFiles = null;
    expect(await t.ok('import.preview', { target: 'partners' })).toEqual({ cancelled: true, preview: null });
  });
});
