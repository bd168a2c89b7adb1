/**
 * Word documents, in Persian, against a real core: a letter and a partner briefing from
 * their pages, the activity report of a solar quarter, and a cancelled save dialog.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type Harness } from './harness';

describe('documents', () => {
  let h: Harness;
  const out = mkdtempSync(join(tmpdir(), 'e2e-docs-'));

  beforeAll(async () => {
    h = await startHarness({ actor: 'm.ahmadi', seed: async (t) => void (await t.ok('sample.load', {})) });
  });

  afterAll(async () => {
    await h?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const isDocx = (path: string) => readFileSync(path).subarray(0, 2).toString('latin1') === 'PK';

  it('writes a letter and a partner briefing from their pages', async () => {
    const page = h.page;
    const letter = (await h.desk.ok('letters.list', { limit: 1 })).items[0]!;
    await h.open(`/correspondence/${letter.id}`);
    const letterFile = join(out, 'letter.docx');
    h.desk.platform.nextSavePath = letterFile;
    await page.getByTestId('export-word').click();
    await page.getByRole('menuitem', { name: 'Word به فارسی' }).click();
    await expect
      .poll(() => page.getByText(`پروندهٔ Word نوشته شد: \u2068${letterFile}\u2069`).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(isDocx(letterFile)).toBe(true);

    const partner = (await h.desk.ok('relationships.list', { limit: 1 })).items[0]!.partner;
    await h.open(`/partners/${partner.id}`);
    const briefing = join(out, 'briefing.docx');
    h.desk.platform.nextSavePath = briefing;
    await page.getByTestId('export-word').click();
    await page.getByRole('menuitem', { name: 'Word به انگلیسی' }).click();
    await expect
      .poll(() => page.getByText(`پروندهٔ Word نوشته شد: \u2068${briefing}\u2069`).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(isDocx(briefing)).toBe(true);
    h.assertClean();
  });

  it('writes an agreement with its languages side by side and an event brief from their pages', async () => {
    const page = h.page;
    const agreement = (await h.desk.ok('agreements.list', { limit: 1 })).items[0]!;
    await h.open(`/agreements/${agreement.id}`);
    const agreementFile = join(out, 'agreement.docx');
    h.desk.platform.nextSavePath = agreementFile;
    await page.getByTestId('export-word').click();
    await page.getByRole('menuitem', { name: 'Word به فارسی' }).click();
    await expect
      .poll(() => page.getByText(`پروندهٔ Word نوشته شد: \u2068${agreementFile}\u2069`).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(isDocx(agreementFile)).toBe(true);

    const event = (await h.desk.ok('events.list', { limit: 1 })).items[0]!;
    await h.open(`/events/${event.id}`);
    const brief = join(out, 'event.docx');
    h.desk.platform.nextSavePath = brief;
    await page.getByTestId('export-word').click();
    await page.getByRole('menuitem', { name: 'Word به انگلیسی' }).click();
    await expect
      .poll(() => page.getByText(`پروندهٔ Word نوشته شد: \u2068${brief}\u2069`).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(isDocx(brief)).toBe(true);
    h.assertClean();
  });

  it('makes the activity report of a quarter, and says so when the save is cancelled', async () => {
    const page = h.page;
    await h.open('/documents');
    await page.getByLabel('فصل', { exact: true }).first().click();
    await page.getByRole('option', { name: 'بهار (فروردین تا خرداد)' }).click();
    const report = join(out, 'report.docx');
    h.desk.platform.nextSavePath = report;
    await page.getByTestId('report-make').click();
    await expect
      .poll(() => page.getByText(`پروندهٔ Word نوشته شد: \u2068${report}\u2069`).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(isDocx(report)).toBe(true);

    h.desk.platform.nextSavePath = null;
    await page.getByTestId('report-make').click();
    await expect
      .poll(() => page.getByText('پرونده‌ای نوشته نشد.').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, '/documents', 'fa', 'documents');
    await screenshot(page, '/documents', 'en', 'documents');
    h.assertClean();
  });
});
