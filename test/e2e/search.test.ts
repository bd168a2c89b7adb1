/**
 * Search, in Persian, against a real core: a word typed with the Arabic ي and ك, with the
 * half-space, with a space or joined, finds the same letters; the hit opens the letter; the
 * Ctrl+K palette jumps to a record and runs commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, settle, startHarness, type Harness } from './harness';
import { seedLetters, seedUsers } from './sample-data';

const ZWNJ = '\u200c';

describe('search', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await seedUsers(t);
        await seedLetters(t);
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const hitTitles = () => h.page.getByTestId('search-hit').allTextContents();

  it('finds a Persian word in every spelling, from the header box', async () => {
    const page = h.page;
    await h.open('/desk');
    // Arabic yeh (U+064A) where Persian has ی.
    await page.getByTestId('header-search').fill('خواهرخواندگي');
    await page.getByTestId('header-search').press('Enter');
    await page.waitForURL(/#\/search\?q=/);
    await settle(page);
    await expect.poll(async () => (await hitTitles()).length).toBe(2);
    const found = (await hitTitles()).join('\n');
    expect(found).toContain('درخواست تمدید یادداشت تفاهم خواهرخواندگی');
    expect(found).toContain('بررسی گزارش توجیهی خواهرخواندگی با سمرقند');
    expect(await page.getByTestId('search-hit').first().locator('mark').count()).toBeGreaterThan(0);

    for (const spelling of [`خواهر${ZWNJ}خواندگی`, 'خواهر خواندگی']) {
      await page.getByTestId('search-input').fill(spelling);
      await expect
        .poll(async () => (await hitTitles()).join('\n'))
        .toContain('بررسی گزارش توجیهی خواهرخواندگی با سمرقند');
      expect((await hitTitles()).length).toBe(2);
    }
    await screenshot(page, page.url().split('#')[1]!, 'fa', 'search');
    await screenshot(page, page.url().split('#')[1]!, 'en', 'search');
    await screenshot(page, page.url().split('#')[1]!, 'fa', 'search');
    h.assertClean();
  });

  it('opens the hit', async () => {
    const page = h.page;
    // Arabic kaf (U+0643) where the subject has ک.
    await page.getByTestId('search-input').fill('كوالالامپور');
    await expect.poll(async () => (await hitTitles()).length).toBe(1);
    // The snippet shows each field of the letter set apart: its register number is one line of
    // its own, not run into the names beside it.
    const [letter] = (await h.desk.ok('letters.list', { text: 'کوالالامپور' })).items;
    const lines = await page.getByTestId('search-hit').getByTestId('snippet-line').allTextContents();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines).toContain(letter!.number);
    await page.getByTestId('search-hit').getByRole('link').click();
    await page.waitForURL(/#\/correspondence\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('هماهنگی سفر هیئت شهری به کوالالامپور');
    h.assertClean();
  });

  it('jumps anywhere with Ctrl+K and runs commands', async () => {
    const page = h.page;
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('palette-input');
    await expect
      .poll(() =>
        input.evaluate(
          (el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement,
        ),
      )
      .toBe(true);
    await input.fill('سمرقند');
    await expect
      .poll(() => page.getByTestId('palette-option').first().textContent())
      .toContain('بررسی گزارش توجیهی خواهرخواندگی با سمرقند');
    await screenshot(page, page.url().split('#')[1]!, 'fa', 'palette');
    await input.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('بررسی گزارش توجیهی خواهرخواندگی با سمرقند');

    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('پرونده');
    await expect.poll(() => page.getByRole('option', { name: 'رفتن به پرونده‌ها' }).isVisible()).toBe(true);
    await page.getByTestId('palette-input').fill('english');
    await page.getByTestId('palette-input').press('Enter');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('فارسی');
    await page.getByTestId('palette-input').press('Enter');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    h.assertClean();
  });
});
