/**
 * The first run, against a real core on a desk that holds nothing: the welcome screen in
 * Persian with the sample office, in English with an empty desk (keyboard only), and
 * restoring a backup — a bad one first, which leaves the desk as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, tempDir } from '../helpers/desk';
import { SCREENSHOTS_DIR, settle, startHarness, type Harness, type PageGlobals } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const html = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement;
    return { lang: root.lang, dir: root.dir };
  });

async function picture(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
}

/** Nothing of the page may run past the window's edge (a Persian line overflowing, say). */
async function assertNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const doc = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return doc.scrollWidth - doc.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Presses Tab until the focused element's text starts with `text`; fails after a dozen. */
async function tabTo(page: Page, text: string): Promise<void> {
  const focused = () =>
    page.evaluate(
      () =>
        (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } })
          .document.activeElement?.textContent ?? '',
    );
  for (let presses = 0; presses < 12; presses++) {
    if ((await focused()).trim().startsWith(text)) return;
    await page.keyboard.press('Tab');
  }
  expect((await focused()).trim()).toMatch(new RegExp(`^${text}`));
}

async function waitForDesk(page: Page): Promise<void> {
  await page.getByRole('navigation').waitFor({ timeout: 20_000 });
  await settle(page);
}

describe('the welcome screen', () => {
  it('sets up a desk in Persian with the sample office, and never shows again', async () => {
    h = await startHarness({ actor: 'f.moradi' });
    const page = h.page;
    await h.open('/desk');
    const welcome = page.getByRole('form', { name: 'به میز دیپلماسی شهری خوش آمدید' });
    await welcome.waitFor();
    expect(await html(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('welcome-today').textContent())
      .toBe('امروز در این تقویم: دوشنبه، ۱۵ اردیبهشت ۱۴۰۴');
    await assertNoOverflow(page);
    await picture(page, 'welcome.fa');

    await page.getByTestId('welcome-next').click();
    // Going on without a name is refused, in Persian, next to the field.
    await page.getByTestId('welcome-next').click();
    await expect.poll(() => welcome.getByText('این خانه را پر کنید.').count()).toBeGreaterThan(0);
    await page.getByTestId('welcome-name-fa').fill('فاطمه مرادی');
    await page.getByTestId('welcome-name-en').fill('Fatemeh Moradi');
    await page.getByTestId('welcome-city-fa').fill('اصف');
    await page.getByRole('option', { name: 'اصفهان' }).click();
    await expect.poll(() => page.getByTestId('welcome-city-en').inputValue()).toBe('Isfahan');
    await assertNoOverflow(page);
    await picture(page, 'welcome-you.fa');

    await page.getByTestId('welcome-next').click();
    const sample = page.getByRole('radio', { name: /با نمونهٔ یک اداره/ });
    await sample.waitFor();
    expect(await sample.getAttribute('aria-checked')).toBe('true');
    await assertNoOverflow(page);
    await picture(page, 'welcome-start.fa');

    await page.getByRole('button', { name: 'گشودن میز کار' }).click();
    // The sample goes in with a progress bar driven by the core's events.
    await page.getByTestId('task-progress').waitFor();
    await waitForDesk(page);
    expect(await html(page)).toEqual({ lang: 'fa', dir: 'rtl' });

    const status = await h.desk.ok('setup.status', {});
    expect(status.completed).toBe(true);
    expect(status.completedAt).not.toBeNull();
    expect(await h.desk.ok('users.me', {})).toMatchObject({
      username: 'f.moradi',
      nameFa: 'فاطمه مرادی',
      nameEn: 'Fatemeh Moradi',
      locale: 'fa',
      calendar: 'jalali',
    });
    const own = await h.desk.ok('partners.list', { own: true, kind: 'city' });
    expect(own.items.map((p) => p.nameEn)).toEqual(['Isfahan']);
    const overview = await h.desk.ok('desk.overview', {});
    expect(overview.counts.partners).toBeGreaterThan(10);
    await expect
      .poll(() => page.getByTestId('count-partners').textContent())
      .toContain(overview.counts.partners.toLocaleString('fa-IR', { useGrouping: false }));

    // Opening the program again goes straight to the Desk.
    await page.reload();
    await waitForDesk(page);
    expect(await page.getByRole('form', { name: /خوش آمدید/ }).count()).toBe(0);
    h.assertClean();
  });

  it('turns to English at once, and starts an empty desk with the keyboard alone', async () => {
    h = await startHarness({ actor: 'j.smith' });
    const page = h.page;
    await h.open('/desk');
    await page.getByRole('form').waitFor();

    // Language first: the choice turns the page around before anything is saved.
    await page.getByTestId('welcome-language').getByText('English').click();
    await expect.poll(() => html(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await page.getByRole('form', { name: 'Welcome to City Diplomacy Desk' }).waitFor();
    await expect
      .poll(() => page.getByTestId('welcome-today').textContent())
      .toBe('Today in this calendar: Monday, 5 May 2025');
    await assertNoOverflow(page);
    await picture(page, 'welcome.en');

    // From here on the keyboard only.
    await page.getByTestId('welcome-next').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } };
            }
          ).document.activeElement.getAttribute('data-testid'),
        ),
      )
      .toBe('welcome-name-fa');
    await page.keyboard.type('جان اسمیت');
    await page.keyboard.press('Tab');
    await page.keyboard.type('John Smith');
    await page.keyboard.press('Tab');
    await page.keyboard.type('تبریز');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('welcome-city-en').inputValue()).toBe('Tabriz');
    await picture(page, 'welcome-you.en');
    await page.keyboard.press('Enter');

    const empty = page.getByRole('radio', { name: /An empty desk/ });
    await empty.waitFor();
    await tabTo(page, 'With a sample office');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => empty.getAttribute('aria-checked')).toBe('true');
    await assertNoOverflow(page);
    await picture(page, 'welcome-start.en');
    await tabTo(page, 'Open the desk');
    await page.keyboard.press('Enter');

    await waitForDesk(page);
    expect(await html(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await h.desk.ok('users.me', {})).toMatchObject({
      username: 'j.smith',
      nameFa: 'جان اسمیت',
      nameEn: 'John Smith',
      locale: 'en',
      calendar: 'gregorian',
    });
    const partners = await h.desk.ok('partners.list', {});
    expect(partners.items.map((p) => [p.nameEn, p.own, p.latitude !== null])).toEqual([
      ['Tabriz', true, true],
    ]);
    expect((await h.desk.ok('letters.list', {})).total).toBe(0);
    expect((await h.desk.ok('settings.get', {}))['office.nameEn']).toBe(
      'Directorate-General of Communications and International Affairs, Tabriz Municipality',
    );
    h.assertClean();
  });

  it('restores a backup, after refusing one that is not sound and leaving the desk as it was', async () => {
    // A backup of another office's desk, copied to a "USB drive".
    const source = await openTestDesk({ actor: 'm.ahmadi' });
    const usb = tempDir('usb-');
    let backupFolder: string;
    try {
      await source.ok('sample.load', {});
      source.platform.nextFolder = usb;
      const made = await source.ok('backup.create', { copyToChosenFolder: true });
      backupFolder = made.copiedTo!;
      expect(backupFolder).toBeTruthy();
    } finally {
      await source.cleanup();
    }
    const bogus = tempDir('not-a-backup-');
    writeFileSync(join(bogus, 'manifest.json'), '{"kind":"manual","files":"nothing here"}');

    h = await startHarness({ actor: 'f.moradi' });
    const page = h.page;
    await h.open('/desk');
    await page.getByTestId('welcome-next').click();
    await page.getByTestId('welcome-name-fa').fill('فاطمه مرادی');
    await page.getByTestId('welcome-city-fa').fill('اصفهان');
    await page.getByTestId('welcome-next').click();
    await page.getByRole('radio', { name: /بازگردانی از پشتیبان/ }).click();

    h.desk.platform.nextFolder = bogus;
    await page.getByRole('button', { name: 'انتخاب پوشهٔ پشتیبان…' }).click();
    const failure = page.getByTestId('welcome-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('این پشتیبان بازگردانی نشد');
    expect(await failure.textContent()).toContain('میز همان‌گونه که بود ماند');
    await picture(page, 'welcome-restore-failed.fa');
    expect((await h.desk.ok('setup.status', {})).completed).toBe(false);
    expect((await h.desk.ok('partners.list', {})).total).toBe(0);
    // The console error of the refused call is the page reporting it, not a fault.
    h.clearProblems();

    h.desk.platform.nextFolder = backupFolder;
    await page.getByRole('button', { name: 'انتخاب پوشهٔ پشتیبان…' }).click();
    await waitForDesk(page);
    const partners = await h.desk.ok('partners.list', { limit: 500 });
    expect(partners.total).toBeGreaterThan(10);
    expect((await h.desk.ok('setup.status', {})).completed).toBe(true);
    // The person here joins the restored office's staff.
    expect(await h.desk.ok('users.me', {})).toMatchObject({ username: 'f.moradi', nameFa: 'فاطمه مرادی' });
    expect((await h.desk.ok('users.list', {})).map((u) => u.username)).toContain('m.ahmadi');
    h.assertClean();
  });
});
