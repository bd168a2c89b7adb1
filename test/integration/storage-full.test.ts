/**
 * A full disk: a write that meets it answers STORAGE_FULL, is rolled back whole, and leaves
 * the desk usable once space is free. First with SQLite's own limit on the live connection
 * (PRAGMA max_page_count), then on a real, tiny file system (a tmpfs mounted for the test,
 * which needs root: CI runs as root; elsewhere that part is skipped and says so), where
 * attachments and backups meet the full disk too and leave no partial file behind.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeskErrorShape } from '../../shared/api/errors';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addPartnerRow, deskState, folderHashes } from '../helpers/reliability';

async function integrity(t: TestDesk): Promise<unknown> {
  return t.desk.internals.driver.withConnection(
    (c) =>
      new Promise((resolve, reject) =>
        c.raw.all('PRAGMA integrity_check', [], (err: Error | null, rows: Record<string, unknown>[]) =>
          err ? reject(err) : resolve(rows[0]?.integrity_check),
        ),
      ),
  );
}

/** Creates users with long names until a write is refused; answers the ones created and the refusal. */
async function writeUntilRefused(t: TestDesk, prefix: string, limit = 2000) {
  const created: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    const before = await deskState(t);
    const username = `${prefix}.${i}`;
    const result = await t.desk.call('users.create', { username, nameFa: `کارمند ${'ا'.repeat(280)} ${i}` });
    if (!result.ok) {
      // The refused write left no trace: the database and attachments are as they were.
      expect(await deskState(t)).toEqual(before);
      return { created, refusal: result.error };
    }
    created.push(username);
  }
  throw new Error(`the disk never filled after ${limit} writes`);
}

async function expectAllPresent(t: TestDesk, usernames: string[]): Promise<void> {
  const users = await t.ok('users.list', { includeInactive: true });
  const names = new Set(users.map((u) => u.username));
  for (const name of usernames) expect(names.has(name)).toBe(true);
}

describe('a database that reaches its size limit', () => {
  let t: TestDesk;
  afterEach(async () => {
    await t.cleanup();
  });

  it('answers STORAGE_FULL, rolls the write back, and goes on once there is room', async () => {
    t = await openTestDesk();
    await t.ok('users.create', { username: 'first', nameFa: 'نخستین' });
    // The limit is set on the live connection: SQLite answers SQLITE_FULL at the next new page.
    await t.desk.internals.driver.withConnection(async (c) => {
      const pages = await new Promise<number>((resolve, reject) =>
        c.raw.all('PRAGMA page_count', [], (err: Error | null, rows: { page_count: number }[]) =>
          err ? reject(err) : resolve(rows[0]!.page_count),
        ),
      );
      await c.exec(`PRAGMA max_page_count = ${pages + 2}`);
    });
    const { created, refusal } = await writeUntilRefused(t, 'limited');
    expect(created.length).toBeGreaterThan(0);
    expect(refusal).toEqual({
      code: 'STORAGE_FULL',
      message: 'The disk is full. Nothing was saved; free some space and try again.',
    } satisfies DeskErrorShape);
    // Reading still works, and every write answered before the refusal is there.
    await expectAllPresent(t, ['first', ...created]);
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true, checked: created.length + 1 });

    await t.desk.internals.driver.withConnection((c) => c.exec('PRAGMA max_page_count = 1073741823'));
    await t.ok('users.create', { username: 'after.room', nameFa: 'پس از جا باز شدن' });
    expect(await integrity(t)).toBe('ok');
    expect((await t.ok('audit.verify', {})).checked).toBe(created.length + 2);
  });
});

/** Mounts a tmpfs of `size` at a fresh folder; null when this machine does not allow it. */
function mountTmpfs(size: string): string | null {
  const at = join(tmpdir(), `desk-full-disk-${process.pid}-${Date.now()}`);
  mkdirSync(at);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'ignore' });
    return at;
  } catch {
    rmSync(at, { recursive: true, force: true });
    return null;
  }
}

/** Fills the file system holding `dir` to all but `spare` bytes; answers the filler's path. */
function fillDisk(dir: string, spare: number): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0xaa);
  try {
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  truncateSync(filler, statSync(filler).size - spare);
  return filler;
}

const mountPoint = mountTmpfs('6m');
const mustMount = process.env.CI === 'true' && process.getuid?.() === 0;

describe.runIf(mountPoint !== null || mustMount)('a real full disk (a 6 MB tmpfs)', () => {
  let t: TestDesk;
  let filler: string;
  let partner: string;
  const source = join(tmpdir(), `desk-full-disk-source-${process.pid}`);

  beforeAll(async () => {
    expect(mountPoint, 'CI runs as root and must be able to mount a tmpfs').not.toBeNull();
    mkdirSync(source, { recursive: true });
    t = await openTestDesk({ dir: join(mountPoint!, 'desk') });
    partner = await addPartnerRow(t);
    await t.ok('users.create', { username: 'first', nameFa: 'نخستین' });
    filler = fillDisk(mountPoint!, 96 * 1024);
  });
  afterAll(async () => {
    await t?.cleanup();
    rmSync(source, { recursive: true, force: true });
    if (mountPoint) {
      execFileSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  it('refuses a record with STORAGE_FULL and keeps every record written before', async () => {
    const { created, refusal } = await writeUntilRefused(t, 'full');
    expect(refusal.code).toBe('STORAGE_FULL');
    expect(created.length).toBeGreaterThan(0);
    await expectAllPresent(t, ['first', ...created]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('refuses an attachment with STORAGE_FULL and leaves no partial file', async () => {
    const file = join(source, 'report.txt');
    writeFileSync(file, 'Outcome report of the Singapore forum. '.repeat(20_000));
    const before = await deskState(t);
    const error = await t.fail('attachments.add', { ownerType: 'partner', ownerId: partner, path: file });
    expect(error.code).toBe('STORAGE_FULL');
    expect(await deskState(t)).toEqual(before);
    expect(readdirSync(join(t.dir, 'tmp'))).toEqual([]);
  });

  it('refuses a backup with STORAGE_FULL and leaves no partial backup', async () => {
    const before = folderHashes(join(t.dir, 'backups'));
    const error = await t.fail('backup.create', {});
    expect(error.code).toBe('STORAGE_FULL');
    expect(folderHashes(join(t.dir, 'backups'))).toEqual(before);
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([]);
  });

  it('works again once space is freed, with an intact database', async () => {
    unlinkSync(filler);
    await t.ok('users.create', { username: 'after.room', nameFa: 'پس از جا باز شدن' });
    expect(await integrity(t)).toBe('ok');
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    const { backup } = await t.ok('backup.create', {});
    await t.desk.settled(); // the backup's verification runs in the background
    expect((await t.ok('backup.list', {})).find((b) => b.id === backup.id)!.status).toBe('verified');
    await t.reopen();
    await expectAllPresent(t, ['first', 'after.room']);
  });
});
