/**
 * A desk that needs its structure updated, in Persian and English: while it is backed up and
 * updated before it opens, the window shows what is happening, one bar that moves forward and
 * that the program must not be closed; a failed update says the desk was left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpgradeProgress } from '../../shared/api/system.contract';
import { upgradePort, type UpgradePort } from '../../electron/main/core/system/upgrade-port';
import { screenshot, startHarness, type Harness, type PageGlobals } from './harness';

const GB = 1024 * 1024 * 1024;

describe('the upgrade screen', () => {
  let h: Harness;
  let port: UpgradePort;

  beforeAll(async () => {
    port = upgradePort();
    h = await startHarness({ port: () => port });
    // What ipc.ts does: the port's events reach the page.
    port.on('upgrade', (payload) => {
      void h.page
        .evaluate(([data]) => (globalThis as unknown as PageGlobals).__deskEmit?.('upgrade', data), [
          payload,
        ] as const)
        .catch(() => {});
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const report = (progress: Partial<UpgradeProgress>) =>
    port.report({
      phase: 'backup',
      done: 0,
      total: 0,
      unit: 'bytes',
      step: 0,
      steps: 4,
      fraction: 0,
      problem: null,
      ...progress,
    });

  it('names what is happening, shows how far it is, and asks that the program stay open', async () => {
    const page = h.page;
    report({ phase: 'backup', done: 1.2 * GB, total: 2.3 * GB, fraction: 0.08 });
    await h.open('/desk');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('میز به‌روزرسانی می‌شود');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByTestId('upgrade-step').textContent()).toContain('پشتیبان‌گیری از میز');
    expect(await page.getByTestId('upgrade-percent').textContent()).toBe('۸٪');
    expect(await page.getByTestId('upgrade-do-not-close').textContent()).toContain('برنامه را نبندید');
    expect(await page.getByRole('navigation').count()).toBe(0);

    report({ phase: 'check', done: 1.5 * GB, total: 2.3 * GB, fraction: 0.57 });
    await expect.poll(() => page.getByTestId('upgrade-step').textContent()).toContain('وارسی پشتیبان');
    report({ phase: 'migrate', unit: 'rows', step: 3, done: 42_000, total: 100_000, fraction: 0.87 });
    await expect
      .poll(() => page.getByTestId('upgrade-step').textContent())
      .toBe('به‌روزرسانی ۳ از ۴: ۴۲٬۰۰۰ از ۱۰۰٬۰۰۰ ردیف');
    expect(await page.getByTestId('upgrade-percent').textContent()).toBe('۸۷٪');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('87');

    await screenshot(page, '/desk', 'en', 'upgrade');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The desk is being updated');
    expect(await page.getByTestId('upgrade-step').textContent()).toBe(
      'Update 3 of 4: 42,000 of 100,000 rows',
    );
    expect(await page.getByTestId('upgrade-do-not-close').textContent()).toContain(
      'do not close the program',
    );
    await screenshot(page, '/desk', 'fa', 'upgrade');
    h.assertClean();
  });

  it('says that the desk was left as it was when the update failed', async () => {
    const page = h.page;
    port.fail(
      'Updating the database structure failed at 2026-11-27-15-search-prefixes; nothing was changed.',
    );
    const failed = page.getByTestId('upgrade-failed');
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.textContent()).toContain('میز همان‌گونه که بود ماند و چیزی در آن تغییر نکرد');
    expect(await page.getByTestId('upgrade-do-not-close').count()).toBe(0);
    await failed.getByText('جزئیات فنی برای کارشناس فناوری اطلاعات').click();
    await expect.poll(() => failed.textContent()).toContain('nothing was changed');
    await screenshot(page, '/desk', 'fa', 'upgrade-failed');
    h.assertClean();
  });
});
