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

  it('keeps a follow-up with the case: overdue on my Desk, changed, then ticked off', async () => {
    const page = h.page;
    const caseUrl = page.url();
    const caseId = caseUrl.split('/').pop()!;
    const tasks = page.getByTestId('tasks');
    expect(await tasks.textContent()).toContain('پیگیری‌ای ثبت نشده است');
    await tasks.getByTestId('task-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('task-save').click();
    await expect.poll(() => dialog.textContent()).toContain('این خانه را پر کنید');
    await dialog.getByTestId('task-title').fill('فرستادن فهرست هیئت به وزارت امور خارجه');
    await dialog.getByTestId('task-assignee').click();
    await page.getByRole('option', { name: 'مریم احمدی' }).click();
    await dialog.getByTestId('task-due').fill('۱۴۰۴/۰۲/۱۲');
    await dialog.getByTestId('task-save').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => tasks.getByTestId('task-item').count()).toBe(1);
    // The toast sets the typed title apart (FSI … PDI), so a title in either script, ending in
    // digits or brackets, cannot carry the sentence's quotes and full stop to its own side.
    await expect
      .poll(() => page.locator('.mantine-Notification-root').last().textContent())
      .toBe('پیگیری «\u2068فرستادن فهرست هیئت به وزارت امور خارجه\u2069» افزوده شد.');
    expect(await tasks.getByTestId('task-meta').textContent()).toBe('مهلت گذشته از ۱۴۰۴/۰۲/۱۲ · مریم احمدی');
    const [stored] = (await h.desk.ok('tasks.list', { ownerType: 'case', ownerId: caseId })).items;
    expect(stored).toMatchObject({ dueDate: '2025-05-02', overdue: true, done: false });

    await h.open('/desk');
    await expect
      .poll(() => page.getByTestId('desk-overdue').textContent())
      .toContain('فرستادن فهرست هیئت به وزارت امور خارجه');
    await page.goto(caseUrl);
    await settle(page);

    await tasks
      .getByRole('button', { name: 'ویرایش پیگیری «فرستادن فهرست هیئت به وزارت امور خارجه»' })
      .click();
    await expect
      .poll(() => dialog.getByTestId('task-title').inputValue())
      .toBe('فرستادن فهرست هیئت به وزارت امور خارجه');
    await dialog.getByTestId('task-title').fill('فرستادن فهرست هیئت و گذرنامه‌ها به وزارت امور خارجه');
    await dialog.getByTestId('task-save').click();
    await expect
      .poll(() => tasks.getByTestId('task-item').textContent())
      .toContain('فرستادن فهرست هیئت و گذرنامه‌ها به وزارت امور خارجه');

    await tasks.getByTestId('task-done').click();
    await expect
      .poll(
        async () => (await h.desk.ok('tasks.list', { ownerType: 'case', ownerId: caseId })).items[0]?.done,
      )
      .toBe(true);
    await expect.poll(() => tasks.getByTestId('task-meta').textContent()).toContain('انجام‌شده در');
    expect(await page.getByRole('heading', { name: 'پیگیری‌ها (۰ باز از ۱)' }).count()).toBe(1);
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
