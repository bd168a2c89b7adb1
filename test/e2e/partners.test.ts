/**
 * Partners, in Persian, against a real core: record a city with its place in the world,
 * add a person at it, find it on the map and open it from there, archive it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('partners', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        await seedUsers(t);
        await t.ok('partners.create', {
          kind: 'city',
          nameFa: 'اصفهان',
          nameEn: 'Isfahan',
          country: 'IR',
          latitude: 32.6546,
          longitude: 51.668,
          own: true,
        });
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('records a city from the keyboard, refusing what the contract refuses', async () => {
    const page = h.page;
    await h.open('/partners');
    await expect.poll(() => page.getByTestId('partners-count').textContent()).toBe('۱ مورد');
    await page.keyboard.press('Control+n');
    await page.waitForURL(/#\/partners\/new$/);
    await settle(page);

    // Nothing typed yet, and a latitude without its longitude.
    await page.getByTestId('partner-latitude').fill('55.7963');
    await page.getByTestId('partner-save').click();
    await expect.poll(() => page.getByText('این خانه را پر کنید.').isVisible()).toBe(true);

    await page.getByTestId('partner-name-fa').fill('كازان');
    await page.getByTestId('partner-name-en').fill('Kazan');
    await page.getByTestId('partner-save').click();
    await expect.poll(() => page.getByText('عرض و طول جغرافیایی با هم لازم‌اند.').isVisible()).toBe(true);

    await page.getByTestId('partner-longitude').fill('49.1088');
    await page.getByTestId('partner-country').click();
    await page.getByTestId('partner-country').fill('روسیه');
    await page.getByRole('option', { name: 'روسیه' }).click();
    await page.getByTestId('partner-name-en').press('Control+Enter');

    await page.waitForURL(/#\/partners\/[0-9a-f-]{36}$/);
    await settle(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('كازان');
    expect(await page.getByTestId('partner-coordinates').textContent()).toBe('۵۵٫۸، ۴۹٫۱۱');
    const id = page.url().split('/').pop()!;
    const stored = await h.desk.ok('partners.get', { id });
    expect(stored).toMatchObject({ nameEn: 'Kazan', country: 'RU', latitude: 55.7963, longitude: 49.1088 });
    h.assertClean();
  });

  it('adds a person at the partner, checking the email address', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'فرد تازه' }).click();
    await page.getByTestId('contact-name-fa').fill('ایلسور متشین');
    await page.getByLabel('نام لاتین').fill('Ilsur Metshin');
    await page.getByLabel('سمت').fill('شهردار');
    const emails = page.getByTestId('contact-emails');
    await emails.fill('not-an-email');
    await emails.press('Enter');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByText('نشانی رایانامه درست نیست.').isVisible()).toBe(true);
    // Backspace in the empty field takes the last address back.
    await emails.press('Backspace');
    await emails.fill('mayor@kzn.ru');
    await emails.press('Enter');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('partner-contacts').textContent()).toContain('ایلسور متشین');

    await page.getByTestId('partner-contacts').getByRole('button', { name: 'ایلسور متشین' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('mayor@kzn.ru');
    await page.keyboard.press('Escape');
    h.assertClean();
  });

  it('shows the city on the world map, and opens it from there', async () => {
    const page = h.page;
    await h.open('/partners?view=map');
    await expect.poll(() => page.getByTestId('map-point').count()).toBe(2);
    expect(await page.locator('[data-testid="map-point"][data-own]').getAttribute('aria-label')).toBe(
      'اصفهان (ایران)',
    );
    await screenshot(page, '/partners?view=map', 'fa', 'partners-map');
    await page.getByRole('link', { name: 'كازان (روسیه)' }).click();
    await page.waitForURL(/#\/partners\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('كازان');
    await screenshot(page, page.url().split('#')[1]!, 'fa', 'partner');
    await screenshot(page, page.url().split('#')[1]!, 'en', 'partner');
    await screenshot(page, '/partners?view=map', 'en', 'partners-map');
    await screenshot(page, '/partners', 'en', 'partners');
    await screenshot(page, '/partners', 'fa', 'partners');
    h.assertClean();
  });

  it('finds a partner typed with other letter forms, and archives it after asking', async () => {
    const page = h.page;
    await h.open('/partners');
    // Stored with the Arabic ك, found with the Persian ک.
    await page.getByLabel('جستجو در این فهرست').fill('کازان');
    await expect.poll(() => page.getByTestId('partners-count').textContent()).toBe('۱ مورد');
    // Keyboard only: the row takes focus and Enter opens it.
    await page.locator('[role="row"][data-index="0"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/partners\/[0-9a-f-]{36}$/);
    await settle(page);
    await page.getByRole('button', { name: 'بایگانی' }).click();
    await expect
      .poll(() => page.getByRole('dialog').textContent())
      .toContain('از فهرست‌های روزانه پنهان می‌شود');
    await page.getByRole('dialog').getByRole('button', { name: 'بایگانی' }).click();
    await expect.poll(() => page.getByText('بایگانی‌شده').first().isVisible()).toBe(true);
    const id = page.url().split('/').pop()!;
    expect((await h.desk.ok('partners.get', { id })).archived).toBe(true);
    h.assertClean();
  });
});
