/**
 * Opening a desk that needs its structure updated: the backup before it, the proof of that
 * backup and every migration report their progress in order, with figures that only grow; a
 * backup copy that does not read back as written, or a migration that fails, stops the update
 * and leaves the desk as it was, and says so.
 */
import { openSync, readdirSync, rmSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import type { UpgradeProgress } from '../../shared/api/system.contract';
import { deskPaths } from '../../electron/main/core';
import { appendAudit } from '../../electron/main/core/audit/audit.repository';
import { backupBeforeMigration } from '../../electron/main/core/backup/backup.automatic';
import { listBackups } from '../../electron/main/core/backup/backup.store';
import { APPLICATION_ID, openDatabase } from '../../electron/main/core/db/database';
import { kyselyOver } from '../../electron/main/core/db/file-check';
import type { ReportingMigration } from '../../electron/main/core/db/migration-progress';
import { migrations } from '../../electron/main/core/db/migrations';
import { Sqlite3Driver, openRaw } from '../../electron/main/core/db/sqlite3-driver';
import type { Database } from '../../electron/main/core/db/tables';
import { upgradePort } from '../../electron/main/core/system/upgrade-port';
import { tempDir } from '../helpers/desk';
import { withFile } from '../helpers/reliability';

const names = Object.keys(migrations).sort();
const scratch: string[] = [];

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A desk as the first version of the program left it (only the first migration), with a record and some bulk. */
async function oldDesk(): Promise<string> {
  const dir = tempDir('desk-upgrade-');
  scratch.push(dir);
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
    // A few megabytes, so the copy is seen on its way.
    await sql`INSERT INTO settings (key, value, updated_at) VALUES ('padding', hex(randomblob(3000000)), '2025-01-01')`.execute(
      tx,
    );
    await appendAudit(
      tx,
      { action: 'settings.set', actor: 'old', workstation: 'OLD-PC', tsUtc: '2025-01-01T00:00:00.000Z' },
      { entity: 'settings', entityId: 'relationships.dormantMonths', before: null, after: { months: 11 } },
    );
  });
  await db.destroy();
  return dir;
}

/** What a user would lose if an update changed the desk: its structure, its updates and its records. */
async function deskState(dir: string) {
  return withFile(join(dir, 'desk.sqlite'), async (run) => ({
    schema: await run('SELECT type, name, sql FROM sqlite_master ORDER BY type, name'),
    applied: await run('SELECT name FROM kysely_migration ORDER BY name'),
    settings: await run(
      `SELECT key, length(value) AS size, value = '11' AS eleven FROM settings ORDER BY key`,
    ),
    audit: await run('SELECT seq, hash FROM audit_log ORDER BY seq'),
  }));
}

/** A migration that takes a while and reports its rows, as a rebuild of an index would. */
const slowMigration: ReportingMigration = {
  async up(db: Kysely<unknown>, context) {
    for (let i = 1; i <= 5; i++) {
      await sql`SELECT 1`.execute(db);
      await new Promise((resolve) => setTimeout(resolve, 120));
      context?.progress(i * 100, 500);
    }
  },
};

const failingMigration: ReportingMigration = {
  async up(db: Kysely<unknown>) {
    await sql`UPDATE settings SET value = '99' WHERE key = 'relationships.dormantMonths'`.execute(db);
    throw new Error('the disk went away');
  },
};

async function upgrade(
  dir: string,
  extra: Record<string, ReportingMigration>,
  onUpgrade: (progress: UpgradeProgress) => void,
  checkBeforeOpenUpToBytes?: number,
) {
  const paths = deskPaths(dir);
  const opened = await openDatabase(paths.databaseFile, {
    beforeMigrate: backupBeforeMigration({
      paths,
      appVersion: '0.0.0-test',
      actor: 'tester',
      workstation: 'TEST-PC',
      clock: { now: () => new Date('2025-05-05T09:00:00.000Z') },
    }),
    migrations: { ...migrations, ...extra },
    onUpgrade,
    ...(checkBeforeOpenUpToBytes !== undefined && { checkBeforeOpenUpToBytes }),
  });
  await opened.close();
  return opened.applied;
}

