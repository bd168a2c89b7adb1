/**
 * Agreements, in Persian, against a real core holding the sample office: draft a bilingual
 * MoU with two clauses, save a version, change a clause, and see the changed word marked in
 * the compare view; the trilingual Kazan agreement laid out column by column in its own
 * languages' directions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setLocale, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('agreements', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await seedUsers(t);
        await t.ok('sample.load', { force: true });
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists the sample agreements and filters them by status', async () => {
    const page = h.page;
    await h.open('/agreements');
    await expect.poll(() => page.getByTestId('agreements-count').textContent()).toBe('۲ مورد');
    await expect.poll(() => page.getByText('تفاهم‌نامه خواهرخواندگی اصفهان و قازان').isVisible()).toBe(true);
    await page.getByTestId('agreements-status-filter').click();
    await page.getByRole('option', { name: 'پیش‌نویس' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('agreements-count').textContent()).toBe('۱ مورد');
    await expect.poll(() => page.locator('[role="row"][data-index="0"]').textContent()).toContain('فلورانس');
    h.assertClean();
  });

  it('shows the Kazan agreement in three columns, each in its own direction', async () => {
    const page = h.page;
    await h.open('/agreements?q=قازان');
    await page.locator('[role="row"][data-index="0"]').click();
    await page.waitForURL(/#\/agreements\/[0-9a-f-]{36}/);
    await settle(page);
    expect(await page.getByTestId('agreement-status').textContent()).toBe('لازم‌الاجرا');
    const dirs = await page
      .getByTestId('clause-row-1')
      .locator('[data-column]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-column')}:${el.getAttribute('dir')}`));
    expect(dirs).toEqual(['ru:ltr', 'fa:rtl', 'en:ltr']);
    // Signed and in force: the text is read-only and only the closing steps are offered.
    await expect.poll(() => page.getByTestId('transition-expired').isVisible()).toBe(true);
    expect(await page.getByTestId('clause-add').count()).toBe(0);
    h.assertClean();
  });

  it('drafts a bilingual MoU, saves a version, changes a clause and marks the changed word', async () => {
    const page = h.page;
    await h.open('/agreements/new');
    await page.getByTestId('agreement-title').fill('یادداشت تفاهم همکاری گردشگری اصفهان و فلورانس');
    await page.getByTestId('agreement-own').click();
    await page.getByTestId('agreement-own').fill('اصفهان');
    await page.getByRole('option', { name: 'اصفهان', exact: true }).click();
    await page.getByTestId('agreement-partner-0').click();
    await page.getByTestId('agreement-partner-0').fill('فلورانس');
    await page.getByRole('option', { name: 'فلورانس', exact: true }).click();
    await page.getByTestId('agreement-create').click();
    await page.waitForURL(/#\/agreements\/[0-9a-f-]{36}$/);
    await settle(page);
    expect(await page.getByTestId('agreement-status').textContent()).toBe('پیش‌نویس');

    const clauses = [
      ['دو شهر همکاری گردشگری را گسترش می‌دهند.', 'The two cities shall expand tourism cooperation.'],
      ['این یادداشت پنج سال اعتبار دارد.', 'This memorandum is valid for five years.'],
    ] as const;
    for (const [index, [fa, en]] of clauses.entries()) {
      await page.getByTestId('clause-add').click();
      const row = page.getByTestId(`clause-row-${index + 1}`);
      await row.waitFor();
      await row.locator('textarea[data-language="fa"]').fill(fa);
      await row.locator('textarea[data-language="en"]').fill(en);
      await page.getByTestId(`clause-save-${index + 1}`).click();
      await expect.poll(() => page.getByTestId(`clause-save-${index + 1}`).count()).toBe(0);
    }
    // Each column keeps the direction of its language, whatever the interface.
    expect(await page.getByTestId('clause-row-1').locator('[data-column="fa"]').getAttribute('dir')).toBe(
      'rtl',
    );
    expect(await page.getByTestId('clause-row-1').locator('[data-column="en"]').getAttribute('dir')).toBe(
      'ltr',
    );

    await page.getByTestId('version-save').click();
    await page.getByTestId('version-note').fill('متن نخست برای بررسی داخلی');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).last().click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'نسخه‌ها (۱)' }).isVisible(), { timeout: 15_000 })
      .toBe(true);

    // Florence prefers three years.
    const second = page.getByTestId('clause-row-2');
    await second.locator('textarea[data-language="fa"]').fill('این یادداشت سه سال اعتبار دارد.');
    await second.locator('textarea[data-language="en"]').fill('This memorandum is valid for three years.');
    await page.getByTestId('clause-save-2').click();
    await expect.poll(() => page.getByTestId('clause-save-2').count()).toBe(0);

    // Alt+↑ moves the second clause above the first.
    await second.locator('textarea[data-language="fa"]').press('Alt+ArrowUp');
    await expect
      .poll(() => page.getByTestId('clause-row-1').locator('textarea[data-language="en"]').inputValue())
      .toBe('This memorandum is valid for three years.');

    await page.getByTestId('tab-compare').click();
    const changed = page.locator('[data-testid^="compare-clause-"][data-change="changed"]');
    await expect.poll(() => changed.count()).toBe(1);
    await expect
      .poll(() => changed.locator('ins[data-segment="added"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('سه'), expect.stringContaining('three')]));
    expect(await changed.locator('del[data-segment="removed"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('پنج'), expect.stringContaining('five')]),
    );
    // The word taken out and the word put in stand apart, as the reader sees them.
    const seen = await changed.locator('[data-language="fa"]').evaluate((el) => {
      const copy = el.cloneNode(true) as typeof el;
      for (const hidden of copy.querySelectorAll('.mantine-VisuallyHidden-root')) hidden.remove();
      return copy.textContent;
    });
    expect(seen).toBe('این یادداشت پنج سه سال اعتبار دارد.');
    // Named in words for screen readers, not by colour alone.
    expect(await changed.locator('ins').first().textContent()).toMatch(/^افزوده: /);
    expect(await page.getByTestId('compare-summary').textContent()).toContain('۱ تغییرکرده');
    expect(await page.getByTestId('compare-summary').textContent()).toContain('جابه‌جاشده');
    h.assertClean();
  });

  it('moves a draft to internal review after confirmation', async () => {
    const page = h.page;
    await page.getByTestId('transition-internal_review').click();
    await page.getByRole('dialog').getByRole('button', { name: 'تأیید' }).click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('بررسی داخلی');
    await expect.poll(() => page.getByTestId('transition-legal_review').isVisible()).toBe(true);
    h.assertClean();
  });

  it('keeps a clause library: adds a bilingual clause, inserts it into a new draft, changes and deletes it', async () => {
    const page = h.page;
    await h.open('/agreements');
    await page.getByTestId('library-open').click();
    await page.waitForURL(/#\/agreements\/library$/);
    await settle(page);
    const before = (await h.desk.ok('clauseLibrary.list', {})).total;
    await expect
      .poll(() => page.getByTestId('library-count').textContent())
      .toBe(`${before.toLocaleString('fa-IR')} مورد`);

    await page.getByTestId('library-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('library-save').click();
    await expect.poll(() => dialog.textContent()).toContain('این خانه را پر کنید');
    expect(await dialog.getByTestId('library-texts-error').textContent()).toBe(
      'متن بند را دست‌کم به یک زبان بنویسید.',
    );
    await dialog.getByTestId('library-title').fill('حل اختلاف');
    await dialog.getByTestId('library-text-fa').fill('اختلاف‌ها با گفت‌وگوی دوستانه میان دو طرف حل می‌شود.');
    await dialog
      .getByTestId('library-text-en')
      .fill('Disputes shall be settled amicably between the Parties.');
    const direction = (testId: string) =>
      dialog
        .getByTestId(testId)
        .evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: object): { direction: string } }
            ).getComputedStyle(el).direction,
        );
    expect(await direction('library-text-fa')).toBe('rtl');
    expect(await direction('library-text-en')).toBe('ltr');
    await dialog.getByTestId('library-save').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const card = page.getByTestId('library-clause').filter({ hasText: 'حل اختلاف' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Disputes shall be settled amicably');
    await screenshot(page, '/agreements/library', 'en', 'clause-library');
    await screenshot(page, '/agreements/library', 'fa', 'clause-library');

    // A new draft (Ctrl+N in the section) takes the clause from the library.
    await h.open('/agreements');
    await page.keyboard.press('Control+n');
    await page.waitForURL(/#\/agreements\/new$/);
    await settle(page);
    await page.getByTestId('agreement-title').fill('یادداشت تفاهم همکاری فرهنگی اصفهان و بارسلون');
    await page.getByTestId('agreement-own').click();
    await page.getByTestId('agreement-own').fill('اصفهان');
    await page.getByRole('option', { name: 'اصفهان', exact: true }).click();
    await page.getByTestId('agreement-partner-0').click();
    await page.getByTestId('agreement-partner-0').fill('بارسلون');
    await page.getByRole('option', { name: 'بارسلون', exact: true }).click();
    await page.getByTestId('agreement-create').click();
    await page.waitForURL(/#\/agreements\/[0-9a-f-]{36}$/);
    await settle(page);
    await page.getByTestId('clause-library-pick').click();
    await page.getByRole('option', { name: 'حل اختلاف' }).click();
    await page.getByTestId('clause-library-insert').click();
    const row = page.getByTestId('clause-row-1');
    await row.waitFor();
    expect(await row.locator('textarea[data-language="fa"]').inputValue()).toBe(
      'اختلاف‌ها با گفت‌وگوی دوستانه میان دو طرف حل می‌شود.',
    );
    expect(await row.locator('textarea[data-language="en"]').inputValue()).toBe(
      'Disputes shall be settled amicably between the Parties.',
    );
    const agreementUrl = page.url();
    // The draft keeps its follow-ups like every other record.
    expect(await page.getByTestId('tasks').textContent()).toContain('پیگیری‌ای ثبت نشده است');

    await h.open('/agreements/library');
    await card.getByRole('button', { name: 'ویرایش «حل اختلاف»' }).click();
    await dialog.getByTestId('library-title').fill('حل اختلاف و داوری');
    await dialog.getByTestId('library-save').click();
    await expect
      .poll(() => page.getByTestId('library-clause').filter({ hasText: 'حل اختلاف و داوری' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'حذف «حل اختلاف و داوری»' }).click();
    await expect.poll(() => dialog.textContent()).toContain('متن خود را نگه می‌دارند');
    await dialog.getByRole('button', { name: 'حذف', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('library-clause').filter({ hasText: 'حل اختلاف' }).count())
      .toBe(0);
    expect((await h.desk.ok('clauseLibrary.list', {})).total).toBe(before);

    // The agreement keeps the clause's text after the library lost it.
    await page.goto(agreementUrl);
    await settle(page);
    await expect
      .poll(() => page.getByTestId('clause-row-1').locator('textarea[data-language="en"]').inputValue())
      .toBe('Disputes shall be settled amicably between the Parties.');
    // With the library empty again, its picker says so, and says nothing matches a text typed.
    expect(before).toBe(0);
    await page.getByTestId('clause-library-pick').click();
    await expect
      .poll(() => page.getByText('کتابخانهٔ بندها هنوز بندی ندارد', { exact: false }).isVisible())
      .toBe(true);
    await page.getByTestId('clause-library-pick').fill('داوری');
    await expect.poll(() => page.getByText('هیچ موردی با این صافی پیدا نشد.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    h.assertClean();
  });

  it('records where and when the draft is signed and its term, and shows the expiry the core computes', async () => {
    const page = h.page;
    await expect.poll(() => page.getByTestId('agreement-expiry').textContent()).toBe('—');
    await page.getByTestId('signing-edit').click();
    const dialog = page.getByRole('dialog', { name: 'امضا و مدت تفاهم‌نامه' });
    await dialog.getByTestId('signing-place').fill('فلورانس');
    await dialog.getByTestId('signing-date').fill('۱۴۰۴/۰۲/۱۰');
    await page.keyboard.press('Tab');
    await dialog.getByTestId('signing-term').fill('5');
    await dialog.getByTestId('signing-save').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Five Jalali years from 10 Ordibehesht 1404, the day before: 9 Ordibehesht 1409.
    await expect.poll(() => page.getByTestId('agreement-expiry').textContent()).toBe('۹ اردیبهشت ۱۴۰۹');
    await expect.poll(() => page.getByText('امضا و مدت تفاهم‌نامه ثبت شد.').isVisible()).toBe(true);
    h.assertClean();
  });

  it('takes screenshots of the trilingual Kazan agreement', async () => {
    const page = h.page;
    await h.open('/agreements?q=قازان');
    await page.locator('[role="row"][data-index="0"]').click();
    await page.waitForURL(/#\/agreements\/[0-9a-f-]{36}/);
    const route = new URL(page.url()).hash.slice(1);
    for (const locale of ['fa', 'en'] as const) {
      await screenshot(page, route, locale, 'agreements');
    }
    h.assertClean();
  });
  it('lists the whole clause library, however long, and finds a clause by its words', async () => {
    const page = h.page;
    for (let n = 1; n <= 210; n++) {
      await h.desk.ok('clauseLibrary.create', {
        title: `بند نمونهٔ ${n}`,
        texts: { fa: `متن بند نمونهٔ شمارهٔ ${n}.`, en: `Sample clause number ${n}.` },
      });
    }
    const total = (await h.desk.ok('clauseLibrary.list', {})).total;
    expect(total).toBeGreaterThan(200);
    await h.open('/agreements/library');
    await setLocale(page, 'fa');
    await expect
      .poll(() => page.getByTestId('library-count').textContent())
      .toBe(`${total.toLocaleString('fa-IR')} مورد`);
    // Only the rows in view are drawn; the last one is reached with End.
    expect(await page.getByTestId('library-clause').count()).toBeLessThan(100);
    await page.getByTestId('library-clause').first().focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator(`[data-testid="library-clause"][data-index="${total - 1}"]`).count())
      .toBe(1);
    await page.getByRole('textbox', { name: 'جستجو در این فهرست' }).fill('شمارهٔ 207');
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('۱ مورد');
    expect(await page.getByTestId('library-clause').textContent()).toContain('بند نمونهٔ 207');
    h.assertClean();
  });
});
