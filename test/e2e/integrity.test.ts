/**
 * The background page check of a large desk answers after the desk opened: when it finds
 * damage, the window says so above every page, in the user's language, with the way to the
 * backups; a check that passed shows nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('the background check of the desk file', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ seed: async (t) => void (await seedUsers(t)) });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows nothing while the check passes', async () => {
    await h.open('/desk');
    h.desk.desk.emit('integrity', { state: 'passed', checkedAt: '2025-05-05T09:00:00.000Z', problem: null });
    await h.page.waitForTimeout(300);
    expect(await h.page.getByTestId('integrity-alert').count()).toBe(0);
    h.assertClean();
  });

  it('warns above every page when the check finds damage, and leads to the backups', async () => {
    const page = h.page;
    await h.open('/partners');
    h.desk.desk.emit('integrity', {
      state: 'damaged',
      checkedAt: '2025-05-05T09:00:00.000Z',
      problem: '*** in database main *** Page 4711: btreeInitPage() returns error code 11',
    });
    const alert = page.getByTestId('integrity-alert');
    await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('پروندهٔ داده‌ها آسیب دیده است');
    expect(await alert.textContent()).toContain('Page 4711');

    // It stays while the user moves between sections, and reads in English for English users.
    await page.getByRole('navigation').getByText('مکاتبات').click();
    await expect.poll(() => alert.isVisible()).toBe(true);
    await setLocale(page, 'en');
    await expect.poll(() => alert.textContent()).toContain('The data file is damaged');

    await alert.getByRole('link', { name: 'Go to backups' }).click();
    await expect.poll(() => page.url()).toContain('#/settings');
    await expect.poll(() => page.url()).toContain('tab=upkeep');
    h.assertClean();
  });
});
