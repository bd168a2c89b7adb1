/**
 * The copy a backup is made of (copyFileDurable): byte for byte what the source holds (with
 * the changes asked for), hashed as written, synced, never over an existing file, removed
 * when it stops half way; unbuffered on request where the system allows it and buffered
 * otherwise, with the same result. And the frozen copy of a live desk: what it reads of the
 * desk while the file is copied is of the copy's moment, however the desk is written
 * meanwhile.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileDurable } from '../../electron/main/core/backup/backup.files';
import { copyFrozenDatabase, tableCounts } from '../../electron/main/core/backup/backup.snapshot';
import { closeRawQuietly, rawAll } from '../../electron/main/core/db/file-check';
import { openRaw } from '../../electron/main/core/db/sqlite3-driver';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { addPartnerRow } from '../helpers/reliability';

const MiB = 1024 * 1024;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('copyFileDurable', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Empty; smaller than a block; a block and a byte; exactly two chunks (4 MiB each); two
  // chunks and a tail that is not a whole block.
  const sizes = [0, 100, 64 * 1024 + 1, 8 * MiB, 8 * MiB + 4096 * 3 + 123];

  for (const unbuffered of [true, false]) {
    for (const size of sizes) {
      it(`copies ${size} bytes exactly and answers their digest (${unbuffered ? 'unbuffered where possible' : 'buffered'})`, async () => {
        const data = randomBytes(size);
        const from = join(dir, 'from.bin');
        writeFileSync(from, data);
        const done: number[] = [];
        const digest = await copyFileDurable(from, join(dir, 'sub', 'to.bin'), {
          unbuffered,
          copied: (copied, total) => {
            expect(total).toBe(size);
            done.push(copied);
          },
        });
        const copy = readFileSync(join(dir, 'sub', 'to.bin'));
        expect(copy.length).toBe(size);
        expect(copy.equals(data)).toBe(true);
        expect(digest).toEqual({ sha256: sha256(data), size });
        // Progress after every chunk, ending at the whole file.
        expect(done.at(-1) ?? 0).toBe(size);
        expect(done).toEqual([...done].sort((a, b) => a - b));
        expect(done.length).toBe(Math.ceil(size / (4 * MiB)));
      });
    }
  }

  it('copies several files at once, each exactly, and again one after another', async () => {
    const sources = [0, 1, 2].map((n) => {
      const data = randomBytes(9 * MiB + n * 5000);
      writeFileSync(join(dir, `from-${n}.bin`), data);
      return data;
    });
    const copy = (round: string, n: number) =>
      copyFileDurable(join(dir, `from-${n}.bin`), join(dir, `${round}-${n}.bin`), { unbuffered: true }).then(
        (digest) => {
          expect(digest.sha256).toBe(sha256(sources[n]!));
          expect(readFileSync(join(dir, `${round}-${n}.bin`)).equals(sources[n]!)).toBe(true);
        },
      );
    await Promise.all([0, 1, 2].map((n) => copy('together', n)));
    for (const n of [0, 1, 2]) await copy('in-turn', n);
  });

  it('writes the changes `patch` makes, and the digest is of the bytes written', async () => {
    const data = randomBytes(5 * MiB);
    const from = join(dir, 'from.bin');
    writeFileSync(from, data);
    const to = join(dir, 'to.bin');
    const digest = await copyFileDurable(from, to, {
      patch: (chunk, position, length) => {
        if (position === 0) chunk[18] = 0x01;
        if (position > 0) chunk[length - 1] = 0x7f; // the last byte of the second chunk
      },
    });
    const expected = Buffer.from(data);
    expected[18] = 0x01;
    expected[expected.length - 1] = 0x7f;
    expect(readFileSync(to).equals(expected)).toBe(true);
    expect(digest.sha256).toBe(sha256(expected));
    expect(readFileSync(from).equals(data)).toBe(true); // the source is untouched
  });

  it('never writes over an existing file', async () => {
    const from = join(dir, 'from.bin');
    const to = join(dir, 'to.bin');
    writeFileSync(from, randomBytes(1000));
    writeFileSync(to, 'kept');
    await expect(copyFileDurable(from, to)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(to, 'utf8')).toBe('kept');
  });

  it('removes the partial copy when it is stopped half way', async () => {
    const from = join(dir, 'from.bin');
    const to = join(dir, 'to.bin');
    writeFileSync(from, randomBytes(9 * MiB));
    const stop = new Error('stopped');
    await expect(
      copyFileDurable(from, to, {
        copied: (done) => {
          if (done > 4 * MiB) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(existsSync(to)).toBe(false);
  });

  it('refuses a source that grows while it is copied, and keeps no copy', async () => {
    const from = join(dir, 'from.bin');
    const to = join(dir, 'to.bin');
    writeFileSync(from, randomBytes(5 * MiB));
    await expect(
      copyFileDurable(from, to, {
        copied: (done) => {
          if (done === 4 * MiB) writeFileSync(from, randomBytes(1000), { flag: 'a' });
        },
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('changed size') });
    expect(existsSync(to)).toBe(false);
  });
});

describe('copyFrozenDatabase', () => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk();
    await addPartnerRow(t);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const report = { progress: () => {}, cancelled: () => false };

  it('reads the desk at the moment of the copy, while the desk goes on writing', async () => {
    const source = join(t.dir, 'desk.sqlite');
    const target = join(t.dir, 'copy.sqlite');
    const before = (await t.ok('partners.list', {})).total;
    const copied = await copyFrozenDatabase(t.desk.internals.driver, source, target, report, async (raw) => {
      // Written through the desk after the copy's moment, before anything is read.
      await addPartnerRow(t, 'شهر پس از رونوشت');
      return tableCounts(raw);
    });
    expect(copied).not.toBeNull();
    expect(copied!.facts.partners).toBe(before);
    expect((await t.ok('partners.list', {})).total).toBe(before + 1);
    // The copy is of the same moment, one self-contained file with a rollback-journal header.
    const bytes = readFileSync(target);
    expect(copied!.digest).toEqual({ sha256: sha256(bytes), size: statSync(target).size });
    expect([bytes[18], bytes[19]]).toEqual([1, 1]);
    const raw = await openRaw(target, { create: false, immutable: true });
    try {
      expect(await tableCounts(raw)).toEqual(copied!.facts);
      expect(await rawAll(raw, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await closeRawQuietly(raw);
    }
  });

  it('removes the copy when the user cancels during it, and the desk checkpoints again', async () => {
    const source = join(t.dir, 'desk.sqlite');
    const target = join(t.dir, 'copy.sqlite');
    let seen = 0;
    const cancelling = {
      progress: () => {
        seen += 1;
      },
      cancelled: () => seen > 0,
    };
    await expect(
      copyFrozenDatabase(t.desk.internals.driver, source, target, cancelling, (raw) => tableCounts(raw)),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cancelled') });
    expect(existsSync(target)).toBe(false);
    const [auto] = await t.desk.internals.driver.withConnection((c) =>
      rawAll<{ wal_autocheckpoint: number }>(c.raw, 'PRAGMA wal_autocheckpoint'),
    );
    expect(auto!.wal_autocheckpoint).toBe(1000);
    // The reader is gone: a full checkpoint completes.
    const [state] = await t.desk.internals.driver.withConnection((c) =>
      rawAll<{ busy: number }>(c.raw, 'PRAGMA wal_checkpoint(TRUNCATE)'),
    );
    expect(state!.busy).toBe(0);
  });
});
