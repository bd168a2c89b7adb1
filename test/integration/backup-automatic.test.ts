/**
 * Backups nobody has to remember: a daily one at start when the newest is more than a day
 * old, one before every change of the database structure, rotation (7 daily, 4 weekly, 12
 * monthly), and the leftovers of interrupted backups removed at start.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/api/backup.contract';
import { openDesk } from '../../electron/main/core';
import { appendAudit } from '../../electron/main/core/audit/audit.repository';
import { backupsToRemove, isoWeek } from '../../electron/main/core/backup/backup.store';
import { APPLICATION_ID } from '../../electron/main/core/db/database';
import { kyselyOver } from '../../electron/main/core/db/file-check';
import { migrations } from '../../electron/main/core/db/migrations';
import { Sqlite3Driver, openRaw } from '../../electron/main/core/db/sqlite3-driver';
import type { Database } from '../../electron/main/core/db/tables';
import { DeskError } from '../../electron/main/core/errors';
import { deskOptions, openTestDesk, tempDir, TestClock, type TestDesk } from '../helpers/desk';
import { withFile } from '../helpers/reliability';

const DAY = 24 * 60 * 60 * 1000;
const scratch: string[] = [];
let t: TestDesk | null = null;

afterEach(async () => {
  await t?.cleanup();
  t = null;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function backupFolders(dir: string): string[] {
  return readdirSync(join(dir, 'backups')).sort();
}

/** Closes and opens the desk again, and lets the automatic backup at start finish. */
async function restart(desk: TestDesk): Promise<void> {
  await desk.reopen();
  await desk.desk.settled();
  await desk.desk.close();
  desk.desk = await openDesk(deskOptions(desk.dir, { platform: desk.platform, clock: desk.clock }));
}

