/**
 * Settings, in Persian, against a real core: the calendar apart from the language, the
 * staff list (registering this workstation's user), the office's numbering pattern, sample
 * data and a backup with its progress bar driven by the core's events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/desk';
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
    // The example number is set apart from the sentence around it.
    await expect
      .poll(() => page.getByTestId('number-preview').textContent())
      .toBe('نمونه: \u2068۱۴۰۴-۱۲\u2069');
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
    // Kept at once, then verified in the background: the list follows without a reload.
    await expect
      .poll(() => page.getByText('پشتیبان تهیه و نگه داشته شد', { exact: false }).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
    await expect
      .poll(() => page.getByTestId('backups-table').textContent(), { timeout: 60_000 })
      .toContain('وارسی‌شده');
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
  it('spins the button the user pressed when copying a backup to a removable drive', async () => {
    const page = h.page;
    await h.open('/settings?tab=upkeep');
    // The folder dialog stays open until the test answers it, so the copy is caught running.
    const usb = tempDir('usb-');
    let answer!: (folder: string | null) => void;
    h.desk.platform.chooseFolder = () => new Promise((resolve) => (answer = resolve));
    const toFolder = page.getByTestId('backup-create-to-folder');
    const plain = page.getByTestId('backup-create');
    await toFolder.click();
    await expect.poll(() => toFolder.getAttribute('data-loading')).toBe('true');
    expect(await plain.getAttribute('data-loading')).toBeNull();
    answer(usb);
    await expect
      .poll(() => page.getByText(/رونوشت پشتیبان در .* نوشته شد/).isVisible(), { timeout: 60_000 })
      .toBe(true);
    expect(await toFolder.getAttribute('data-loading')).toBeNull();
    h.assertClean();
  });

  it('keeps the approving authorities and the chain templates in order', async () => {
    const page = h.page;
    await h.open('/settings?tab=approvals');
    const authorities = page.getByTestId('authorities');
    await authorities.getByTestId('authority-add').click();
    await expect.poll(() => authorities.textContent()).toContain('این خانه را پر کنید');
    await page.getByTestId('authority-name-fa').fill('سازمان فرهنگی تفریحی شهرداری');
    await page.getByTestId('authority-name-en').fill('Cultural and Recreational Organisation');
    await authorities.getByTestId('authority-add').click();
    await expect
      .poll(() =>
        authorities.getByTestId('authority-row').filter({ hasText: 'سازمان فرهنگی تفریحی' }).count(),
      )
      .toBe(1);

    await page.getByTestId('template-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('template-name-fa').fill('برنامهٔ فرهنگی در خارج');
    await dialog.getByTestId('template-name-en').fill('Cultural programme abroad');
    for (const authority of ['شهردار', 'سازمان فرهنگی تفریحی شهرداری']) {
      await dialog.getByTestId('template-step-add').click();
      await page.getByRole('option', { name: authority, exact: true }).click();
    }
    // The organisation goes first, moved up by its button.
    await dialog.getByRole('button', { name: 'بالا بردن سازمان فرهنگی تفریحی شهرداری' }).click();
    expect(await dialog.getByTestId('template-step').allTextContents()).toEqual([
      expect.stringContaining('سازمان فرهنگی تفریحی شهرداری'),
      expect.stringContaining('شهردار'),
    ]);
    await dialog.getByTestId('template-save').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const card = page.getByTestId('template-card').filter({ hasText: 'برنامهٔ فرهنگی در خارج' });
    await expect
      .poll(() => card.getByTestId('template-chain').textContent())
      .toBe('سازمان فرهنگی تفریحی شهرداری ← شهردار');
    // The templates are found by words of their names or their authorities', in any spelling.
    const templates = (await h.desk.ok('approvals.templates.list', {})).length;
    await expect
      .poll(() => page.getByTestId('templates-count').textContent())
      .toBe(`${templates.toLocaleString('fa-IR')} مورد`);
    await page.getByTestId('templates-filter').fill('برنامه فرهنگي');
    await expect.poll(() => page.getByTestId('templates-count').textContent()).toBe('۱ مورد');
    expect(await page.getByTestId('template-card').count()).toBe(1);
    await page.getByTestId('templates-filter').fill('');
    const stored = (await h.desk.ok('approvals.templates.list', {})).find(
      (x) => x.nameEn === 'Cultural programme abroad',
    );
    expect(stored?.steps.map((x) => x.authorityNameEn)).toEqual([
      'Cultural and Recreational Organisation',
      'Mayor',
    ]);
    await screenshot(page, '/settings?tab=approvals', 'en', 'settings-approvals');
    await screenshot(page, '/settings?tab=approvals', 'fa', 'settings-approvals');

    await authorities.getByRole('button', { name: 'بایگانی سازمان فرهنگی تفریحی شهرداری' }).click();
    await dialog.getByRole('button', { name: 'بایگانی', exact: true }).click();
    await expect
      .poll(() =>
        authorities.getByTestId('authority-row').filter({ hasText: 'سازمان فرهنگی تفریحی' }).textContent(),
      )
      .toContain('بایگانی');
    const archived = (await h.desk.ok('approvals.authorities.list', { includeArchived: true })).find(
      (a) => a.nameEn === 'Cultural and Recreational Organisation',
    );
    expect(archived?.archived).toBe(true);

    await card.getByRole('button', { name: 'حذف الگوی «برنامهٔ فرهنگی در خارج»' }).click();
    await expect.poll(() => dialog.textContent()).toContain('مراحل خود را نگه می‌دارند');
    await dialog.getByRole('button', { name: 'حذف', exact: true }).click();
    await expect.poll(() => card.count()).toBe(0);
    h.assertClean();
  });
});
