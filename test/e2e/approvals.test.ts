/**
 * Approvals, in Persian, against a real core holding the sample office: the requests waiting
 * longest and the turnaround per authority; a chain started on a case from a template, its
 * first step submitted and approved, and the request passing to the next authority.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('approvals', () => {
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

  it('shows the Singapore request among those waiting longest, and the turnaround per authority', async () => {
    const page = h.page;
    await h.open('/approvals');
    const waiting = page.getByTestId('waiting');
    await expect.poll(() => waiting.textContent()).toContain('شرکت در اجلاس جهانی شهرها، سنگاپور');
    await expect
      .poll(() => page.getByTestId('turnaround-table').locator('tbody tr').count())
      .toBeGreaterThan(0);
    h.assertClean();
  });

  it('starts a chain on a case from a template, records a submission and a decision', async () => {
    const page = h.page;
    await h.open('/approvals');
    await page.getByTestId('approvals-case').click();
    await page.getByTestId('approvals-case').fill('فلورانس');
    await page.getByRole('option', { name: 'تمدید تفاهم‌نامه خواهرخواندگی با فلورانس' }).click();
    await page.waitForURL(/#\/approvals\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByText('این پرونده هنوز زنجیرهٔ مجوزی ندارد.').isVisible()).toBe(true);

    await page.getByTestId('approval-template').click();
    await page.getByRole('option', { name: 'سفر رسمی خارجی' }).click();
    await page.getByTestId('approval-start').click();
    const first = page.getByTestId('step-1');
    await expect.poll(() => first.getByTestId('step-state').textContent()).toBe('ارسال‌نشده');
    await expect.poll(() => page.getByTestId('chain-holder').textContent()).toContain('نزد دفتر ماست');

    await first.getByRole('button', { name: 'ثبت ارسال' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('step-date').fill('۱۴۰۴/۰۲/۰۱');
    await dialog.getByTestId('step-notes').fill('با نامهٔ رئیس اداره کل');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(() => first.getByTestId('step-state').textContent()).toBe('نزد مرجع');
    expect(await first.textContent()).toContain('۱۴۰۴/۰۲/۰۱');
    await expect.poll(() => page.getByTestId('chain-holder').textContent()).toMatch(/اکنون نزد .+، ۱۴ روز\./);

    await first.getByRole('button', { name: 'ثبت تصمیم' }).click();
    await dialog.getByText('موافقت', { exact: true }).click();
    await dialog.getByTestId('step-date').fill('۱۴۰۴/۰۲/۱۰');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(() => first.getByTestId('step-state').textContent()).toBe('موافقت شد');
    expect(await first.textContent()).toContain('۹ روز');
    await expect.poll(() => page.getByTestId('step-2').getAttribute('data-current')).toBe('true');
    await expect.poll(() => page.getByTestId('chain-holder').textContent()).toContain('نزد دفتر ماست');
    h.assertClean();
  });

  it('takes screenshots of the approvals overview', async () => {
    const page = h.page;
    for (const locale of ['fa', 'en'] as const) {
      await screenshot(page, '/approvals', locale, 'approvals');
    }
    await h.open('/approvals');
    h.assertClean();
  });
});
