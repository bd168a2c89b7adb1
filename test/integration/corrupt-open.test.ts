/**
 * Opening a damaged desk: a corrupted, truncated, zero-length or foreign file answers
 * CORRUPT naming the file and the verified backups that can restore it; nothing in the data
 * folder is written or deleted (the -wal of a crashed desk included). Then the desk is
 * restored from one of those backups without ever opening the damaged file for writing.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, restoreDamagedDesk, type Desk } from '../../electron/main/core';
import { APPLICATION_ID } from '../../electron/main/core/db/database';
import { DamagedDeskError, DeskError } from '../../electron/main/core/errors';
import { deskOptions, openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { addPartnerRow, attachText, folderHashes, scribble, withFile } from '../helpers/reliability';

let source: TestDesk;
let backupId: string;
let template: string;
const scratch: string[] = [];

/** A real PNG (an 8×8 grey square): the kind of file that gets renamed by mistake. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 8, 0, 0, 0, 8, 8, 0, 0, 0, 0]);
  const rows = Buffer.alloc(8 * 9, 0x80);
  for (let y = 0; y < 8; y += 1) rows[y * 9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  source = await openTestDesk();
  const partner = await addPartnerRow(source, 'فلورانس');
  await attachText(source, partner, 'invitation', 'Invitation to the cultural week');
  await source.ok('settings.set', { key: 'relationships.dormantMonths', value: 9 });
  backupId = (await source.ok('backup.create', {})).backup.id;
  await source.ok('settings.set', { key: 'relationships.dormantMonths', value: 10 });
  await source.desk.close();
  template = source.dir;
});

afterAll(() => {
  rmSync(template, { recursive: true, force: true });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the closed desk's folder to damage. */
function copyOfDesk(): string {
  const dir = tempDir('desk-damaged-');
  scratch.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}

