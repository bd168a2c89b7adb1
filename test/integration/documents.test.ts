/**
 * Every kind of Word document in Persian and English, exported from a real desk, unzipped
 * and parsed strictly: Persian paragraphs bidirectional, Persian runs right to left with
 * the complex-script font, Persian tables right to left, Persian digits, the expected texts
 * in order, the fonts embedded, and nothing a document must never carry.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionOf } from '../../electron/main/core/documents/bidi-text';
import type { DocumentExportInput } from '../../shared/api/documents.contract';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { seedDocumentsWorld, TEXTS, type DocumentsWorld } from './documents.fixtures';
import {
  bodyText,
  dangers,
  expectInOrder,
  hasPersian,
  headerFooterParts,
  openDocx,
  paragraphsIn,
  tablesIn,
  type DocxPackage,
} from './documents.inspect';

let t: TestDesk;
let w: DocumentsWorld;
let out: string;

beforeAll(async () => {
  // "Today" on the desk is 2025-05-05 (15 Ordibehesht 1404).
  t = await openTestDesk();
  w = await seedDocumentsWorld((method, input) => t.ok(method, input));
  out = tempDir('documents-');
});
afterAll(async () => {
  await t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

let counter = 0;
async function exportDoc(input: Omit<DocumentExportInput, 'path'>): Promise<DocxPackage> {
  const path = join(out, `doc-${++counter}.docx`);
  const result = await t.ok('documents.export', { ...input, path });
  expect(result).toEqual({ cancelled: false, path, bytes: readFileSync(path).length });
  return openDocx(readFileSync(path));
}

/** What every Persian document must be: DESIGN §3 "Word documents". */
function expectPersianLayout(pkg: DocxPackage): void {
  const parts = [pkg.document, ...headerFooterParts(pkg)];
  let persianParagraphs = 0;
  for (const part of parts) {
    for (const p of paragraphsIn(part)) {
      if (!hasPersian(p.text)) continue;
      persianParagraphs++;
      // A paragraph that begins in Persian is right to left; an English or Italian sentence
      // that names a Persian place stays left to right.
      if (directionOf(p.text) === 'rtl') expect(p.bidi, p.text).toBe(true);
      for (const r of p.runs.filter((run) => hasPersian(run.text))) {
        expect(r.rtl, r.text).toBe(true);
        expect(r.fonts.cs, r.text).toBe('Vazirmatn');
        expect(r.lang, r.text).toEqual({ val: 'fa-IR', bidi: 'fa-IR' });
        expect(r.sizeCs, r.text).not.toBeNull();
        if (r.bold) expect(r.boldCs, r.text).toBe(true);
      }
      // Persian digits as characters: no ASCII digit in a right-to-left run.
      for (const r of p.runs.filter((run) => run.rtl)) expect(r.text, r.text).not.toMatch(/[0-9]/);
    }
    for (const table of tablesIn(part)) expect(table.bidiVisual, table.text.slice(0, 60)).toBe(true);
  }
  expect(persianParagraphs).toBeGreaterThan(5);
}

/** What every English document must be: left to right, Latin runs not right to left. */
function expectEnglishLayout(pkg: DocxPackage): void {
  for (const p of paragraphsIn(pkg.document)) {
    if (hasPersian(p.text)) {
      for (const r of p.runs.filter((run) => hasPersian(run.text))) expect(r.rtl, r.text).toBe(true);
    } else {
      expect(p.bidi, p.text).not.toBe(true);
    }
    for (const r of p.runs.filter((run) => /[A-Za-z]/.test(run.text) && !hasPersian(run.text))) {
      expect(r.rtl, r.text).toBe(false);
    }
  }
}

function expectClean(pkg: DocxPackage): void {
  expect(dangers(pkg)).toEqual([]);
  expect(pkg.paths.filter((p) => p.startsWith('word/fonts/'))).not.toHaveLength(0);
  expect(pkg.xml.get('word/fontTable.xml')).toMatch(/w:embedRegular/);
}

