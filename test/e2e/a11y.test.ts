/**
 * Accessibility: every screen of the sample office, in Persian and English, scanned with
 * axe-core in the browser — no serious or critical violation of WCAG 2.1 A/AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, setLocale, settle, startHarness, type AxeViolation, type Harness } from './harness';

describe('accessibility', () => {
  let h: Harness;
  const routes: string[] = [];

  beforeAll(async () => {
    h = await startHarness({
      actor: 'm.ahmadi',
      seed: async (t) => {
        await t.ok('sample.load', {});
        const relationship = (await t.ok('relationships.list', { limit: 1 })).items[0]!;
        const letter = (await t.ok('letters.list', { limit: 1 })).items[0]!;
        const caseRecord = (await t.ok('cases.list', { limit: 1 })).items[0]!;
        routes.push(
          '/desk',
          '/partners',
          '/partners?view=map',
          '/partners?view=contacts',
          `/partners/${relationship.partner.id}`,
          '/partners/new',
          '/relationships',
          `/relationships/${relationship.id}`,
          '/relationships/new',
          '/cases',
          `/cases/${caseRecord.id}`,
          '/cases/new',
          '/correspondence',
          `/correspondence/${letter.id}`,
          '/correspondence/new?direction=incoming',
          '/search?q=اصفهان',
          '/settings',
          '/settings?tab=office',
          '/settings?tab=staff',
          '/settings?tab=upkeep',
          '/settings?tab=approvals',
          '/agreements/library',
        );
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  for (const locale of ['fa', 'en'] as const) {
    it(`has no serious violations on any screen in ${locale}`, async () => {
      const page = h.page;
      await h.open('/desk');
      await setLocale(page, locale);
      const found: Record<string, AxeViolation[]> = {};
      for (const route of routes) {
        await h.open(route);
        await settle(page);
        const violations = await axeScan(page);
        if (violations.length > 0) found[route] = violations;
      }
      // The palette, open over a page.
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('اصفهان');
      await expect.poll(() => page.getByTestId('palette-option').count()).toBeGreaterThan(1);
      const palette = await axeScan(page);
      if (palette.length > 0) found['palette'] = palette;
      await page.keyboard.press('Escape');
      expect(found).toEqual({});
      h.assertClean();
      // Two dozen screens scanned one by one take minutes on a busy two-core machine.
    }, 300_000);
  }

  it('has no serious violations in the dialogs and the calendar', async () => {
    const page = h.page;
    await setLocale(page, 'fa');
    const found: Record<string, AxeViolation[]> = {};
    const scan = async (name: string) => {
      // A dialog fading in is drawn half-transparent over its overlay, and axe reads its
      // colours as drawn: scan what the user reads once the opening transitions are over.
      await page.evaluate(`Promise.allSettled(document.getAnimations().map((a) => a.finished))`);
      const violations = await axeScan(page);
      if (violations.length > 0) found[name] = violations;
    };
    await h.open('/correspondence/new?direction=incoming');
    await page.getByRole('button', { name: 'انتخاب از تقویم' }).first().click();
    await expect.poll(() => page.getByRole('grid').count()).toBe(1);
    // The month grid is reachable and moves by keyboard.
    await page.getByRole('grid').locator('button[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await scan('calendar');
    await page.keyboard.press('Escape');

    const letter = (await h.desk.ok('letters.list', { limit: 1 })).items[0]!;
    await h.open(`/correspondence/${letter.id}`);
    await page.getByRole('button', { name: 'ارجاع', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await scan('refer');
    await page.getByRole('dialog').getByRole('button', { name: 'بستن' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'بستن پیگیری' }).click();
    await scan('confirm');
    await page.keyboard.press('Escape');

    const contact = (await h.desk.ok('contacts.list', { limit: 1 })).items[0]!;
    await h.open(`/partners?view=contacts&contact=${contact.id}`);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await scan('contact');
    expect(found).toEqual({});
    h.assertClean();
  });
});

describe('accessibility of the welcome screen', () => {
  it('has no serious violations on any step, in either language', async () => {
    const first = await startHarness();
    try {
      const page = first.page;
      await first.open('/desk');
      const found: Record<string, AxeViolation[]> = {};
      for (const locale of ['fa', 'en'] as const) {
        await page
          .getByTestId('welcome-language')
          .getByText(locale === 'fa' ? 'فارسی' : 'English')
          .click();
        for (const step of ['language', 'you', 'start']) {
          const violations = await axeScan(page);
          if (violations.length > 0) found[`${locale}/${step}`] = violations;
          if (step === 'language') await page.getByTestId('welcome-next').click();
          if (step === 'you') {
            await page.getByTestId('welcome-name-fa').fill('فاطمه مرادی');
            await page.getByTestId('welcome-city-fa').fill('یزد');
            await page.getByTestId('welcome-next').click();
            await page.getByTestId('welcome-start-sample').waitFor();
          }
        }
        // Back to the first step for the other language.
        await page.getByRole('button', { name: locale === 'fa' ? 'بازگشت' : 'Back' }).click();
        await page.getByRole('button', { name: locale === 'fa' ? 'بازگشت' : 'Back' }).click();
        await page.getByTestId('welcome-language').waitFor();
      }
      expect(found).toEqual({});
      first.assertClean();
    } finally {
      await first.close();
    }
  });
});
