/**
 * Backups: a consistent copy of the database written while the desk keeps answering, with
 * the attachment files and a manifest of hashes; kept as soon as written, unverified, and
 * verified in the background (or at the next start); copied to a chosen folder on request;
 * listed with their status; restored after verifying them as untrusted input, keeping the
 * desk as it was as a backup of its own.
 */
import { existsSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/api/events';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { addPartnerRow, attachText, deskState, folderHashes, holdRead } from '../helpers/reliability';

let t: TestDesk;
let partner: string;
const scratch: string[] = [];

beforeEach(async () => {
  t = await openTestDesk();
  partner = await addPartnerRow(t);
});
afterEach(async () => {
  await t.cleanup();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Manifest {
  id: string;
  kind: string;
  appVersion: string;
  schemaVersion: string;
  counts: Record<string, number>;
  audit: { headSeq: number | null; headHash: string | null };
  files: { path: string; size: number; sha256: string }[];
  missingAttachments: string[];
}

function manifestOf(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
}

function progressOf(method: string): EventPayload<'progress'>[] {
  const seen: EventPayload<'progress'>[] = [];
  t.desk.on('progress', (p) => {
    if (p.method === method) seen.push(p);
  });
  return seen;
}

describe('backup.create', () => {
  it('writes the database, the referenced attachment files and a manifest of hashes, and verifies them in the background', async () => {
    const a = await attachText(t, partner, 'programme', 'Programme of the Isfahan cultural week');
    const b = await attachText(t, partner, 'letter', 'نامه به شهرداری کازان');
    await t.ok('settings.set', { key: 'office.nameEn', value: 'International Affairs' });
    const head = await t.ok('audit.verify', {});
    const progress = progressOf('backup.create');

    const { backup, copiedTo } = await t.ok('backup.create', {});
    expect(copiedTo).toBeNull();
    // Kept as soon as it is written; the verification follows in the background.
    expect(backup.status).toBe('unverified');
    expect(existsSync(backup.location)).toBe(true);
    await t.desk.settled();
    expect((await t.ok('backup.list', {})).map((x) => [x.id, x.status])).toEqual([[backup.id, 'verified']]);
    expect(backup.kind).toBe('manual');
    expect(backup.location).toBe(join(t.dir, 'backups', backup.id));
    expect(backup.attachmentFiles).toBe(2);

    const manifest = manifestOf(backup.location);
    expect(manifest.appVersion).toBe('0.1.0-test');
    expect(manifest.schemaVersion).toBe((await t.ok('system.info', {})).schemaVersion);
    expect(manifest.audit).toEqual({ headSeq: head.headSeq, headHash: head.headHash });
    expect(manifest.counts.attachment_files).toBe(2);
    expect(manifest.counts.partners).toBe(1);
    expect(manifest.counts.audit_log).toBe(head.checked);
    expect(manifest.missingAttachments).toEqual([]);
    // Every file is listed with its true hash; the attachments are byte-identical to the store.
    const listed = Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]));
    const onDisk = folderHashes(
      backup.location,
      (rel) => rel === 'manifest.json' || rel === 'verification.json',
    );
    expect(onDisk).toEqual(listed);
    for (const hash of [a, b]) {
      expect(listed[`attachments/${hash.slice(0, 2)}/${hash}`]).toBe(hash);
    }
    // The copy is a complete, standalone database (no -wal beside it).
    expect(readdirSync(backup.location).sort()).toEqual([
      'attachments',
      'desk.sqlite',
      'manifest.json',
      'verification.json',
    ]);

    const phases = new Set(progress.map((p) => p.phase));
    expect([...phases]).toEqual(expect.arrayContaining(['database', 'attachments']));
    const last = progress.filter((p) => p.phase === 'database').at(-1)!;
    expect(last.done).toBe(last.total);

    // The backup is recorded in the audit trail, after the head the manifest names.
    const audit = await t.ok('audit.list', { limit: 1 });
    expect(audit.items[0]).toMatchObject({ action: 'backup.create', entity: 'backup', entityId: backup.id });
    expect(audit.items[0]!.seq).toBe(head.headSeq! + 1);
    expect((await t.ok('backup.list', {})).map((x) => [x.id, x.status])).toEqual([[backup.id, 'verified']]);
  });

  async function growDesk(): Promise<void> {
    // One audited record first, so the copy's audit trail is never empty and its head is a row.
    await t.ok('partners.create', { kind: 'city', nameFa: 'شهر نخست', country: 'IT' });
    // About 6 MB of rows, so the copy takes a while.
    await t.desk.internals.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 40; i += 1) {
        await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
          INSERT INTO partners (id, kind, name_fa, notes, created_at, updated_at)
          SELECT lower(hex(randomblob(16))), 'city', 'شهر', hex(randomblob(150)), '2025-01-01', '2025-01-01' FROM n`.execute(
          tx,
        );
      }
    });
  }

  /** Records written while the backup runs, each with its audit row. */
  function writeDuring(): Promise<unknown[]> {
    const calls: Promise<unknown>[] = [];
    for (let i = 1; i <= 20; i += 1) {
      calls.push(t.ok('settings.set', { key: 'relationships.dormantMonths', value: i }));
      calls.push(t.ok('partners.create', { kind: 'city', nameFa: `شهر ${i}`, country: 'IT' }));
    }
    return Promise.all(calls);
  }

  /** The backup's own database, opened apart from the desk: its integrity and audit chain. */
  async function checkCopy(location: string): Promise<void> {
    const verified = await t.ok('backup.verify', { id: location.split(/[\\/]/).at(-1)! });
    expect(verified.problems).toEqual([]);
    expect(verified.status).toBe('verified');
    // Consistent: the audit rows in the copy are exactly those up to the manifest's head.
    const manifest = manifestOf(location);
    expect(manifest.counts.audit_log).toBeGreaterThan(0);
    expect(manifest.counts.audit_log).toBe(manifest.audit.headSeq);
  }

  it('keeps the desk answering while the database is copied, and copies one consistent moment', async () => {
    await growDesk();
    const progress = progressOf('backup.create');
    const backup = t.ok('backup.create', {});
    const written = await writeDuring();
    const { backup: kept } = await backup;
    expect(written).toHaveLength(40);
    // The file itself was copied, counted in bytes (the backup API would report its pages).
    const copied = progress.filter((p) => p.phase === 'database').at(-1)!;
    expect(copied.done).toBe(copied.total);
    expect(copied.total).toBe(manifestOf(kept.location).files[0]!.size);
    await t.desk.settled();
    expect((await t.ok('backup.list', {}))[0]!.status).toBe('verified');
    await checkCopy(kept.location);
    const manifest = manifestOf(kept.location);
    expect(manifest.counts.partners).toBeGreaterThanOrEqual(20_001);
    // The desk checkpoints again once the copy is done.
    const [auto] = await t.desk.internals.driver.withConnection(
      (c) =>
        new Promise<{ wal_autocheckpoint: number }[]>((resolve, reject) =>
          c.raw.all('PRAGMA wal_autocheckpoint', (e: Error | null, rows: { wal_autocheckpoint: number }[]) =>
            e ? reject(e) : resolve(rows),
          ),
        ),
    );
    expect(auto!.wal_autocheckpoint).toBe(1000);
  });

  it('copies one consistent moment, with the -wal, when a reader keeps the checkpoint from finishing', async () => {
    await growDesk();
    // A reader in the middle of a read keeps the checkpoint from finishing.
    const release = await holdRead(join(t.dir, 'desk.sqlite'));
    try {
      await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 7 });
      const progress = progressOf('backup.create');
      const backup = t.ok('backup.create', {});
      await writeDuring();
      const { backup: kept } = await backup;
      const copied = progress.filter((p) => p.phase === 'database').at(-1)!;
      expect(copied.done).toBe(copied.total);
      expect(copied.total % 4096).toBe(0); // bytes of the file, not pages of the backup API
      expect(copied.total).toBeGreaterThan(100 * 4096);
      await release();
      await t.desk.settled();
      await checkCopy(kept.location);
      // The setting committed after the reader began lives only in the -wal: it is in the copy.
      expect(manifestOf(kept.location).counts.settings).toBe(1);
      expect(readdirSync(kept.location).sort()).toEqual([
        'desk.sqlite',
        'manifest.json',
        'verification.json',
      ]);
    } finally {
      await release();
    }
  });

  it('verifies at the next start a backup the program closed before verifying, and shows one that fails', async () => {
    const { backup: sound } = await t.ok('backup.create', {});
    await t.desk.settled();
    const { backup: damaged } = await t.ok('backup.create', {});
    await t.desk.settled();
    // As if the program had been closed before either was verified, and one was then damaged.
    for (const b of [sound, damaged]) rmSync(join(b.location, 'verification.json'));
    const file = join(damaged.location, 'desk.sqlite');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(file, bytes);
    expect((await t.ok('backup.list', {})).map((b) => b.status)).toEqual(['unverified', 'unverified']);
    await t.reopen();
    await t.desk.settled();
    const listed = await t.ok('backup.list', {});
    expect(listed.map((b) => [b.id, b.status])).toEqual([
      [damaged.id, 'failed'],
      [sound.id, 'verified'],
    ]);
    expect(listed[0]!.problems.join(' ')).toContain('desk.sqlite does not match its SHA-256');
  });

  it('copies the verified backup into a folder the user chooses, such as a USB drive', async () => {
    await attachText(t, partner, 'photo', 'Khaju bridge');
    const usb = tempDir('usb-');
    scratch.push(usb);
    t.platform.nextFolder = usb;
    const { backup, copiedTo } = await t.ok('backup.create', { copyToChosenFolder: true });
    expect(copiedTo).toBe(join(usb, backup.id));
    const skip = (rel: string) => rel === 'verification.json';
    expect(folderHashes(copiedTo!, skip)).toEqual(folderHashes(backup.location, skip));
    expect(readdirSync(usb)).toEqual([backup.id]);

    t.platform.nextFolder = copiedTo;
    const checked = await t.ok('backup.verify', { chooseFolder: true });
    expect(checked).toMatchObject({ id: backup.id, status: 'verified', location: copiedTo, problems: [] });
    const audit = await t.ok('audit.list', { limit: 1 });
    expect(audit.items[0]!.after).toMatchObject({ copiedTo });
  });

  it('writes nothing when the user cancels the folder dialog', async () => {
    t.platform.nextFolder = null;
    const error = await t.fail('backup.create', { copyToChosenFolder: true });
    expect(error.code).toBe('VALIDATION');
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([]);
  });

  it('records an attachment file missing from the store instead of failing the whole backup', async () => {
    const gone = await attachText(t, partner, 'lost', 'a file someone deleted by hand');
    unlinkSync(join(t.dir, 'attachments', gone.slice(0, 2), gone));
    const { backup } = await t.ok('backup.create', {});
    expect(backup.missingAttachments).toBe(1);
    await t.desk.settled();
    expect((await t.ok('backup.list', {}))[0]!.status).toBe('verified');
    expect(manifestOf(backup.location).missingAttachments).toEqual([gone]);
  });
});

describe('backup.verify', () => {
  it('names a flipped byte, a missing file and an edited manifest', async () => {
    const hash = await attachText(t, partner, 'mou', 'Memorandum of understanding');
    const { backup } = await t.ok('backup.create', {});
    await t.desk.settled();
    const file = join(backup.location, 'attachments', hash.slice(0, 2), hash);
    const original = readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[0] = flipped[0]! ^ 1;
    await import('node:fs').then((fs) => fs.writeFileSync(file, flipped));
    let result = await t.ok('backup.verify', { id: backup.id });
    expect(result.status).toBe('failed');
    expect(result.problems.join(' ')).toContain(`attachments/${hash.slice(0, 2)}/${hash} does not match`);
    // backup.list remembers the outcome.
    expect((await t.ok('backup.list', {}))[0]!.status).toBe('failed');

    unlinkSync(file);
    result = await t.ok('backup.verify', { id: backup.id });
    expect(result.problems.join(' ')).toContain('is missing');

    await import('node:fs').then((fs) => fs.writeFileSync(file, original));
    expect((await t.ok('backup.verify', { id: backup.id })).status).toBe('verified');
    const manifestFile = join(backup.location, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    manifest.counts.partners = 5;
    await import('node:fs').then((fs) => fs.writeFileSync(manifestFile, JSON.stringify(manifest)));
    expect((await t.ok('backup.list', {}))[0]!.status).toBe('unverified');
    result = await t.ok('backup.verify', { id: backup.id });
    expect(result.problems).toContain('table partners holds 1 rows, the manifest says 5');
  });

  it('answers NOT_FOUND for a backup that does not exist', async () => {
    expect((await t.fail('backup.verify', { id: '2025-05-05T09-00-00-000Z-manual' })).code).toBe('NOT_FOUND');
    expect((await t.fail('backup.verify', { id: '../../etc' })).code).toBe('VALIDATION');
  });
});

describe('backup.restore', () => {
  it('swaps the backup in, keeps the desk as it was as a backup, and answers calls afterwards', async () => {
    const kept = await attachText(t, partner, 'kept', 'attached before the backup');
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 3 });
    const { backup } = await t.ok('backup.create', {});
    const atBackup = await deskState(t);

    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 30 });
    const later = await attachText(t, partner, 'later', 'attached after the backup');
    unlinkSync(join(t.dir, 'attachments', kept.slice(0, 2), kept)); // lost by accident
    const beforeRestore = await t.ok('audit.verify', {});
    const progress = progressOf('backup.restore');

    const result = await t.ok('backup.restore', { id: backup.id });
    expect(result.restored.id).toBe(backup.id);
    expect(result.migrated).toEqual([]);
    expect(result.previous.kind).toBe('pre-restore');
    expect(result.previous.status).toBe('verified');
    expect(result.previous.auditHeadSeq).toBe(beforeRestore.headSeq);
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['verify', 'attachments', 'database']));

    // The desk answers from the restored database.
    expect((await t.ok('settings.get', {}))['relationships.dormantMonths']).toBe(3);
    const after = await deskState(t);
    expect(existsSync(join(t.dir, 'attachments', kept.slice(0, 2), kept))).toBe(true);
    expect(after.attachments).toEqual({ ...atBackup.attachments, [`${later.slice(0, 2)}/${later}`]: later });
    const { database: restoredDb } = after;
    // The backup's audit rows (its backup.create row came after it) and the restore's own row.
    expect(restoredDb.audit_log!.rows).toBe(manifestOf(backup.location).counts.audit_log! + 1);
    for (const table of ['partners', 'settings', 'attachment_files', 'attachments']) {
      expect(restoredDb[table]).toEqual(atBackup.database[table]);
    }
    const audit = await t.ok('audit.list', { limit: 1 });
    expect(audit.items[0]).toMatchObject({ action: 'backup.restore', entityId: backup.id });
    expect(audit.items[0]!.before).toMatchObject({
      keptAs: result.previous.id,
      auditHeadSeq: beforeRestore.headSeq,
    });
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    expect(
      (await t.ok('users.create', { username: 'after.restore', nameFa: 'پس از بازگردانی' })).username,
    ).toBe('after.restore');

    // The desk as it was is itself restorable: restoring it brings back the later changes.
    await t.ok('backup.restore', { id: result.previous.id });
    expect((await t.ok('settings.get', {}))['relationships.dormantMonths']).toBe(30);
    await t.reopen();
    expect((await t.ok('settings.get', {}))['relationships.dormantMonths']).toBe(30);
  });

  it('makes calls that arrive during the swap wait, then answers them from the restored desk', async () => {
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 4 });
    const { backup } = await t.ok('backup.create', {});
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 40 });
    let swapping = false;
    const reads: Promise<number>[] = [];
    t.desk.on('progress', (p) => {
      if (p.method === 'backup.restore' && p.phase === 'database' && !swapping) {
        swapping = true;
        for (let i = 0; i < 5; i += 1) {
          reads.push(t.ok('settings.get', {}).then((s) => s['relationships.dormantMonths']));
        }
      }
    });
    await t.ok('backup.restore', { id: backup.id });
    expect(swapping).toBe(true);
    // Asked while the pre-restore backup was being written, answered after the swap.
    expect(await Promise.all(reads)).toEqual([4, 4, 4, 4, 4]);
  });
});