describe('opening a desk that needs its structure updated', () => {
  it('reports the backup, its proof and each update in order, with figures that only grow', async () => {
    const dir = await oldDesk();
    const events: UpgradeProgress[] = [];
    const applied = await upgrade(dir, { '2099-12-31-slow': slowMigration }, (p) => events.push({ ...p }));
    const steps = names.length; // every migration but the first, and the slow one
    expect(applied).toEqual([...names.slice(1), '2099-12-31-slow']);

    // Phases in order: backup, check, migrate; never back.
    const order = ['backup', 'check', 'migrate'];
    const phases = events.map((e) => order.indexOf(e.phase));
    expect(phases.every((p) => p >= 0)).toBe(true);
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.fraction).toBeGreaterThanOrEqual(events[i - 1]!.fraction);
    }

    // The copy in bytes, up to the whole file; then the check of the copy to its end.
    const copy = events.filter((e) => e.phase === 'backup' && e.unit === 'bytes');
    expect(copy.length).toBeGreaterThanOrEqual(2);
    expect(copy.at(-1)!.done).toBe(copy.at(-1)!.total);
    expect(copy.at(-1)!.total).toBeGreaterThan(3_000_000);
    for (let i = 1; i < copy.length; i++) expect(copy[i]!.done).toBeGreaterThanOrEqual(copy[i - 1]!.done);
    const check = events.filter((e) => e.phase === 'check');
    expect(check.at(-1)).toMatchObject({ done: check.at(-1)!.total });

    // Every update i of n, in order, and the slow one's own rows.
    const migrate = events.filter((e) => e.phase === 'migrate');
    expect([...new Set(migrate.map((e) => e.step))]).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
    expect(migrate.every((e) => e.steps === steps)).toBe(true);
    const rows = migrate.filter((e) => e.step === steps && e.unit === 'rows').map((e) => e.done);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.at(-1)).toBe(500);
    expect(events.at(-1)!.fraction).toBe(1);

    // The proved backup is kept for its complete verification in the background.
    const [backup] = await listBackups(deskPaths(dir).backupsDir);
    expect(backup).toMatchObject({ kind: 'pre-migration', status: 'unverified', schemaVersion: names[0] });
  });

  it('leaves the desk as it was when an update fails, and says so', async () => {
    const dir = await oldDesk();
    const before = await deskState(dir);
    const events: UpgradeProgress[] = [];
    const error = await upgrade(dir, { '2099-12-31-failing': failingMigration }, (p) =>
      events.push({ ...p }),
    ).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      'Updating the database structure failed at 2099-12-31-failing; nothing was changed.',
    );
    expect(events.at(-1)).toMatchObject({ phase: 'failed', problem: error!.message });
    expect(await deskState(dir)).toEqual(before);
    // The backup made before it is kept.
    expect((await listBackups(deskPaths(dir).backupsDir)).map((b) => b.kind)).toEqual(['pre-migration']);
  });

  it('does not update the desk when its backup copy does not read back as written', async () => {
    const dir = await oldDesk();
    const before = await deskState(dir);
    const backups = deskPaths(dir).backupsDir;
    let damaged = false;
    const error = await upgrade(dir, {}, (p) => {
      // The copy is written: a disk fault changes some of its bytes before it is proved.
      if (damaged || p.phase !== 'backup' || p.unit !== 'bytes' || p.done !== p.total) return;
      const staging = readdirSync(backups).find((name) => name.endsWith('.partial'))!;
      const file = join(backups, staging, 'desk.sqlite');
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, Math.floor(statSync(file).size / 2));
      closeSync(fd);
      damaged = true;
    }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(damaged).toBe(true);
    expect(error?.message).toContain(
      'could not be backed up before updating its structure, so it was not updated',
    );
    expect(error?.message).toContain('desk.sqlite does not read back as it was written');
    expect(await deskState(dir)).toEqual(before);
    expect(readdirSync(backups)).toEqual([]);
  });

  it('does not update a desk damaged while it was closed, whose copy cannot be read', async () => {
    const dir = await oldDesk();
    const file = join(dir, 'desk.sqlite');
    const [root] = await withFile(file, (run) =>
      run(`SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'`),
    );
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(2000, 0x5a), 0, 2000, (Number(root!.rootpage) - 1) * 4096 + 8);
    closeSync(fd);
    const error = await upgrade(dir, {}, () => {}, 0).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('so it was not updated');
    const applied = await withFile(file, (run) => run('SELECT name FROM kysely_migration'));
    expect(applied).toEqual([{ name: names[0] }]);
    expect(readdirSync(deskPaths(dir).backupsDir)).toEqual([]);
  });
});

describe('the window during an update', () => {
  it('answers how far the update is, pushes each step, and says when it failed', async () => {
    const port = upgradePort();
    const heard: UpgradeProgress[] = [];
    port.on('upgrade', (p) => heard.push(p));
    expect(await port.call('system.upgrade', {})).toEqual({
      ok: true,
      value: { upgrading: true, progress: null },
    });
    const step: UpgradeProgress = {
      phase: 'migrate',
      done: 0,
      total: 0,
      unit: 'none',
      step: 1,
      steps: 2,
      fraction: 0.8,
      problem: null,
    };
    port.report(step);
    expect(await port.call('system.upgrade', {})).toEqual({
      ok: true,
      value: { upgrading: true, progress: step },
    });
    expect(await port.call('partners.list', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    port.fail('Updating the database structure failed at x; nothing was changed.');
    expect(heard.map((p) => p.phase)).toEqual(['migrate', 'failed']);
    expect(heard.at(-1)).toMatchObject({
      fraction: 0.8,
      problem: 'Updating the database structure failed at x; nothing was changed.',
    });
  });
});