describe('an official letter', () => {
  it('in Persian follows the administrative layout, classification on every page', async () => {
    const letter = await t.ok('letters.get', { id: w.outgoingLetter });
    const pkg = await exportDoc({ kind: 'letter', id: w.outgoingLetter, language: 'fa' });
    expectClean(pkg);
    expectPersianLayout(pkg);
    const number = letter.number.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expectInOrder(bodyText(pkg), [
      'بسمه تعالی',
      'شماره: ',
      number,
      'تاریخ: ',
      '۱۴۰۴/۰۱/۱۰',
      'پیوست: ',
      '۲ مورد',
      'فوری',
      'H.E. ساره فونارو',
      'Mayor of Florence',
      'موضوع: ',
      TEXTS.outgoingSubject,
      'عطف به نامه شماره FI-2025/118 مورخ ۱۴۰۴/۰۱/۰۲',
      'با سلام و احترام،',
      'هیئت ۱۲ نفره این شهرداری در تاریخ 7 April 2025 عازم فلورانس',
      'World Cities Summit 2026',
      'علی رضایی',
      'مدیرکل ارتباطات و امور بین‌الملل',
      'رونوشت:',
      'معاونت امور بین‌الملل شهرداری اصفهان جهت اطلاع',
      'جهت اقدام',
      'دبیرخانه جهت بایگانی',
    ]);
    for (const part of headerFooterParts(pkg)) {
      const text = paragraphsIn(part)
        .map((p) => p.text)
        .join('\n');
      if (text.trim() !== '') expect(text).toContain('طبقه‌بندی: محرمانه');
    }
    // The subject sits at the right margin: a bidirectional paragraph whose raw jc is "left".
    const subject = paragraphsIn(pkg.document).find((p) => p.text.startsWith('موضوع'))!;
    expect(subject).toMatchObject({ bidi: true, jc: 'left' });
    // The Latin words of the body are runs of their own, not right to left.
    const latin = paragraphsIn(pkg.document)
      .flatMap((p) => p.runs)
      .find((r) => r.text.includes('World Cities Summit'))!;
    expect(latin.rtl).toBe(false);
  });

  it('in English is an international letter with Gregorian dates and the classification in capitals', async () => {
    const pkg = await exportDoc({ kind: 'letter', id: w.englishLetter, language: 'en' });
    expectClean(pkg);
    expectEnglishLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'Directorate-General of Communications and International Affairs',
      '1 April 2025',
      'Our ref. ',
      'With reference to your letter no. FI-2025/118 of 22 March 2025',
      'H.E. Sara Funaro',
      'Mayor of Florence',
      `Subject: ${TEXTS.englishSubject}`,
      'Your Excellency,',
      'We are pleased to confirm',
      'Yours sincerely,',
      'Ali Rezaei',
      'cc:',
      'Embassy of Italy in Tehran – for information',
    ]);
    expect(bodyText(pkg)).not.toMatch(/فروردین|اردیبهشت|۱۴۰۴/);
    const persian = await exportDoc({ kind: 'letter', id: w.englishLetter, language: 'fa' });
    // An English letter laid out the Persian way keeps its English paragraphs left to right.
    const body = paragraphsIn(persian.document).find((p) => p.text.startsWith('We are pleased'))!;
    expect(body.bidi).toBe(false);
  });
});

