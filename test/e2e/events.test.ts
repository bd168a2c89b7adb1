/**
 * Events, in Persian, against a real core holding the sample office: a cultural week
 * created with its programme items and seen in the day grid; the Paris week's programme and
 * its reciprocal event; the Singapore delegation's passport warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedTexts, screenshot, setLocale, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('events', () => {
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

  async function openEvent(title: string) {
    const page = h.page;
    await h.open(`/events?q=${encodeURIComponent(title)}`);
    const row = page.locator('[role="row"][data-index]', { hasText: title }).first();
    await row.click();
    await page.waitForURL(/#\/events\/[0-9a-f-]{36}$/);
    await settle(page);
  }

  it('shows the Paris cultural week programme by day, and its reciprocal event both ways', async () => {
    const page = h.page;
    await openEvent('هفته فرهنگی اصفهان در پاریس');
    await expect.poll(() => page.getByTestId('programme-item').count()).toBe(10);
    await expect.poll(() => page.getByTestId('programme-day-2018-04-07').isVisible()).toBe(true);
    expect(await page.getByTestId('programme-day-2018-04-07').textContent()).toContain('۱۸ فروردین ۱۳۹۷');
    await page.getByTestId('event-answered-by').getByRole('link').click();
    await page.waitForURL(/#\/events\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect
      .poll(() => page.getByTestId('event-reciprocal').textContent())
      .toContain('هفته فرهنگی اصفهان در پاریس');
    h.assertClean();
  });

  it('warns about a passport that expires within six months of travel', async () => {
    const page = h.page;
    await openEvent('اجلاس جهانی شهرها و مجمع شهرداران');
    const warning = page.getByTestId('passport-warning');
    await expect.poll(() => warning.count()).toBeGreaterThan(0);
    expect(await warning.first().textContent()).toBe('گذرنامه کمتر از شش ماه پس از سفر اعتبار دارد');
    // The headers, warnings and visa states are read whole in both languages, never cut short.
    const delegation = page.getByRole('region', { name: 'اعضای هیئت' });
    expect(await clippedTexts(delegation)).toEqual([]);
    await setLocale(page, 'en');
    await expect
      .poll(() => warning.first().textContent())
      .toBe('Passport expires within six months of travel');
    expect(await clippedTexts(page.getByRole('region', { name: 'Delegation' }))).toEqual([]);
    await setLocale(page, 'fa');
    h.assertClean();
  });

  it('creates a cultural week with programme items and sees them in the grid', async () => {
    const page = h.page;
    await h.open('/events');
    await settle(page);
    await page.keyboard.press('Control+n');
    await page.waitForURL(/#\/events\/new$/);
    await page.getByTestId('event-title').fill('هفته فرهنگی اصفهان در فلورانس');
    await page.getByTestId('event-start').fill('۱۴۰۴/۰۳/۱۰');
    await page.getByTestId('event-end').fill('۱۴۰۴/۰۳/۱۶');
    await page.getByTestId('event-create').click();
    await page.waitForURL(/#\/events\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByText(/برنامه‌ای ثبت نشده است/).isVisible()).toBe(true);

    const items = [
      ['نمایشگاه مینیاتور اصفهان', '۱۴۰۴/۰۳/۱۰', '۱۷:۰۰'],
      ['کنسرت موسیقی سنتی', '۱۴۰۴/۰۳/۱۱', '20:30'],
      ['کارگاه قلم‌زنی', '۱۴۰۴/۰۳/۱۱', '10:00'],
    ] as const;
    for (const [title, day, time] of items) {
      await page.getByTestId('programme-add').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('programme-title').fill(title);
      await dialog.getByTestId('programme-date').fill(day);
      await dialog.getByTestId('programme-start').fill(time);
      await dialog.getByTestId('programme-save').click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    await expect.poll(() => page.getByTestId('programme-item').count()).toBe(3);
    // 11 Khordad 1404 is 1 June 2025: the workshop at ten comes before the concert.
    const secondDay = page.getByTestId('programme-day-2025-06-01');
    expect(await secondDay.getByTestId('programme-item').allTextContents()).toEqual([
      expect.stringContaining('کارگاه قلم‌زنی'),
      expect.stringContaining('کنسرت موسیقی سنتی'),
    ]);
    expect(await secondDay.textContent()).toContain('۱۰:۰۰');
    expect(await secondDay.textContent()).toContain('۱۱ خرداد ۱۴۰۴');
    h.assertClean();
  });

  it('changes the week’s venue and confirms it', async () => {
    const page = h.page;
    await openEvent('هفته فرهنگی اصفهان در فلورانس');
    expect(await page.getByTestId('event-status').textContent()).toBe('برنامه‌ریزی‌شده');
    await page.getByTestId('event-edit').click();
    await page.waitForURL(/#\/events\/[0-9a-f-]{36}\/edit$/);
    const title = page.getByTestId('event-title');
    await expect.poll(() => title.inputValue()).toBe('هفته فرهنگی اصفهان در فلورانس');
    await page.getByRole('textbox', { name: 'محل', exact: true }).fill('Palazzo Vecchio, Firenze');
    await page.getByTestId('event-status-select').click();
    await page.getByRole('option', { name: 'قطعی' }).click();
    await page.getByTestId('event-create').click();
    await page.waitForURL(/#\/events\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByTestId('event-status').textContent()).toBe('قطعی');
    expect(await page.getByText('Palazzo Vecchio, Firenze').count()).toBe(1);
    // The change is in the event's history, beside its creation.
    const history = page.getByRole('region', { name: 'سابقهٔ تغییرات' });
    await expect.poll(() => history.textContent()).toContain('تغییر کرد');
    expect(await history.textContent()).toContain('ثبت شد');
    h.assertClean();
  });

  it('records a gift given at the week, corrects it, and removes it after asking', async () => {
    const page = h.page;
    await openEvent('هفته فرهنگی اصفهان در فلورانس');
    const gifts = page.getByTestId('gifts');
    await gifts.getByTestId('gift-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'شرح' }).fill('تابلوی مینیاتور میدان نقش جهان');
    await dialog.getByRole('textbox', { name: 'دهنده' }).fill('شهردار اصفهان');
    await dialog.getByRole('textbox', { name: 'گیرنده' }).fill('Sindaco di Firenze');
    await dialog.getByTestId('gift-save').click();
    await expect.poll(() => gifts.getByTestId('gift-row').count()).toBe(1);

    await gifts.getByRole('button', { name: 'ویرایش — تابلوی مینیاتور میدان نقش جهان' }).click();
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'شرح' }).inputValue())
      .toBe('تابلوی مینیاتور میدان نقش جهان');
    await dialog.getByRole('textbox', { name: 'شرح' }).fill('تابلوی مینیاتور و قلمدان');
    await dialog.getByTestId('gift-save').click();
    await expect
      .poll(() => gifts.getByTestId('gift-row').textContent())
      .toContain('تابلوی مینیاتور و قلمدان');
    const id = page.url().split('/').pop()!;
    expect((await h.desk.ok('events.get', { id })).gifts.map((g) => g.description)).toEqual([
      'تابلوی مینیاتور و قلمدان',
    ]);

    await gifts.getByRole('button', { name: 'برداشتن — تابلوی مینیاتور و قلمدان' }).click();
    await expect.poll(() => dialog.textContent()).toContain('از فهرست هدایای این رویداد برداشته می‌شود');
    await dialog.getByRole('button', { name: 'انصراف' }).click();
    expect(await gifts.getByTestId('gift-row').count()).toBe(1);
    await gifts.getByRole('button', { name: 'برداشتن — تابلوی مینیاتور و قلمدان' }).click();
    await dialog.getByRole('button', { name: 'برداشتن', exact: true }).click();
    await expect.poll(() => gifts.getByTestId('gift-row').count()).toBe(0);
    expect((await h.desk.ok('events.get', { id })).gifts).toEqual([]);
    h.assertClean();
  });

  it('takes screenshots of the Paris cultural week', async () => {
    const page = h.page;
    await openEvent('هفته فرهنگی اصفهان در پاریس');
    const route = new URL(page.url()).hash.slice(1);
    for (const locale of ['fa', 'en'] as const) {
      await screenshot(page, route, locale, 'events');
    }
    h.assertClean();
  });
});
