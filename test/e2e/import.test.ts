/**
 * Import and export against a real core, in Persian: a workbook of letters with bad rows
 * goes through the wizard (file, columns with the refused rows named, mode, run, report),
 * and the register is exported to Excel from its list page with the list's filter.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, screenshot, setLocale, startHarness, type Harness } from './harness';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

describe('import and export', () => {
  let h: Harness;
  const out = mkdtempSync(join(tmpdir(), 'e2e-import-'));

  beforeAll(async () => {
    h = await startHarness({
      actor: 'm.ahmadi',
      seed: async (t) => {
        for (const [target, file] of [
          ['partners', 'partners-1256.csv'],
          ['contacts', 'contacts-utf8.csv'],
        ] as const) {
          const path = join(FIXTURES, file);
          const { preview } = await t.ok('import.preview', { path, target });
          await t.ok('import.run', { path, target, mapping: preview!.mapping });
        }
      },
    });
  });

  afterAll(async () => {
    await h?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('imports a workbook of letters through the wizard, naming the refused rows', async () => {
    const page = h.page;
    await h.open('/import');
    await expect
      .poll(() => page.getByRole('heading', { name: 'ورود اطلاعات از Excel و CSV' }).isVisible())
      .toBe(true);
    h.desk.platform.nextFiles = [join(FIXTURES, 'letters-bad.xlsx')];
    await page.getByTestId('import-choose').click();
    const counts = page.getByTestId('import-counts');
    await expect
      .poll(() => counts.textContent(), { timeout: 20_000 })
      .toBe('۷ ردیف؛ ۲ ردیف درست، ۵ ردیف با ایراد');
    const problems = page.getByTestId('import-problems');
    await expect.poll(() => problems.locator('tbody tr').count()).toBe(5);
    await expect.poll(() => problems.locator('tbody tr').first().textContent()).toContain('تاریخ خوانده نشد');
    // The guessed mapping: «تاریخ» went to the letter date, «شماره» to the register number.
    await expect
      .poll(() => page.locator('input[data-field="letterDate"]').inputValue())
      .toBe('ستون ۳: تاریخ');
    await expect.poll(() => page.locator('input[data-field="number"]').inputValue()).toBe('ستون ۱: شماره');

    await screenshot(page, '/import', 'fa', 'import', { fullPage: true });
    expect(await axeScan(page)).toEqual([]);
    await screenshot(page, '/import', 'en', 'import', { fullPage: true });
    expect(await axeScan(page)).toEqual([]);
    await setLocale(page, 'fa');

    await page.getByTestId('import-next').click();
    await page.getByLabel('ردیف‌های درست وارد شوند و ردیف‌های نادرست گزارش شوند').check();
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => report.textContent()).toContain('۲ رکورد وارد شد.');
    expect(await report.textContent()).toContain('۵ ردیف پذیرفته نشد.');
    const letters = await h.desk.ok('letters.list', { limit: 10 });
    expect(letters.items.map((l) => l.subject).sort()).toEqual(['نامه درست اول', 'نامه درست دوم']);
    h.assertClean();
  });

  it('says why a password-protected workbook cannot be read', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'ورود پرونده‌ای دیگر' }).click();
    h.desk.platform.nextFiles = [join(FIXTURES, 'encrypted.xlsx')];
    await page.getByTestId('import-choose').click();
    await expect
      .poll(() => page.getByTestId('import-error').textContent(), { timeout: 20_000 })
      .toContain('گذرواژه دارد');
    h.assertClean();
  });

  it('exports the register with its filter to a right-to-left sheet', async () => {
    const page = h.page;
    await h.open('/correspondence?direction=incoming');
    const file = join(out, 'incoming.xlsx');
    h.desk.platform.nextSavePath = file;
    await page.getByTestId('export-excel').click();
    await expect
      .poll(() => page.getByText(`۱ ردیف در Excel نوشته شد: \u2068${file}\u2069`).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(4).value).toBe('نامه درست اول');
    h.assertClean();
  });
});
