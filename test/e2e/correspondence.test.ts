/**
 * The correspondence register, in Persian, against a real core: register an incoming
 * letter from the keyboard, attach its scan, refer it, reply to it and see it replied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setLocale, settle, startHarness, type Harness } from './harness';
import { pngBytes, tempFile } from './fixtures';
import { seedLetters, seedUsers } from './sample-data';

describe('correspondence', () => {
  let h: Harness;
  let ids: { meId: string; colleagueId: string };

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        ids = await seedUsers(t);
        await seedLetters(t);
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists the register with its count, and sorts it', async () => {
    await h.open('/correspondence');
    const page = h.page;
    await expect.poll(() => page.getByTestId('letters-count').textContent()).toBe('۱۱ مورد');
    // Newest first by default: the Singapore letter of 13 Ordibehesht 1404.
    const firstRow = page.locator('[role="row"][data-index="0"]');
    await expect
      .poll(() => firstRow.textContent())
      .toContain('Participation in the World Cities Summit 2026');
    expect(await firstRow.textContent()).toContain('۱۴۰۴/۰۲/۱۳');

    await page.getByRole('button', { name: 'مرتب‌سازی بر اساس تاریخ نامه' }).click();
    await expect.poll(() => firstRow.textContent()).toContain('درخواست تمدید یادداشت تفاهم خواهرخواندگی');

    // Typed with the Arabic ي, as an Arabic keyboard layout does.
    await page.getByLabel('جستجو در این فهرست').fill('خواهرخواندگي');
    await expect.poll(() => page.getByTestId('letters-count').textContent()).toBe('۲ مورد');
    await page.getByLabel('جستجو در این فهرست').fill('');
    await expect.poll(() => page.getByTestId('letters-count').textContent()).toBe('۱۱ مورد');
    h.assertClean();
  });

  it('registers an incoming letter from the keyboard, refusing an impossible date first', async () => {
    const page = h.page;
    await h.open('/correspondence');
    await page.keyboard.press('Control+n');
    await page.waitForURL(/#\/correspondence\/new/);
    await settle(page);

    const date = page.getByTestId('letter-date');
    await expect
      .poll(() =>
        date.evaluate(
          (el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement,
        ),
      )
      .toBe(true);
    // 1404 is not a leap year: there is no 30 Esfand.
    await date.fill('1404/12/30');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('چنین روزی در تقویم نیست.').isVisible()).toBe(true);
    await date.fill('۱۴۰۴/۰۲/۱۰');
    await expect.poll(() => page.getByText('چهارشنبه، ۱۰ اردیبهشت ۱۴۰۴').isVisible()).toBe(true);

    // Saving with the sender and subject empty names both fields.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByText('طرف، فرد یا نام را بنویسید.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('این خانه را پر کنید.').first().isVisible()).toBe(true);

    await page.getByTestId('letter-from').fill('شهرداری فلورانس');
    await page.getByTestId('letter-subject').fill('دعوت به نشست همکاری‌های فرهنگی ۲۰۲۵');
    await page.getByTestId('letter-subject').press('Control+Enter');

    await page.waitForURL(/#\/correspondence\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByTestId('letter-number').textContent()).toBe('۵/۱۴۰۴/ر ب');
    expect(await page.getByTestId('letter-state').textContent()).toBe('در انتظار پاسخ');
    await expect.poll(() => page.getByText('چهارشنبه، ۱۰ اردیبهشت ۱۴۰۴').isVisible()).toBe(true);
    // The number is set apart (FSI … PDI) from the sentence around it.
    await expect
      .poll(() => page.getByText('نامه با شمارهٔ \u2068۵/۱۴۰۴/ر ب\u2069 ثبت شد', { exact: false }).isVisible())
      .toBe(true);
    h.assertClean();
  });

  it('attaches the scanned letter, previews it, and refers the letter to a colleague', async () => {
    const page = h.page;
    h.desk.platform.nextFiles = [tempFile('نامه فلورانس.png', pngBytes())];
    await page.getByRole('button', { name: 'افزودن پرونده' }).click();
    await expect.poll(() => page.getByTestId('attachment').count()).toBe(1);
    expect(await page.getByTestId('attachment').textContent()).toContain('نامه فلورانس.png');

    await page.getByRole('button', { name: 'پیش‌نمایش: نامه فلورانس.png' }).click();
    const image = page.getByRole('dialog').getByRole('img', { name: 'نامه فلورانس.png' });
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(240);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'ارجاع', exact: true }).click();
    await page.getByTestId('refer-to').click();
    await page.getByRole('option', { name: 'رضا کریمی' }).click();
    await page.getByLabel('دستور').fill('لطفاً پاسخ مناسب تهیه شود.');
    await page.getByRole('dialog').getByRole('button', { name: 'ارجاع' }).click();
    await expect
      .poll(() => page.getByTestId('letter-referrals').textContent())
      .toContain('مریم احمدی به رضا کریمی');

    const id = page.url().split('/').pop()!;
    const stored = await h.desk.ok('letters.get', { id });
    expect(stored.currentReferral?.toUserId).toBe(ids.colleagueId);
    const files = await h.desk.ok('attachments.list', { ownerType: 'letter', ownerId: id });
    expect(files.items.map((f) => f.displayName)).toEqual(['نامه فلورانس.png']);
    await screenshot(page, page.url().split('#')[1]!, 'fa', 'letter');
    await screenshot(page, page.url().split('#')[1]!, 'en', 'letter');
    await screenshot(page, page.url().split('#')[1]!, 'fa', 'letter');
    h.assertClean();
  });

  it('replies to the letter and sees it marked replied, with the thread', async () => {
    const page = h.page;
    const originalUrl = page.url();
    await page.getByRole('button', { name: 'پاسخ' }).click();
    await page.waitForURL(/replyTo=/);
    await settle(page);
    expect(await page.getByTestId('letter-to').inputValue()).toBe('شهرداری فلورانس');
    expect(await page.getByTestId('letter-subject').inputValue()).toBe('دعوت به نشست همکاری‌های فرهنگی ۲۰۲۵');
    expect(await page.getByTestId('letter-reference').textContent()).toContain('عطف');
    await page.getByTestId('letter-from').fill('اداره کل ارتباطات و امور بین‌الملل شهرداری اصفهان');
    await page.getByTestId('letter-save').click();
    await page.waitForURL(/#\/correspondence\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByTestId('letter-number').textContent()).toBe('۶/۱۴۰۴/ر ب');

    await page.goto(originalUrl);
    await settle(page);
    await expect.poll(() => page.getByTestId('letter-state').textContent()).toBe('پاسخ داده شد');
    await expect.poll(() => page.getByTestId('letter-thread').textContent()).toContain('۶/۱۴۰۴/ر ب');
    h.assertClean();
  });

  it('shows the register in both languages', async () => {
    const page = h.page;
    await screenshot(page, '/correspondence', 'fa', 'correspondence');
    await screenshot(page, '/correspondence', 'en', 'correspondence');
    await expect.poll(() => page.getByTestId('letters-count').textContent()).toBe('13 records');
    await expect
      .poll(() => page.locator('[role="row"][data-index="0"]').textContent())
      .toContain('2025-05-05');
    // The letter referred above names its referee in the register as the user is named in
    // each language.
    const referred = page.locator('[role="row"]').filter({ hasText: 'Reza Karimi' });
    await expect.poll(() => referred.count()).toBe(1);
    expect(await page.locator('[role="row"]').filter({ hasText: 'رضا کریمی' }).count()).toBe(0);
    await screenshot(page, '/correspondence', 'fa', 'correspondence');
    await expect.poll(() => page.locator('[role="row"]').filter({ hasText: 'رضا کریمی' }).count()).toBe(1);
    await screenshot(page, '/correspondence/new?direction=incoming', 'fa', 'letter-form');
    // A fresh form in English, with the office named in English.
    await setLocale(page, 'en');
    await h.open('/correspondence');
    await screenshot(page, '/correspondence/new?direction=incoming', 'en', 'letter-form');
    // The office's default classification and urgency read in English.
    expect(await page.getByLabel('Classification', { exact: true }).first().inputValue()).toBe('Normal');
    expect(await page.getByLabel('Urgency', { exact: true }).first().inputValue()).toBe('Normal');
    await setLocale(page, 'fa');
    h.assertClean();
  });
});