describe('the daily automatic backup', () => {
  it('is written at start when the newest backup is more than a day old, without an audit row', async () => {
    t = await openTestDesk({ fresh: true, automaticBackups: true });
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 8 });
    await t.desk.close();
    // A brand-new desk has nothing to back up.
    expect(backupFolders(t.dir)).toEqual([]);

    await restart(t);
    const [first] = backupFolders(t.dir);
    expect(first).toBe('2025-05-05T09-00-00-000Z-daily');
    const list = await t.ok('backup.list', {});
    expect(list.map((b) => [b.id, b.kind, b.status])).toEqual([[first, 'daily', 'verified']]);
    expect((await t.ok('audit.list', {})).total).toBe(1);

    t.clock.advance(DAY / 2);
    await restart(t);
    expect(backupFolders(t.dir)).toEqual([first]);

    t.clock.advance(DAY / 2 + 60_000);
    await restart(t);
    expect(backupFolders(t.dir)).toEqual([first, '2025-05-06T09-01-00-000Z-daily']);
  });

  it('counts a recent manual backup, so no daily one is written that day', async () => {
    t = await openTestDesk({ fresh: true, automaticBackups: true });
    await t.ok('backup.create', {});
    t.clock.advance(DAY - 1000);
    await restart(t);
    expect(backupFolders(t.dir)).toEqual(['2025-05-05T09-00-00-000Z-manual']);
  });

  it('rotates daily backups, never manual ones', async () => {
    t = await openTestDesk({
      clock: new TestClock('2025-05-01T06:00:00.000Z'),
      fresh: true,
      automaticBackups: true,
    });
    await t.ok('backup.create', {});
    for (let day = 1; day <= 10; day += 1) {
      t.clock.advance(DAY);
      await restart(t);
    }
    // 1–11 May: the 7 newest days are kept; 4 May is the newest of its week (kept as a weekly).
    expect(backupFolders(t.dir)).toEqual([
      '2025-05-01T06-00-00-000Z-manual',
      '2025-05-04T06-00-00-000Z-daily',
      '2025-05-05T06-00-00-000Z-daily',
      '2025-05-06T06-00-00-000Z-daily',
      '2025-05-07T06-00-00-000Z-daily',
      '2025-05-08T06-00-00-000Z-daily',
      '2025-05-09T06-00-00-000Z-daily',
      '2025-05-10T06-00-00-000Z-daily',
      '2025-05-11T06-00-00-000Z-daily',
    ]);
  });

  it('stops when the desk closes part-way, keeping nothing, and is written at the next start', async () => {
    t = await openTestDesk({ fresh: true, automaticBackups: true });
    // About 6 MB, so the copy takes several steps.
    await t.desk.internals.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 40; i += 1) {
        await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
          INSERT INTO partners (id, kind, name_fa, notes, created_at, updated_at)
          SELECT lower(hex(randomblob(16))), 'city', 'شهر', hex(randomblob(150)), '2025-01-01', '2025-01-01' FROM n`.execute(
          tx,
        );
      }
    });
    await t.reopen();
    const steps: number[] = [];
    const closed = new Promise<void>((resolve) => {
      t!.desk.on('progress', (p) => {
        steps.push(p.done);
        if (steps.length === 1) void t!.desk.close().then(resolve);
      });
    });
    await closed;
    expect(steps[0]).toBeLessThan(1000);
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([]);
    await restart(t);
    expect(backupFolders(t.dir)).toEqual(['2025-05-05T09-00-00-000Z-daily']);
  });

  it('removes what interrupted backups left behind, and nothing else', async () => {
    t = await openTestDesk({ fresh: true, automaticBackups: true });
    const partial = join(t.dir, 'backups', '.2025-05-04T09-00-00-000Z-daily.partial');
    mkdirSync(join(partial, 'attachments'), { recursive: true });
    writeFileSync(join(partial, 'desk.sqlite'), 'half a copy');
    mkdirSync(join(t.dir, 'backups', 'notes of the office'));
    await restart(t);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(join(t.dir, 'backups', 'notes of the office'))).toBe(true);
  });
});

describe('rotation', () => {
  function daily(iso: string): Pick<BackupInfo, 'id' | 'kind' | 'createdAt'> {
    return { id: `${iso}-daily`, kind: 'daily', createdAt: iso };
  }

  it('keeps 7 daily, 4 weekly and 12 monthly of two years of daily backups', () => {
    const start = Date.UTC(2024, 0, 1, 8);
    const backups = Array.from({ length: 731 }, (_, i) => daily(new Date(start + i * DAY).toISOString()));
    const removed = new Set(backupsToRemove(backups));
    const kept = backups.filter((b) => !removed.has(b.id)).map((b) => b.createdAt.slice(0, 10));
    expect(kept.sort()).toEqual(
      [
        // 12 months: the newest of each month, June 2025 back to January 2025 ...
        '2025-01-31',
        '2025-02-28',
        '2025-03-31',
        '2025-04-30',
        '2025-05-31',
        '2025-06-30',
        '2025-07-31',
        '2025-08-31',
        '2025-09-30',
        '2025-10-31',
        '2025-11-30',
        // ... 4 ISO weeks (2025-W50, W51, W52 and 2026-W01, which holds 31 December) and
        // 7 days (25–31 December 2025; the newest two are also the newest of their weeks).
        '2025-12-14',
        '2025-12-21',
        '2025-12-25',
        '2025-12-26',
        '2025-12-27',
        '2025-12-28',
        '2025-12-29',
        '2025-12-30',
        '2025-12-31',
      ].sort(),
    );
  });

  it('never removes the newest verified backup in favour of newer ones not verified', () => {
    const start = Date.UTC(2025, 0, 1, 8);
    const backups = Array.from({ length: 30 }, (_, i) => ({
      ...daily(new Date(start + i * 86_400_000).toISOString()),
      status: i === 0 ? ('verified' as const) : i % 2 === 0 ? ('failed' as const) : ('unverified' as const),
    }));
    const removed = backupsToRemove(backups);
    expect(removed).not.toContain(backups[0]!.id);
    expect(removed.length).toBeGreaterThan(0);
    // Once a newer one is verified, the old one goes as rotation says.
    backups[29] = { ...backups[29]!, status: 'verified' };
    expect(backupsToRemove(backups)).toContain(backups[0]!.id);
  });

  it('keeps the newest 3 pre-migration and pre-restore backups and every manual one', () => {
    const kinds = ['manual', 'pre-migration', 'pre-restore'] as const;
    const backups = kinds.flatMap((kind) =>
      Array.from({ length: 5 }, (_, i) => ({
        id: `${kind}-${i}`,
        kind,
        createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      })),
    );
    expect(backupsToRemove(backups).sort()).toEqual([
      'pre-migration-0',
      'pre-migration-1',
      'pre-restore-0',
      'pre-restore-1',
    ]);
  });

  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeek('2024-12-30T00:00:00Z')).toBe('2025-W01');
    expect(isoWeek('2021-01-03T00:00:00Z')).toBe('2020-W53');
    expect(isoWeek('2025-05-05T00:00:00Z')).toBe('2025-W19');
    expect(isoWeek('2025-05-04T00:00:00Z')).toBe('2025-W18');
  });
});

describe('the backup before a structure update', () => {
  const names = Object.keys(migrations).sort();

  /** A desk as the first version of the program left it: only the first migration, with a record. */
  async function oldDesk(dir: string): Promise<void> {
    const raw = await openRaw(join(dir, 'desk.sqlite'), { create: true });
    const driver = new Sqlite3Driver(raw);
    await driver.connection.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA journal_mode = WAL;`);
    const db = kyselyOver<Database>(driver);
    const first = names[0]!;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ [first]: migrations[first]! }) },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('settings')
        .values({ key: 'relationships.dormantMonths', value: '11', updated_at: '2025-01-01' })
        .execute();
      await appendAudit(
        tx,
        { action: 'settings.set', actor: 'old', workstation: 'OLD-PC', tsUtc: '2025-01-01T00:00:00.000Z' },
        {
          entity: 'settings',
          entityId: 'relationships.dormantMonths',
          before: null,
          after: { 'relationships.dormantMonths': 11 },
        },
      );
    });
    await db.destroy();
  }

  it('backs the desk up, verified, before migrating it, and that backup restores and migrates again', async () => {
    const dir = tempDir('desk-old-');
    scratch.push(dir);
    await oldDesk(dir);
    const desk = await openDesk(deskOptions(dir));
    try {
      // Proved before the update and kept; its complete verification follows in the background.
      await desk.settled();
      const list = await desk.call('backup.list', {});
      expect(list.ok).toBe(true);
      const [pre] = list.ok ? list.value : [];
      expect(pre).toMatchObject({
        kind: 'pre-migration',
        status: 'verified',
        schemaVersion: names[0],
        auditHeadSeq: 1,
      });
      expect((await desk.call('system.info', {})).ok && (await desk.call('system.info', {}))).toMatchObject({
        value: { schemaVersion: names.at(-1) },
      });
      await desk.call('settings.set', { key: 'relationships.dormantMonths', value: 12 });

      const restored = await desk.call('backup.restore', { id: pre!.id });
      expect(restored.ok && restored.value.migrated).toEqual(names.slice(1));
      const settings = await desk.call('settings.get', {});
      expect(settings.ok && settings.value['relationships.dormantMonths']).toBe(11);
      const chain = await desk.call('audit.verify', {});
      expect(chain.ok && chain.value).toMatchObject({ ok: true, checked: 2 });
    } finally {
      await desk.close();
    }
  });

  it('does not update a desk it could not back up first, and leaves it as it was', async () => {
    const dir = tempDir('desk-old-');
    scratch.push(dir);
    await oldDesk(dir);
    writeFileSync(join(dir, 'backups'), 'a file where the backups folder should be');
    const error = await openDesk(deskOptions(dir)).then(
      () => null,
      (e: unknown) => e as DeskError,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect(error!.message).toContain('could not be backed up before updating its structure');
    const applied = await withFile(join(dir, 'desk.sqlite'), (run) =>
      run('SELECT name FROM kysely_migration'),
    );
    expect(applied).toEqual([{ name: names[0] }]);
  });

  it('writes no backup when a new desk is created', async () => {
    t = await openTestDesk({ fresh: true, automaticBackups: true });
    expect(backupFolders(t.dir)).toEqual([]);
  });
});
