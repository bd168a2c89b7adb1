/**
 * DESIGN §5 "import 10,000 letters from .xlsx": a workbook of 10,000 letters with Jalali
 * dates in Persian digits, ~1 KB bodies and senders named after the desk's own partners,
 * previewed and then imported (all or nothing) into the working copy of the office-scale desk.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Desk } from '../electron/main/core';
import { toPersianDigits } from '../shared/text/digits';
import { caller } from './generate';
import { timeOnce } from './measure';
import type { Measured } from './operations';

const LETTERS = 10_000;

async function writeWorkbook(path: string, partnerNames: string[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('نامه‌ها', { views: [{ rightToLeft: true }] });
  sheet.addRow(['نوع نامه', 'تاریخ', 'موضوع', 'فرستنده', 'گیرنده', 'متن']);
  const body = 'با سلام و احترام، به استحضار می‌رساند برنامه همکاری فرهنگی و علمی دو شهر آماده است. '.repeat(
    12,
  );
  for (let i = 0; i < LETTERS; i++) {
    const partner = partnerNames[i % partnerNames.length]!;
    const incoming = i % 2 === 0;
    sheet.addRow([
      incoming ? 'وارده' : 'صادره',
      toPersianDigits(
        `1403/${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')}`,
      ),
      `درخواست همکاری در برگزاری هفته فرهنگی، نامه ${i}`,
      incoming ? partner : 'شهرداری اصفهان',
      incoming ? 'شهرداری اصفهان' : partner,
      body,
    ]);
  }
  await workbook.xlsx.writeFile(path);
}

export async function measureImport(desk: Desk, outDir: string): Promise<Measured> {
  const call = caller(desk);
  const partners = (await call('partners.list', { limit: 50 })).items.map((p) => p.nameFa);
  const path = join(outDir, 'letters-10000.xlsx');
  await writeWorkbook(path, partners);
  const preview = await timeOnce(() => call('import.preview', { path, target: 'letters' }));
  const mapping = preview.value.preview!.mapping;
  // How the user sees it go: how many progress events the run sends and the longest silence
  // between two of them (before the first, or after the last: the search index and the commit).
  let events = 0;
  let last = 0;
  let longestSilence = 0;
  const off = desk.on('progress', (p) => {
    if (p.method !== 'import.run') return;
    const now = performance.now();
    longestSilence = Math.max(longestSilence, now - last);
    last = now;
    events += 1;
  });
  last = performance.now();
  const run = await timeOnce(() => call('import.run', { path, target: 'letters', mapping }));
  off();
  longestSilence = Math.max(longestSilence, performance.now() - last);
  if (run.value.imported !== LETTERS) throw new Error(`imported ${run.value.imported} of ${LETTERS} letters`);
  const total = preview.wall + run.wall;
  return {
    operation: 'import 10,000 letters from .xlsx',
    target: '< 20 s',
    value: Math.round(total),
    unit: 'ms',
    pass: total < 20_000,
    note:
      `preview ${Math.round(preview.wall)} ms (cpu ${Math.round(preview.cpu)}), import ${Math.round(run.wall)} ms ` +
      `(cpu ${Math.round(run.cpu)}); ${events} progress events, longest silence ${Math.round(longestSilence)} ms`,
  };
}
