/**
 * Relationships, in Persian, against a real core: create a sister-city relationship, see it
 * on the world map, open it from there, and watch its timeline follow a new letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setLocale, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('relationships', () => {
  let h: Harness;
  let ownId = '';

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await seedUsers(t);
        const own = await t.ok('partners.create', {
          kind: 'city',
          nameFa: 'اصفهان',
          nameEn: 'Isfahan',
          country: 'IR',
          latitude: 32.6546,
          longitude: 51.668,
          own: true,
        });
        ownId = own.id;
        await t.ok('partners.create', {
          kind: 'city',
          nameFa: 'کازان',
          nameEn: 'Kazan',
          nameNative: 'Казань',
          nativeLanguage: 'ru',
          country: 'RU',
          latitude: 55.7963,
          longitude: 49.1088,
        });
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a sister-city relationship', async () => {
    const page = h.page;
    await h.open('/relationships');
    await expect.poll(() => page.getByText('هنوز رابطه‌ای ثبت نشده است.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'رابطهٔ تازه' }).first().click();
    await page.waitForURL(/#\/relationships\/new$/);
    await settle(page);

    // The only own unit is already chosen.
    expect(await page.getByTestId('relationship-own-unit').inputValue()).toBe('اصفهان');
    await page.getByTestId('relationship-partner').click();
    await page.getByTestId('relationship-partner').fill('کازان');
    await page.getByRole('option', { name: 'کازان (روسیه)' }).click();
    await page.getByTestId('relationship-status').click();
    await page.getByRole('option', { name: 'فعال', exact: true }).click();
    await page.getByTestId('relationship-established').fill('۱۴۰۴/۰۱/۲۰');
    await page.getByRole('checkbox', { name: 'فرهنگی' }).check();
    await page.getByRole('checkbox', { name: 'اقتصادی' }).check();
    await page.getByTestId('relationship-save').click();

    await page.waitForURL(/#\/relationships\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('اصفهان و کازان');
    expect(await page.getByTestId('relationship-status-badge').textContent()).toBe('فعال');
    expect(await page.getByTestId('relationship-established-on').textContent()).toBe('۲۰ فروردین ۱۴۰۴');
    const id = page.url().split('/').pop()!;
    const stored = await h.desk.ok('relationships.get', { id });
    expect(stored).toMatchObject({
      type: 'sister_city',
      status: 'active',
      establishedOn: '2025-04-09',
      ownUnit: { id: ownId },
    });
    expect([...stored.areas].sort()).toEqual(['cultural', 'economic']);
    h.assertClean();
  });

  it('shows the relationship on the map, and opens it from there', async () => {
    const page = h.page;
    await h.open('/partners?view=map');
    await expect.poll(() => page.getByTestId('map-link').count()).toBe(1);
    const arc = page.getByRole('link', { name: 'خواهرخواندگی: اصفهان و کازان' });
    expect(await arc.getAttribute('href')).toMatch(/^#\/relationships\/[0-9a-f-]{36}$/);
    await screenshot(page, '/partners?view=map', 'fa', 'partners-map');
    await screenshot(page, '/partners?view=map', 'en', 'partners-map');
    await screenshot(page, '/partners?view=map', 'fa', 'partners-map');
    await arc.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/relationships\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('اصفهان و کازان');
    h.assertClean();
  });

  it('follows new activity on the timeline as the core reports it', async () => {
    const page = h.page;
    const id = page.url().split('/').pop()!;
    await expect
      .poll(() => page.getByText('هنوز نامه، پرونده، تفاهم‌نامه یا رویدادی پیوند ندارد.').first().isVisible())
      .toBe(true);
    // Someone else registers a letter for this relationship; the open page hears of it.
    await h.desk.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-04-30',
      from: { text: 'Kazan City Executive Committee' },
      to: { text: 'شهرداری اصفهان' },
      subject: 'Programme of the Kazan days in Isfahan',
      language: 'en',
      relationshipId: id,
    });
    await expect
      .poll(() => page.getByTestId('activity-timeline').textContent())
      .toContain('Programme of the Kazan days in Isfahan');
    expect(await page.getByTestId('activity-timeline').textContent()).toContain('نامهٔ وارده');
    // The card holding this one relationship's facts is named for it, not for the section.
    expect(await page.getByRole('heading', { level: 2, name: 'مشخصات رابطه' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'روابط', exact: true }).count()).toBe(0);
    await screenshot(page, `/relationships/${id}`, 'fa', 'relationship');
    await screenshot(page, `/relationships/${id}`, 'en', 'relationship');
    await screenshot(page, '/relationships', 'en', 'relationships');
    await screenshot(page, '/relationships', 'fa', 'relationships');
    await expect.poll(() => page.getByTestId('relationships-count').textContent()).toBe('۱ مورد');
    h.assertClean();
  });
  it('names the picked partner in the language of the form', async () => {
    const page = h.page;
    await h.open('/relationships/new');
    await setLocale(page, 'en');
    const partner = page.getByTestId('relationship-partner');
    // A Persian name typed in the English form finds the partner; the form then names it in English.
    await partner.click();
    await partner.fill('کازان');
    await page.getByRole('option', { name: 'Kazan (Russia)' }).click();
    await expect.poll(() => partner.inputValue()).toBe('Kazan (Russia)');
    await page.getByTestId('relationship-status').click();
    await expect.poll(() => partner.inputValue()).toBe('Kazan (Russia)');
    await page.keyboard.press('Escape');
    await setLocale(page, 'fa');
    await expect.poll(() => partner.inputValue()).toBe('کازان (روسیه)');
    h.assertClean();
  });
});
