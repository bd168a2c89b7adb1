/**
 * A desk whose file cannot be opened, in Persian: the window shows the damaged-desk screen
 * naming the file and the verified backups, touches nothing, and after a confirmation
 * restores one; reopened on the restored desk (as the main process does), the records are back.
 */
import { cpSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, restoreDamagedDesk, type Desk } from '../../electron/main/core';
import { damagedDeskPort, type DamagedDeskPort } from '../../electron/main/core/backup/backup.damaged-port';
import { DamagedDeskError } from '../../electron/main/core/errors';
import { deskOptions, openTestDesk, tempDir } from '../helpers/desk';
import { folderHashes } from '../helpers/reliability';
import { screenshot, settle, startHarness, type Harness } from './harness';
import { seedUsers } from './sample-data';

describe('a damaged desk', () => {
  let h: Harness;
  let dir: string;
  let backupId: string;
  let port: DamagedDeskPort | null = null;
  let reopened: Desk | null = null;

  const options = () => deskOptions(dir);

  beforeAll(async () => {
    const source = await openTestDesk();
    await seedUsers(source);
    await source.ok('partners.create', {
      kind: 'city',
      nameFa: 'فلورانس',
      nameEn: 'Florence',
      country: 'IT',
    });
    backupId = (await source.ok('backup.create', {})).backup.id;
    await source.desk.close();
    dir = tempDir('desk-damaged-e2e-');
    cpSync(source.dir, dir, { recursive: true });
    rmSync(source.dir, { recursive: true, force: true });
    truncateSync(join(dir, 'desk.sqlite'), 4096);

    const error = await openDesk(options()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DamagedDeskError);
    port = damagedDeskPort({
      error: error as DamagedDeskError,
      restore: (id) => restoreDamagedDesk({ ...options(), backupId: id }),
      // What the main process does: open the restored desk and answer the window with it.
      onRestored: () => {
        void openDesk(options()).then((desk) => {
          reopened = desk;
          port = null;
        });
      },
    });
    h = await startHarness({ port: () => reopened ?? port });
  });

  afterAll(async () => {
    await h?.close();
    await reopened?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names the file and the verified backups, and changes nothing', async () => {
    const page = h.page;
    const before = folderHashes(dir);
    await h.open('/desk');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('پروندهٔ داده‌های میز باز نمی‌شود');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByTestId('damaged-file').textContent()).toBe(join(dir, 'desk.sqlite'));
    const rows = page.getByTestId('damaged-backups').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('۱۴۰۴');
    expect(await rows.first().textContent()).toContain('دستی');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await screenshot(page, '/desk', 'en', 'damaged-desk');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'The desk’s data file cannot be opened',
    );
    await screenshot(page, '/desk', 'fa', 'damaged-desk');
    expect(folderHashes(dir)).toEqual(before);
    h.assertClean();
  });

  it('restores the backup after asking, keeps the damaged file, and opens the restored desk', async () => {
    const page = h.page;
    await page.getByRole('button', { name: /^بازگردانی پشتیبان / }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('آنچه پس از آن ثبت شده در آن نیست');
    await dialog.getByRole('button', { name: 'انصراف' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(reopened).toBeNull();

    await page.getByRole('button', { name: /^بازگردانی پشتیبان / }).click();
    await dialog.getByRole('button', { name: 'بازگردانی', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('damaged-restored').textContent(), { timeout: 20_000 })
      .toContain('میز بازگردانده شد');
    expect(await page.getByTestId('damaged-restored').textContent()).toContain(join(dir, 'backups'));
    await expect.poll(() => reopened !== null).toBe(true);

    // The main process reloads the window onto the reopened desk.
    await page.reload();
    await settle(page);
    await h.open('/partners');
    await expect.poll(() => page.getByTestId('partners-count').textContent()).toBe('۱ مورد');
    expect(await page.getByText('فلورانس').count()).toBeGreaterThan(0);
    const restored = await reopened!.call('backup.damaged', {});
    expect(restored).toMatchObject({ ok: true, value: { damaged: false } });
    expect(backupId).toMatch(/-manual$/);
    h.assertClean();
  });
});