async function refusedOpen(dir: string): Promise<DamagedDeskError | DeskError> {
  const before = folderHashes(dir);
  const error = await openDesk(deskOptions(dir)).then(
    async (desk: Desk) => {
      await desk.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  // Nothing written, nothing deleted: every file is as it was, and no file appeared.
  expect(folderHashes(dir)).toEqual(before);
  return error as DeskError;
}

async function expectDamaged(dir: string, why: RegExp): Promise<DamagedDeskError> {
  const error = await refusedOpen(dir);
  expect(error).toBeInstanceOf(DamagedDeskError);
  const damaged = error as DamagedDeskError;
  expect(damaged.code).toBe('CORRUPT');
  expect(damaged.message).toContain(join(dir, 'desk.sqlite'));
  expect(damaged.message).toMatch(why);
  expect(damaged.message).toContain('has not been changed');
  expect(damaged.backups.map((b) => b.id)).toEqual([backupId]);
  expect(damaged.message).toContain(backupId);
  return damaged;
}

describe('opening a damaged desk', () => {
  it('answers CORRUPT for a zero-length file', async () => {
    const dir = copyOfDesk();
    truncateSync(join(dir, 'desk.sqlite'), 0);
    await expectDamaged(dir, /empty \(zero bytes\)/);
  });

  it('answers CORRUPT for a truncated file', async () => {
    const dir = copyOfDesk();
    const file = join(dir, 'desk.sqlite');
    truncateSync(file, Math.floor(statSync(file).size / 3));
    await expectDamaged(dir, /damaged/);
  });

  it('answers CORRUPT for a PNG renamed to desk.sqlite', async () => {
    const dir = copyOfDesk();
    writeFileSync(join(dir, 'desk.sqlite'), png());
    await expectDamaged(dir, /not a database file/);
  });

  it('answers CORRUPT for the database of another program', async () => {
    const dir = copyOfDesk();
    const file = join(dir, 'desk.sqlite');
    rmSync(file);
    await withFile(file, (run) => run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)'));
    await expectDamaged(dir, /not a City Diplomacy Desk database/);
  });

  it('answers CORRUPT for pages overwritten in the middle of the file', async () => {
    const dir = copyOfDesk();
    const file = join(dir, 'desk.sqlite');
    const size = statSync(file).size;
    scribble(file, 4096 * 2, Math.min(size - 4096 * 3, 4096 * 8));
    await expectDamaged(dir, /damaged/);
  });

  it('answers CORRUPT for a structure changed outside the program (an audit trigger dropped)', async () => {
    const dir = copyOfDesk();
    await withFile(join(dir, 'desk.sqlite'), (run) => run('DROP TRIGGER audit_log_no_update'));
    await expectDamaged(dir, /trigger audit_log_no_update is missing/);
  });

  it('answers UNSUPPORTED_FILE for a desk written by a newer version, and changes nothing', async () => {
    const dir = copyOfDesk();
    await withFile(join(dir, 'desk.sqlite'), (run) =>
      run(
        `INSERT INTO kysely_migration (name, timestamp) VALUES ('2999-01-01-01-future', '2999-01-01T00:00:00.000Z')`,
      ),
    );
    const error = await refusedOpen(dir);
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('newer version');
  });

  it('keeps the -wal of a crashed desk whose main file is damaged, byte for byte', async () => {
    // A desk killed while open leaves its last commits in desk.sqlite-wal.
    const live = await openTestDesk();
    scratch.push(live.dir);
    // Everything so far into the main file, then one commit that lives only in the -wal.
    await live.desk.internals.driver.withConnection((c) => c.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    await live.ok('settings.set', { key: 'relationships.dormantMonths', value: 7 });
    const dir = tempDir('desk-crashed-');
    scratch.push(dir);
    for (const name of ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm']) {
      copyFileSync(join(live.dir, name), join(dir, name));
    }
    await live.desk.close();
    expect(statSync(join(dir, 'desk.sqlite-wal')).size).toBeGreaterThan(0);
    const wal = readFileSync(join(dir, 'desk.sqlite-wal'));
    const main = join(dir, 'desk.sqlite');
    scribble(main, 4096 * 2, Math.min(statSync(main).size - 4096 * 3, 4096 * 8));
    const before = folderHashes(dir, (rel) => rel === 'desk.sqlite-shm');
    const error = await openDesk(deskOptions(dir)).then(
      () => null,
      (e: unknown) => e as DeskError,
    );
    expect(error?.code).toBe('CORRUPT');
    // The shared-memory index may be rebuilt by the read-only check; the data files may not change.
    expect(folderHashes(dir, (rel) => rel === 'desk.sqlite-shm')).toEqual(before);
    expect(readFileSync(join(dir, 'desk.sqlite-wal')).equals(wal)).toBe(true);
  });

  it('opens a crashed desk whose -wal holds its last commits, keeping them', async () => {
    const live = await openTestDesk();
    scratch.push(live.dir);
    await live.ok('settings.set', { key: 'relationships.dormantMonths', value: 7 });
    const dir = tempDir('desk-crashed-');
    scratch.push(dir);
    for (const name of ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm']) {
      copyFileSync(join(live.dir, name), join(dir, name));
    }
    await live.desk.close();
    const desk = await openDesk(deskOptions(dir));
    const settings = await desk.call('settings.get', {});
    await desk.close();
    expect(settings.ok && settings.value['relationships.dormantMonths']).toBe(7);
  });

  it('opens a desk whose very first start was cut off, at any point of its creation', async () => {
    // 1. Cut off while the empty file was written under its temporary name.
    const fresh = tempDir('desk-first-start-');
    scratch.push(fresh);
    writeFileSync(join(fresh, 'desk.sqlite.new'), '');
    // 2. Cut off after the empty desk was in place, before any structure.
    const empty = tempDir('desk-first-start-');
    scratch.push(empty);
    await withFile(join(empty, 'desk.sqlite'), (run) => run(`PRAGMA application_id = ${APPLICATION_ID}`));
    // 3. Cut off after Kysely's bookkeeping tables, before the first migration committed.
    const bookkeeping = tempDir('desk-first-start-');
    scratch.push(bookkeeping);
    await withFile(join(bookkeeping, 'desk.sqlite'), async (run) => {
      await run(`PRAGMA application_id = ${APPLICATION_ID}`);
      await run(
        'CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null)',
      );
    });
    for (const dir of [fresh, empty, bookkeeping]) {
      const desk = await openDesk(deskOptions(dir));
      const info = await desk.call('system.info', {});
      await desk.close();
      expect(info.ok && info.value.schemaVersion).toMatch(/^\d{4}-\d{2}-\d{2}-/);
      expect(existsSync(join(dir, 'desk.sqlite.new'))).toBe(false);
    }
  });

  it('restores a damaged desk from the backup it offers, keeping the damaged files aside', async () => {
    const dir = copyOfDesk();
    const file = join(dir, 'desk.sqlite');
    writeFileSync(file, png());
    const damaged = await expectDamaged(dir, /not a database file/);
    const result = await restoreDamagedDesk({ ...deskOptions(dir), backupId: damaged.backups[0]!.id });
    expect(result.damagedKeptIn).toMatch(/-damaged$/);
    expect(readFileSync(join(result.damagedKeptIn!, 'desk.sqlite')).equals(png())).toBe(true);

    const desk = await openDesk(deskOptions(dir));
    try {
      const settings = await desk.call('settings.get', {});
      // The backup was made when the setting was 9 (it became 10 afterwards).
      expect(settings.ok && settings.value['relationships.dormantMonths']).toBe(9);
      const audit = await desk.call('audit.list', { limit: 1 });
      expect(audit.ok && audit.value.items[0]?.action).toBe('backup.restore');
      expect(audit.ok && audit.value.items[0]?.entityId).toBe(backupId);
      const chain = await desk.call('audit.verify', {});
      expect(chain.ok && chain.value.ok).toBe(true);
      const files = await desk.call('attachments.verify', {});
      expect(files.ok && files.value.ok).toBe(true);
      const list = await desk.call('backup.list', {});
      expect(list.ok && list.value.find((b) => b.id === backupId)?.status).toBe('verified');
      expect(list.ok && list.value.some((b) => b.kind === 'damaged')).toBe(true);
    } finally {
      await desk.close();
    }
  });
});
