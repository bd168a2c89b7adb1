/**
 * The window of a desk whose file cannot be opened: it learns the file and the verified
 * backups from backup.damaged, every other method is refused as CORRUPT without touching
 * the folder, and restoring one of the offered backups brings the desk back with its records.
 */
import { cpSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, restoreDamagedDesk } from '../../electron/main/core';
import { damagedDeskPort } from '../../electron/main/core/backup/backup.damaged-port';
import { DamagedDeskError } from '../../electron/main/core/errors';
import { deskOptions, openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { addPartnerRow, folderHashes } from '../helpers/reliability';

let source: TestDesk;
let backupId: string;
const scratch: string[] = [];

beforeAll(async () => {
  source = await openTestDesk();
  await addPartnerRow(source, 'فلورانس');
  backupId = (await source.ok('backup.create', {})).backup.id;
  await source.desk.close();
});

afterAll(() => {
  rmSync(source.dir, { recursive: true, force: true });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function damagedCopy(): Promise<{ dir: string; error: DamagedDeskError }> {
  const dir = tempDir('desk-damaged-port-');
  scratch.push(dir);
  cpSync(source.dir, dir, { recursive: true });
  truncateSync(join(dir, 'desk.sqlite'), 0);
  const error = await openDesk(deskOptions(dir)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DamagedDeskError);
  return { dir, error: error as DamagedDeskError };
}

describe('the damaged-desk port', () => {
  it('names the file and the backups, and refuses everything else as CORRUPT without writing', async () => {
    const { dir, error } = await damagedCopy();
    const before = folderHashes(dir);
    let restored = 0;
    const port = damagedDeskPort({
      error,
      restore: (id) => restoreDamagedDesk({ ...deskOptions(dir), backupId: id }),
      onRestored: () => (restored += 1),
    });
    const status = await port.call('backup.damaged', {});
    expect(status).toMatchObject({
      ok: true,
      value: { damaged: true, file: join(dir, 'desk.sqlite'), backups: [{ id: backupId }] },
    });
    expect(status.ok && (status.value as { reason: string }).reason).toMatch(/empty \(zero bytes\)/);
    for (const method of ['system.info', 'partners.list', 'backup.restore', 'no.such']) {
      const answer = await port.call(method, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    }
    expect(await port.call('backup.restoreDamaged', { id: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await port.call('backup.restoreDamaged', { id: '2020-01-01T00-00-00-000Z-manual' })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    );
    expect(folderHashes(dir)).toEqual(before);
    expect(restored).toBe(0);
  });

  it('restores an offered backup, keeps the damaged file, and the desk opens again with its records', async () => {
    const { dir, error } = await damagedCopy();
    writeFileSync(join(dir, 'desk.sqlite'), 'not a database');
    let restored = 0;
    const port = damagedDeskPort({
      error,
      restore: (id) => restoreDamagedDesk({ ...deskOptions(dir), backupId: id }),
      onRestored: () => (restored += 1),
    });
    const answer = await port.call('backup.restoreDamaged', { id: backupId });
    expect(answer).toMatchObject({ ok: true, value: { damagedKeptIn: expect.stringContaining('damaged') } });
    await expect.poll(() => restored).toBe(1);
    const desk = await openDesk(deskOptions(dir));
    try {
      const partners = await desk.call('partners.list', {});
      expect(
        partners.ok && (partners.value as { items: { nameFa: string }[] }).items.map((p) => p.nameFa),
      ).toContain('فلورانس');
      expect(await desk.call('backup.damaged', {})).toMatchObject({
        ok: true,
        value: { damaged: false, file: join(dir, 'desk.sqlite'), backups: [] },
      });
      expect(await desk.call('backup.restoreDamaged', { id: backupId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    } finally {
      await desk.close();
    }
  });
});
