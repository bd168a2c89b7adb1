/**
 * Settings, in Persian, against a real core: the calendar apart from the language, the
 * staff list (registering this workstation's user), the office's numbering pattern, sample
 * data and a backup with its progress bar driven by the core's events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, settle, startHarness, type Harness } from './harness';

describe('settings', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await t.ok('users.create', { username: 'r.karimi', nameFa: 'رضا کریمی', nameEn: 'Reza Karimi' });
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('keeps the calendar apart from the language', async () => {
    const page = h.page;
    await h.open('/settings');
    await expect
      .poll(() => page.getByText(/کاربر این ایستگاه \(tester\) هنوز در فهرست کارکنان نیست/).isVisible())
      .toBe(true);
    await page.getByRole('radiogroup', { name: 'تقویم' }).getByText('میلادی').click();
    await expect
      .poll(() => page.getByTestId('pref-example').textContent())
      .toBe('امروز در این تقویم: دوشنبه، ۵ مه ۲۰۲۵');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByRole('radiogroup', { name: 'تقویم' }).getByText('هجری خورشیدی').click();
    await expect
      .poll(() => page.getByTestId('pref-example').textContent())
      .toBe('امروز در این تقویم: دوشنبه، ۱۵ اردیبهشت ۱۴۰۴');
    h.assertClean();
  });

  it('registers this workstation’s user, whose choices then stay with them', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: 'کارکنان' }).click();
    await page.getByTestId('user-new').click();
    expect(await page.getByTestId('user-username').inputValue()).toBe('tester');
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.getByText('این خانه را پر کنید.').isVisible()).toBe(true);
    await page.getByTestId('user-name-fa').fill('مریم احمدی');
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('مریم احمدی');
    await expect.poll(async () => (await h.desk.ok('users.me', {}))?.nameFa).toBe('مریم احمدی');

    await page.getByRole('tab', { name: 'برای من' }).click();
    await page.getByRole('radiogroup', { name: 'تقویم' }).getByText('میلادی').click();
    await expect.poll(async () => (await h.desk.ok('users.me', {}))?.calendar).toBe('gregorian');
    await page.getByRole('radiogroup', { name: 'تقویم' }).getByText('هجری خورشیدی').click();
    await expect.poll(async () => (await h.desk.ok('users.me', {}))?.calendar).toBe('jalali');

    await page.getByRole('tab', { name: 'کارکنان' }).click();
    const row = page.getByRole('row', { name: /رضا کریمی/ });
    await row.getByRole('button', { name: 'غیرفعال کردن' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'غیرفعال کردن' }).click();
    await expect
      .poll(async () => (await h.desk.ok('users.list', {})).map((u) => u.username))
      .toEqual(['tester']);
    h.assertClean();
  });

  it('changes the letter numbering, refusing an unknown placeholder', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: 'اداره' }).click();
    const pattern = page.getByTestId('number-pattern');
    await pattern.fill('{seq}/{year}/{room}');
    await page.getByTestId('office-save').click();
    await expect.poll(() => page.getByText('این مقدار پذیرفته نیست.').isVisible()).toBe(true);
    await pattern.fill('{year}-{seq}');
    await expect.poll(() => page.getByTestId('number-preview').textContent()).toBe('نمونه: ۱۴۰۴-۱۲');
    await page.getByTestId('office-save').click();
    await expect
      .poll(async () => (await h.desk.ok('settings.get', {}))['letters.numberPattern'])
      .toBe('{year}-{seq}');
    h.assertClean();
  });

  it('loads the sample office and makes a backup, showing its progress', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: 'پشتیبان و نگهداری' }).click();
    await settle(page);
    // Remember whether a progress bar ever showed, however briefly.
    await page.evaluate(`
      window.__progressSeen = 0;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="task-progress"] [role="progressbar"]')) window.__progressSeen++;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    `);
    await page.getByTestId('sample-load').click();
    // Staff and settings alone do not count as records: the sample goes in.
    await expect
      .poll(() => page.getByText('داده‌های نمونه بارگذاری شد.').isVisible(), { timeout: 60_000 })
      .toBe(true);
    expect((await h.desk.ok('partners.list', { limit: 1 })).total).toBeGreaterThan(10);

    await page.getByTestId('backup-create').click();
    await expect
      .poll(() => page.getByText('پشتیبان تهیه و وارسی شد.').isVisible(), { timeout: 60_000 })
      .toBe(true);
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('وارسی‌شده');
    expect(await page.evaluate('window.__progressSeen')).toBeGreaterThan(0);
    const backups = await h.desk.ok('backup.list', {});
    expect(backups).toHaveLength(1);
    expect(backups[0]!.status).toBe('verified');
    await screenshot(page, '/settings?tab=upkeep', 'fa', 'settings-upkeep');
    await screenshot(page, '/settings?tab=upkeep', 'en', 'settings-upkeep');
    await screenshot(page, '/settings?tab=staff', 'en', 'settings-staff');
    await screenshot(page, '/settings?tab=staff', 'fa', 'settings-staff');
    await screenshot(page, '/settings?tab=office', 'fa', 'settings-office');
    await screenshot(page, '/settings?tab=office', 'en', 'settings-office');
    await screenshot(page, '/settings', 'en', 'settings');
    await screenshot(page, '/settings', 'fa', 'settings');
    h.assertClean();
  });
});
