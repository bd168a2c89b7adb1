/**
 * A toast keeps the language and direction it was written in: one shown in Persian and still
 * on screen after the user switches to English reads right to left, and one shown in English
 * reads left to right, whatever the page's direction is by then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale, startHarness, type Harness } from './harness';

describe('toasts', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await t.ok('users.create', { username: 'tester', nameFa: 'مریم احمدی', nameEn: 'Maryam Ahmadi' });
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The text of each toast on screen with the direction and language its text is marked with. */
  const toasts = () =>
    h.page.evaluate<{ text: string; dir: string | null; lang: string | null; shown: string | null }[]>(`
      [...document.querySelectorAll('.mantine-Notification-description')].map((el) => {
        const marked = el.querySelector('[dir]');
        return {
          text: el.textContent,
          dir: marked ? marked.getAttribute('dir') : null,
          lang: marked ? marked.getAttribute('lang') : null,
          // The direction the text is laid out in.
          shown: marked ? getComputedStyle(marked).direction : null,
        };
      })
    `);

  it('keeps a Persian toast right to left after switching to English', async () => {
    const page = h.page;
    await h.open('/settings');
    await page.getByRole('tab', { name: 'اداره' }).click();
    await page.getByTestId('office-save').click();
    await expect
      .poll(toasts)
      .toEqual([{ text: 'تنظیمات اداره ذخیره شد.', dir: 'rtl', lang: 'fa', shown: 'rtl' }]);

    await setLocale(page, 'en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.getByTestId('office-save').click();
    await expect.poll(toasts).toEqual([
      { text: 'تنظیمات اداره ذخیره شد.', dir: 'rtl', lang: 'fa', shown: 'rtl' },
      { text: 'Office settings saved.', dir: 'ltr', lang: 'en', shown: 'ltr' },
    ]);
    h.assertClean();
  });
});