describe('an agreement', () => {
  it('prints the draft side by side, one column per language, each cell in its own direction', async () => {
    const pkg = await exportDoc({ kind: 'agreement', id: w.draftMou, language: 'fa' });
    expectClean(pkg);
    expectPersianLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'تفاهم‌نامه',
      TEXTS.mouTitle,
      'فارسی',
      'English',
      'Italiano',
      'طرفین',
      'Parties',
      'Parti',
      'ماده ۱',
      TEXTS.clauseFa,
      'Article 1',
      TEXTS.clauseEn,
      'Articolo 1',
      TEXTS.clauseIt,
      'ماده ۲',
      'Article 2',
      'Articolo 2',
      'تنظیم‌شده در Firenze',
      'Done at Firenze on',
      'Fatto a Firenze, il',
      'از طرف اصفهان',
      'نام: علیرضا قاری قرآن',
      'از طرف فلورانس',
      'نام: Sara Funaro',
    ]);
    const english = paragraphsIn(pkg.document).find((p) => p.text === TEXTS.clauseEn)!;
    expect(english.bidi).toBe(false);
    const headers = headerFooterParts(pkg).map((d) =>
      paragraphsIn(d)
        .map((p) => p.text)
        .join(' '),
    );
    expect(headers.join(' ')).toContain('پیش‌نویس – نسخه ۲ (در دست تدوین)');
    expect([...pkg.xml.values()].some((x) => /v:textpath[^>]*string="DRAFT"/.test(x))).toBe(true);
  });

  it('prints a saved version in the chosen columns, or in one language without a table', async () => {
    const two = await exportDoc({
      kind: 'agreement',
      id: w.draftMou,
      language: 'en',
      languages: ['en', 'fa'],
      version: 1,
    });
    expectClean(two);
    expectEnglishLayout(two);
    expectInOrder(bodyText(two), [
      'English',
      'فارسی',
      'Article 1',
      TEXTS.clauseEn,
      'ماده ۱',
      TEXTS.clauseFa,
      'For Isfahan',
    ]);
    expect(bodyText(two)).not.toContain('Articolo');
    const banner = headerFooterParts(two)
      .map((d) =>
        paragraphsIn(d)
          .map((p) => p.text)
          .join(' '),
      )
      .join(' ');
    expect(banner).toContain('DRAFT – version 1');
    expect(banner).not.toContain('working text');

    const one = await exportDoc({ kind: 'agreement', id: w.draftMou, language: 'en', languages: ['it'] });
    expect(tablesIn(one.document)).toHaveLength(1); // the signature blocks only
    expectInOrder(bodyText(one), ['Parti', 'Articolo 1', TEXTS.clauseIt, 'Articolo 2', 'Fatto a Firenze']);
  });

  it('prints a signed agreement without the draft banner or watermark', async () => {
    const pkg = await exportDoc({ kind: 'agreement', id: w.signedAgreement, language: 'fa' });
    expectPersianLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'موافقت‌نامه خواهرخواندگی',
      'دو شهر تاریخی اصفهان و فلورانس',
      'Le due città storiche',
      'تنظیم‌شده در Isfahan، به تاریخ ۲۰ فروردین ۱۴۰۴',
      'Fatto a Isfahan, il 09.04.2025',
    ]);
    expect([...pkg.xml.values()].some((x) => x.includes('DRAFT') || x.includes('پیش‌نویس'))).toBe(false);
  });

  it('refuses columns the agreement is not written in', async () => {
    const error = await t.fail('documents.export', {
      kind: 'agreement',
      id: w.draftMou,
      language: 'fa',
      languages: ['ru'],
      path: join(out, 'ru.docx'),
    });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('a partner briefing', () => {
  it('has a cover, a contents page with page references, the map and every section in Persian', async () => {
    const pkg = await exportDoc({ kind: 'partnerBriefing', id: w.florence, language: 'fa' });
    expectClean(pkg);
    expectPersianLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'گزارش توجیهی دیدار',
      'فلورانس',
      'Florence  ·  Firenze',
      'ایتالیا',
      'تاریخ تهیه: ',
      '۱۵ اردیبهشت ۱۴۰۴',
      'تهیه‌کننده: ',
      'مریم احمدی',
      'فهرست مطالب',
      'مشخصات و موقعیت',
      'مخاطبان کلیدی',
      'مشخصات و موقعیت',
      '۴۳٫۷۷° شمالی، ۱۱٫۲۵° شرقی',
      'روابط',
      'خواهرخواندگی',
      'سوابق ۲۴ ماه اخیر',
      TEXTS.englishSubject,
      TEXTS.outgoingSubject,
      'توافق‌نامه‌ها',
      TEXTS.mouTitle,
      'پرونده‌های باز',
      'تدوین تفاهم‌نامه مرمت',
      'نامه‌های در انتظار پاسخ',
      TEXTS.englishSubject,
      'رویدادهای پیش رو',
      'سفر هیئت فلورانس به اصفهان',
      'مخاطبان کلیدی',
      'H.E. ساره فونارو',
      'sindaco@comune.fi.it',
    ]);
    expect(pkg.paths.some((p) => /^word\/media\/.+\.png$/.test(p))).toBe(true);
    const refs = [...pkg.document.getElementsByTagName('w:instrText')].map((i) => i.textContent);
    expect(refs).toEqual([
      'PAGEREF _TocFacts \\h',
      'PAGEREF _TocRelationships \\h',
      'PAGEREF _TocActivity \\h',
      'PAGEREF _TocAgreements \\h',
      'PAGEREF _TocCases \\h',
      'PAGEREF _TocLetters \\h',
      'PAGEREF _TocEvents \\h',
      'PAGEREF _TocContacts \\h',
    ]);
    const bookmarks = [...pkg.document.getElementsByTagName('w:bookmarkStart')].map((b) =>
      b.getAttribute('w:name'),
    );
    expect(bookmarks).toEqual(expect.arrayContaining(['_TocFacts', '_TocContacts']));
    expect(pkg.xml.get('word/settings.xml')).toMatch(/w:updateFields/);
  });

  it('is in English with Gregorian dates', async () => {
    const pkg = await exportDoc({ kind: 'partnerBriefing', id: w.florence, language: 'en' });
    expectClean(pkg);
    expectEnglishLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'Briefing',
      'Florence',
      'Prepared on: 5 May 2025',
      'Contents',
      'Facts and position',
      '43.77° N, 11.25° E',
      'Relationships',
      'Sister city',
      'The last 24 months',
      'Agreements',
      'Open cases',
      'Letters awaiting reply',
      'Upcoming events',
      '2025-06-15',
      'Key contacts',
    ]);
  });
});

