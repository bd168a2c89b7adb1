/**
 * Closing the program while a kept backup is being verified: the check stops instead of
 * keeping the program open for the minute a large backup's integrity check takes, and the
 * backup stays unverified (verified at the next start), never marked failed for it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBackupFolder } from '../../electron/main/core/backup/backup.verify';
import { checkDeskFile } from '../../electron/main/core/db/file-check';
import { DeskError } from '../../electron/main/core/errors';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addPartnerRow } from '../helpers/reliability';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
  await addPartnerRow(t);
});
afterEach(async () => {
  await t.cleanup();
});

async function keptBackup(): Promise<string> {
  const { backup } = await t.ok('backup.create', {});
  await t.desk.settled();
  return backup.location;
}

describe('stopping a backup verification', () => {
  it('stops during the database check with CONFLICT instead of reporting the backup as damaged', async () => {
    const folder = await keptBackup();
    let filesHashed = false;
    const stopped = verifyBackupFolder(folder, {
      progress: (done, total) => {
        filesHashed = done === total;
      },
      // Asked to stop once every file is hashed, that is, while the database is checked.
      cancelled: () => filesHashed,
    });
    const error = await stopped.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('CONFLICT');

    // Nothing was wrong with it: verified in full when not stopped.
    const report = await verifyBackupFolder(folder, { progress: () => {}, cancelled: () => false });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect((await t.ok('backup.list', {})).map((b) => b.status)).toEqual(['verified']);
  });

  it('interrupts the integrity check of a file and says it was stopped, not that the file is damaged', async () => {
    const folder = await keptBackup();
    const file = join(folder, 'desk.sqlite');
    let asked = 0;
    const error = await checkDeskFile(file, {
      role: 'backup',
      integrity: 'full',
      cancelled: () => (asked += 1) > 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('CONFLICT');
    expect((error as DeskError).message).toMatch(/stopped/);
    // The same file checked to the end is sound.
    await expect(
      checkDeskFile(file, { role: 'backup', integrity: 'full', cancelled: () => false }),
    ).resolves.toMatchObject({ migrations: expect.any(Array) as unknown });
  });
});
