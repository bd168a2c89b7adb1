/**
 * Where a document is written: through the save dialog (a Persian-safe default name; a
 * closed dialog writes nothing and records nothing), or to a given path, which must be a
 * full .docx path in a folder that exists. The file is written whole or not at all.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { seedDocumentsWorld, type DocumentsWorld } from './documents.fixtures';
import { openDocx } from './documents.inspect';

let t: TestDesk;
let w: DocumentsWorld;
let out: string;

beforeAll(async () => {
  t = await openTestDesk();
  w = await seedDocumentsWorld((method, input) => t.ok(method, input));
  out = tempDir('documents-file-');
});
afterAll(async () => {
  await t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const UNKNOWN = '01900000-0000-7000-8000-0000000000ff';

async function documentAuditCount(): Promise<number> {
  return (await t.ok('audit.list', { entity: 'document', limit: 1 })).total;
}

/** Answers the save dialog with `answer` and records what it was asked. */
function dialog(answer: (defaultName: string) => string | null): {
  asked: { defaultName: string; extensions: string[] }[];
} {
  const asked: { defaultName: string; extensions: string[] }[] = [];
  t.platform.chooseSavePath = async (options) => {
    asked.push({
      defaultName: options.defaultName,
      extensions: options.filters?.flatMap((f) => f.extensions) ?? [],
    });
    return answer(options.defaultName);
  };
  return { asked };
}

describe('the save dialog', () => {
  it('offers a Persian name without path separators and writes where the user chose', async () => {
    const { asked } = dialog((name) => join(out, name));
    const result = await t.ok('documents.export', { kind: 'letter', id: w.outgoingLetter, language: 'fa' });
    const letter = await t.ok('letters.get', { id: w.outgoingLetter });
    const [seq, year] = letter.number.split('/');
    const digits = (s: string) => s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(asked).toEqual([
      { defaultName: `نامه ${digits(seq!)}-${digits(year!)}-ر ب.docx`, extensions: ['docx'] },
    ]);
    expect(result).toMatchObject({ cancelled: false, path: join(out, asked[0]!.defaultName) });
    expect(() => openDocx(readFileSync(result.path!))).not.toThrow();
  });

  it('names briefings, reports and agreements after what they are', async () => {
    const { asked } = dialog(() => null);
    await t.ok('documents.export', { kind: 'partnerBriefing', id: w.florence, language: 'fa' });
    await t.ok('documents.export', { kind: 'partnerBriefing', id: w.florence, language: 'en' });
    await t.ok('documents.export', {
      kind: 'activityReport',
      period: { year: 1404, quarter: 2 },
      language: 'fa',
    });
    await t.ok('documents.export', { kind: 'activityReport', period: { year: 1404 }, language: 'en' });
    await t.ok('documents.export', { kind: 'agreement', id: w.draftMou, language: 'en' });
    expect(asked.map((a) => a.defaultName)).toEqual([
      'گزارش توجیهی فلورانس.docx',
      'Briefing Florence.docx',
      'گزارش عملکرد ۱۴۰۴ فصل دوم.docx',
      'Activity report 1404.docx',
      'تفاهم‌نامه همکاری فرهنگی اصفهان و فلورانس - DRAFT – version 2.docx',
    ]);
  });

  it('writes nothing and records nothing when the user closes it', async () => {
    dialog(() => null);
    const before = await documentAuditCount();
    const files = readdirSync(out).length;
    const result = await t.ok('documents.export', { kind: 'eventBrief', id: w.event, language: 'fa' });
    expect(result).toEqual({ cancelled: true, path: null, bytes: 0 });
    expect(await documentAuditCount()).toBe(before);
    expect(readdirSync(out)).toHaveLength(files);
  });

  it('adds .docx to a name typed without it', async () => {
    dialog(() => join(out, 'بدون پسوند'));
    const result = await t.ok('documents.export', { kind: 'letter', id: w.englishLetter, language: 'en' });
    expect(result.path).toBe(join(out, 'بدون پسوند.docx'));
    expect(existsSync(join(out, 'بدون پسوند.docx'))).toBe(true);
  });
});

describe('a given path', () => {
  it('replaces an earlier document at the same path, leaving no temporary file', async () => {
    const path = join(out, 'replace.docx');
    writeFileSync(path, 'an older document');
    const result = await t.ok('documents.export', {
      kind: 'agreement',
      id: w.draftMou,
      language: 'fa',
      path,
    });
    expect(result.bytes).toBe(readFileSync(path).length);
    expect(() => openDocx(readFileSync(path))).not.toThrow();
    expect(readdirSync(out).filter((f) => f.endsWith('.docx-part'))).toEqual([]);
  });

  it.each([
    ['a relative path', 'relative.docx'],
    ['a path that is not a .docx', '/tmp/document.txt'],
    ['a folder that does not exist', '/no/such/folder/document.docx'],
  ])('refuses %s with VALIDATION and records nothing', async (_, path) => {
    const before = await documentAuditCount();
    const error = await t.fail('documents.export', {
      kind: 'letter',
      id: w.outgoingLetter,
      language: 'fa',
      path,
    });
    expect(error.code).toBe('VALIDATION');
    expect(await documentAuditCount()).toBe(before);
  });

  it('refuses a path naming a folder', async () => {
    const folder = join(out, 'folder.docx');
    mkdirSync(folder);
    const error = await t.fail('documents.export', {
      kind: 'letter',
      id: w.outgoingLetter,
      language: 'fa',
      path: folder,
    });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('the input', () => {
  it.each([
    ['a record kind without its id', { kind: 'letter', language: 'fa' }],
    ['a report without its period', { kind: 'activityReport', language: 'fa' }],
    [
      'a quarter that does not exist',
      { kind: 'activityReport', language: 'fa', period: { year: 1404, quarter: 5 } },
    ],
    ['columns for a letter', { kind: 'letter', id: UNKNOWN, language: 'fa', languages: ['fa'] }],
    ['a version for a briefing', { kind: 'partnerBriefing', id: UNKNOWN, language: 'fa', version: 1 }],
    ['a third language', { kind: 'letter', id: UNKNOWN, language: 'de' }],
    ['an unknown field', { kind: 'letter', id: UNKNOWN, language: 'fa', template: 'x.dotm' }],
    ['a path with a NUL', { kind: 'letter', id: UNKNOWN, language: 'fa', path: '/tmp/a\u0000.docx' }],
  ])('refuses %s with VALIDATION', async (_, input) => {
    expect((await t.fail('documents.export', input)).code).toBe('VALIDATION');
  });

  it.each([
    ['letter', { kind: 'letter' }],
    ['agreement', { kind: 'agreement' }],
    ['partner', { kind: 'partnerBriefing' }],
    ['event', { kind: 'eventBrief' }],
  ])('answers NOT_FOUND for an unknown %s', async (_, input) => {
    const error = await t.fail('documents.export', {
      ...input,
      id: UNKNOWN,
      language: 'fa',
      path: join(out, 'x.docx'),
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(existsSync(join(out, 'x.docx'))).toBe(false);
  });

  it('answers NOT_FOUND for a version that was never saved', async () => {
    const error = await t.fail('documents.export', {
      kind: 'agreement',
      id: w.draftMou,
      language: 'fa',
      version: 9,
      path: join(out, 'v9.docx'),
    });
    expect(error.code).toBe('NOT_FOUND');
  });
});
