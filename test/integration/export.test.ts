/**
 * Lists to Excel: the sheet's layout (right to left for Persian, header bold and frozen,
 * widths, dates in the calendar asked for), the filter honoured, the audit row, the save
 * dialog; and the promise that matters most: partners, contacts and letters exported from
 * the sample office import into an empty desk as the same records.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../shared/api/import.contract';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';

let source: TestDesk;
let out: string;

beforeAll(async () => {
  source = await openTestDesk();
  await source.ok('sample.load', {});
  out = tempDir('export-');
}, 60_000);
afterAll(async () => {
  await source.cleanup();
  rmSync(out, { recursive: true, force: true });
});

async function readSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as never);
  return workbook.worksheets[0]!;
}

function rowValues(sheet: ExcelJS.Worksheet, n: number): unknown[] {
  return (sheet.getRow(n).values as unknown[]).slice(1);
}

describe('the sheet', () => {
  it('is right to left in Persian with a bold frozen header, widths and Jalali dates in Persian digits', async () => {
    const path = join(out, 'letters.fa.xlsx');
    const result = await source.ok('export.list', { list: 'letters', filter: {}, language: 'fa', path });
    const total = (await source.ok('letters.list', { limit: 1 })).total;
    expect(result).toEqual({ cancelled: false, path, rows: total, bytes: readFileSync(path).length });

    const sheet = await readSheet(path);
    expect(sheet.name).toBe('نامه‌ها');
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(rowValues(sheet, 1).slice(0, 4)).toEqual(['شماره', 'نوع نامه', 'تاریخ', 'موضوع']);
    expect(sheet.getColumn(4).width).toBe(50);
    expect(sheet.rowCount).toBe(total + 1);
    // The newest letter first, as the register lists it; its date as Jalali text in Persian digits.
    const newest = (await source.ok('letters.list', { limit: 1 })).items[0]!;
    const row = rowValues(sheet, 2);
    expect(row[0]).toBe(newest.number.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!));
    expect(row[2]).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    expect(row[3]).toBe(newest.subject);
  });

  it('is left to right in English with real Excel dates', async () => {
    const path = join(out, 'letters.en.xlsx');
    await source.ok('export.list', {
      list: 'letters',
      filter: { direction: 'incoming' },
      language: 'en',
      path,
    });
    const sheet = await readSheet(path);
    expect(sheet.views[0]).toMatchObject({ rightToLeft: false, state: 'frozen', ySplit: 1 });
    const incoming = await source.ok('letters.list', { direction: 'incoming', limit: 500 });
    expect(sheet.rowCount).toBe(incoming.total + 1);
    const first = rowValues(sheet, 2);
    expect(first[1]).toBe('Incoming');
    expect(first[2]).toBeInstanceOf(Date);
    expect((first[2] as Date).toISOString().slice(0, 10)).toBe(incoming.items[0]!.letterDate);
  });

  it('writes events and the waiting approvals as the screens list them', async () => {
    const events = await source.ok('events.list', { limit: 500 });
    const path = join(out, 'events.xlsx');
    expect((await source.ok('export.list', { list: 'events', language: 'en', path })).rows).toBe(
      events.total,
    );
    expect(rowValues(await readSheet(path), 2)[0]).toBe(events.items[0]!.title);

    const waiting = await source.ok('approvals.waiting', { limit: 500 });
    const approvals = join(out, 'approvals.xlsx');
    expect(
      (await source.ok('export.list', { list: 'approvals', language: 'fa', path: approvals })).rows,
    ).toBe(waiting.length);
    expect(rowValues(await readSheet(approvals), 2)[2]).toBe(waiting[0]!.authorityNameFa);
  });

  it('is recorded in the audit trail; a closed save dialog writes and records nothing', async () => {
    const path = join(out, 'chosen');
    source.platform.nextSavePath = path;
    const result = await source.ok('export.list', {
      list: 'partners',
      filter: { kind: 'city' },
      language: 'fa',
    });
    expect(result.path).toBe(`${path}.xlsx`);
    expect(source.platform.lastFilters).toEqual([{ name: 'کارپوشه Excel', extensions: ['xlsx'] }]);
    const audit = await source.ok('audit.list', { entity: 'export', limit: 1 });
    expect(audit.items[0]).toMatchObject({
      action: 'export.list',
      after: {
        list: 'partners',
        filter: { kind: 'city' },
        language: 'fa',
        file: 'chosen.xlsx',
        rows: result.rows,
      },
    });

    source.platform.nextSavePath = null;
    const before = (await source.ok('audit.list', { limit: 1 })).total;
    expect(await source.ok('export.list', { list: 'partners', language: 'fa' })).toEqual({
      cancelled: true,
      path: null,
      rows: 0,
      bytes: 0,
    });
    expect((await source.ok('audit.list', { limit: 1 })).total).toBe(before);
  });

  it('refuses a path that is not an .xlsx in an existing folder', async () => {
    const wrong = await source.fail('export.list', {
      list: 'partners',
      language: 'fa',
      path: join(out, 'x.csv'),
    });
    expect(wrong).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['path'] }] });
    const missing = await source.fail('export.list', {
      list: 'partners',
      language: 'fa',
      path: join(out, 'nowhere', 'x.xlsx'),
    });
    expect(missing.code).toBe('VALIDATION');
  });
});

/** What a list shows of a record, by name rather than id, for comparing two desks. */
async function snapshot(t: TestDesk) {
  const partners = (await t.ok('partners.list', { limit: 500 })).items.map((p) => ({
    kind: p.kind,
    orgType: p.orgType,
    nameFa: p.nameFa,
    nameEn: p.nameEn,
    nameNative: p.nameNative,
    nativeLanguage: p.nativeLanguage,
    country: p.country,
    latitude: p.latitude,
    longitude: p.longitude,
    parent: p.parent?.nameFa ?? null,
    website: p.website,
    notes: p.notes,
    own: p.own,
  }));
  const contacts = (await t.ok('contacts.list', { limit: 500 })).items.map((c) => ({
    partner: c.partner?.nameFa ?? null,
    nameFa: c.nameFa,
    nameEn: c.nameEn,
    title: c.title,
    position: c.position,
    emails: c.emails,
    phones: c.phones,
    languages: c.languages,
    notes: c.notes,
  }));
  const party = (p: {
    partner: { nameFa: string } | null;
    contact: { nameFa: string } | null;
    text: string | null;
  }) => [p.partner?.nameFa ?? null, p.contact?.nameFa ?? null, p.contact || p.partner ? null : p.text];
  const letters = (
    await t.ok('letters.list', { limit: 500, sort: { by: 'number', direction: 'asc' } })
  ).items.map((l) => ({
    number: l.number,
    direction: l.direction,
    secretariat: l.secretariat,
    letterDate: l.letterDate,
    senderNumber: l.senderNumber,
    senderDate: l.senderDate,
    from: party(l.from),
    to: party(l.to),
    subject: l.subject,
    language: l.language,
    classification: l.classification,
    urgency: l.urgency,
    channel: l.channel,
    attachmentsCount: l.attachmentsCount,
    needsReply: l.needsReply,
    followUpDate: l.followUpDate,
  }));
  return { partners, contacts, letters };
}

describe('an export imports back to the same records', () => {
  it.each(['fa', 'en'] as const)(
    'in %s: partners, contacts and letters of the sample office',
    async (language) => {
      const target = await openTestDesk();
      try {
        for (const list of ['partners', 'contacts', 'letters'] as const satisfies readonly ImportTarget[]) {
          const path = join(out, `round-${language}-${list}.xlsx`);
          await source.ok('export.list', { list, language, path });
          const { preview } = await target.ok('import.preview', { path, target: list });
          expect(preview!.problems, `${list}: ${JSON.stringify(preview!.problems.slice(0, 3))}`).toEqual([]);
          const report = await target.ok('import.run', { path, target: list, mapping: preview!.mapping });
          expect(report.imported).toBe(preview!.rows);
        }
        const [before, after] = [await snapshot(source), await snapshot(target)];
        expect(after.partners).toEqual(before.partners);
        expect(after.contacts).toEqual(before.contacts);
        expect(after.letters).toEqual(before.letters);
        expect(after.letters.length).toBeGreaterThan(10);
      } finally {
        await target.cleanup();
      }
    },
    60_000,
  );
});
