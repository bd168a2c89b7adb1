/**
 * Cases, in Persian, against a real core: open a case with a partner and a deadline, see it
 * overdue, register a letter inside it, and close it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('cases', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await seedUsers(t);
        await t.ok('partners.create', {
          kind: 'city',
          nameFa: 'سنگاپور',
          nameEn: 'Singapore',
          country: 'SG',
        });
        await t.ok('cases.create', {
          title: 'هفتهٔ فرهنگی اصفهان در پاریس',
          kind: 'cultural_week',
          dueOn: '2025-06-10',
          tags: ['فرهنگی', 'پاریس'],
        });
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('opens a case with a partner and a deadline already passed', async () => {
    const page = h.page;
    await h.open('/cases');
    await expect.poll(() => page.getByTestId('cases-count').textContent()).toBe('۱ مورد');
    await page.keyboard.press('Control+n');
    await page.waitForURL(/#\/cases\/new$/);
    await settle(page);
    await page.getByTestId('case-title').fill('شرکت در اجلاس جهانی شهرها در سنگاپور');
    await page.getByTestId('case-kind').click();
    await page.getByRole('option', { name: 'همایش و مجمع' }).click();
    await page.getByTestId('case-due').fill('۱۴۰۴/۰۲/۱۰');
    await page.getByTestId('case-partner-add').click();
    await page.getByTestId('case-partner-add').fill('سنگاپور');
    await page.getByRole('option', { name: 'سنگاپور (سنگاپور)' }).click();
    await page.getByTestId('case-save').click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('شرکت در اجلاس جهانی شهرها در سنگاپور');
    expect(await page.getByText('مهلت گذشته').first().isVisible()).toBe(true);
    expect(await page.getByTestId('case-due-on').textContent()).toBe('چهارشنبه، ۱۰ اردیبهشت ۱۴۰۴');
    const id = page.url().split('/').pop()!;
    const stored = await h.desk.ok('cases.get', { id });
    expect(stored).toMatchObject({
      kind: 'forum',
      dueOn: '2025-04-30',
      overdue: true,
      owner: { nameFa: 'مریم احمدی' },
    });
    expect(stored.partners.map((p) => p.nameEn)).toEqual(['Singapore']);
    h.assertClean();
  });

  it('registers a letter inside the case and closes the case', async () => {
    const page = h.page;
    const caseUrl = page.url();
    await page.getByRole('button', { name: 'ثبت نامه در این پرونده' }).click();
    await page.waitForURL(/case=/);
    await settle(page);
    await expect
      .poll(() => page.getByTestId('letter-case').inputValue())
      .toBe('شرکت در اجلاس جهانی شهرها در سنگاپور');
    await page.getByTestId('letter-from').fill('Centre for Liveable Cities');
    await page.getByTestId('letter-subject').fill('Invitation to the World Cities Summit');
    await page.getByTestId('letter-subject').press('Control+Enter');
    await page.waitForURL(/#\/correspondence\/[0-9a-f-]{36}$/);
    await page.goto(caseUrl);
    await settle(page);
    await expect
      .poll(() => page.getByTestId('case-letters').textContent())
      .toContain('Invitation to the World Cities Summit');
    await expect.poll(() => page.getByTestId('activity-timeline').textContent()).toContain('نامهٔ وارده');
    await screenshot(page, caseUrl.split('#')[1]!, 'fa', 'case');
    await screenshot(page, caseUrl.split('#')[1]!, 'en', 'case');
    await screenshot(page, caseUrl.split('#')[1]!, 'fa', 'case');

    await page.getByRole('button', { name: 'انجام‌شده' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('انجام‌شده');
    await h.open('/cases');
    await expect.poll(() => page.getByTestId('cases-count').textContent()).toBe('۱ مورد');
    await page.getByRole('switch', { name: 'فقط کارهای باز' }).click();
    await expect.poll(() => page.getByTestId('cases-count').textContent()).toBe('۲ مورد');
    await screenshot(page, '/cases?all=1', 'fa', 'cases');
    await screenshot(page, '/cases?all=1', 'en', 'cases');
    h.assertClean();
  });
});