describe('an event brief', () => {
  it('tells objectives, programme, delegation with passport and visa status, approvals, gifts and outcome', async () => {
    const pkg = await exportDoc({ kind: 'eventBrief', id: w.event, language: 'fa' });
    expectClean(pkg);
    expectPersianLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'گزارش رویداد',
      TEXTS.eventTitle,
      'هفته فرهنگی',
      '۱۸ فروردین ۱۴۰۴ تا ۲۵ فروردین ۱۴۰۴',
      'Palazzo Vecchio, Firenze',
      'اهداف',
      'معرفی میراث فرهنگی و صنایع‌دستی اصفهان.',
      'برنامه',
      'نمایشگاه صنایع‌دستی اصفهان',
      'Concerto di musica persiana',
      'هیئت',
      'رضا کریمی',
      'رئیس هیئت',
      'کمتر از شش ماه اعتبار',
      'صادرشده',
      'نگار موسوی',
      'درخواست‌شده',
      'وضعیت مجوزها',
      'موافقت',
      'در انتظار پاسخ',
      'هدایا',
      'قلمکار اصفهان',
      '۳۵۰ EUR',
      'نتیجه',
      'بیش از ۱۲۰۰۰ نفر',
    ]);
    // The passport's validity travels with the brief, not its number.
    expect(bodyText(pkg)).not.toContain('P12345678');
    const english = await exportDoc({ kind: 'eventBrief', id: w.event, language: 'en' });
    expectEnglishLayout(english);
    expectInOrder(bodyText(english), [
      'Event brief',
      '7 April 2025 – 14 April 2025',
      'Objectives',
      'Programme',
      'Delegation',
      'Less than six months valid',
      'Approvals',
      'Gifts',
      '350 EUR',
      'Outcome',
    ]);
  });
});

describe('an activity report', () => {
  it('counts a Jalali quarter: letters, cases, events, partners, turnaround and agreements', async () => {
    const pkg = await exportDoc({
      kind: 'activityReport',
      period: { year: 1404, quarter: 1 },
      language: 'fa',
    });
    expectClean(pkg);
    expectPersianLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'گزارش عملکرد',
      'فصل اول سال ۱۴۰۴ (۱ فروردین ۱۴۰۴ تا ۳۱ خرداد ۱۴۰۴)',
      'خلاصه',
      'وارده ۱، صادره ۲، داخلی ۰ (جمع ۳)',
      'گشوده ۲',
      '۲ رویداد',
      'امضای جدید ۱، تمدید ۰',
      'مکاتبات در هر ماه',
      'فروردین ۱۴۰۴',
      '۳',
      'اردیبهشت ۱۴۰۴',
      'خرداد ۱۴۰۴',
      'فعالیت به تفکیک شریک',
      'فلورانس',
      '۳ / ۲ / ۲',
      'زمان پاسخ مراجع تصویب',
      'توافق‌نامه‌های جدید',
      'موافقت‌نامه خواهرخواندگی اصفهان و فلورانس',
    ]);
    // The bars are pictures; the numbers and names stay text.
    expect(pkg.paths.filter((p) => p.startsWith('word/media/')).length).toBeGreaterThan(0);
  });

  it('covers a whole year in English', async () => {
    const pkg = await exportDoc({ kind: 'activityReport', period: { year: 1404 }, language: 'en' });
    expectClean(pkg);
    expectEnglishLayout(pkg);
    expectInOrder(bodyText(pkg), [
      'Activity report',
      'The year 1404 SH (21 March 2025 – 20 March 2026)',
      '1 incoming, 2 outgoing, 0 internal (3 in all)',
      'Letters per month',
      'Farvardin 1404',
      'Esfand 1404',
      'Approval turnaround per authority',
      'Renewed agreements',
    ]);
  });
});

describe('the export', () => {
  it('reports progress and leaves an audit row naming the record and the file', async () => {
    const phases: string[] = [];
    const off = t.desk.on('progress', (p) => {
      if (p.method === 'documents.export') phases.push(p.phase);
    });
    await exportDoc({ kind: 'letter', id: w.outgoingLetter, language: 'fa' });
    off();
    expect(phases).toEqual(['read', 'build', 'save', 'done']);
    const [row] = (await t.ok('audit.list', { entity: 'document', limit: 1 })).items;
    expect(row).toMatchObject({
      action: 'documents.export',
      entityId: w.outgoingLetter,
      after: {
        kind: 'letter',
        record: 'letter',
        language: 'fa',
        file: `doc-${counter}.docx`,
        classification: 'محرمانه',
      },
    });
  });
});
