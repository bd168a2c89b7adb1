/**
 * A consistent copy of the live database while the office keeps working.
 *
 * The fast way (`copyFrozenDatabase`): every write goes through the desk's one connection
 * and, in WAL mode, reaches the database file only when a checkpoint copies it there. So,
 * holding the connection for a moment, automatic checkpoints are turned off and a passive
 * checkpoint is run; when it has copied every committed frame, the database file alone is
 * the desk at that moment, and it stays so (changes made meanwhile wait in the -wal) while
 * it is copied at disk speed (copyFileDurable, hashed as it is written; unbuffered where the
 * system allows, for a backup kept unverified). Checkpoints are turned back on afterwards.
 * The copy's header is switched from WAL to a rollback journal (bytes 18 and 19) as it is
 * written, so it is one self-contained file; SQLite's own `journal_mode = DELETE` changes
 * only those bytes and the change counter.
 *
 * When a reader keeps the checkpoint from finishing (the page check right after opening a
 * large desk), the -wal is copied as well, still holding the connection, and SQLite applies
 * it to the copy as it would after a power cut.
 *
 * `snapshotDatabase`, for a database not in WAL mode: SQLite's online backup API in large
 * steps, releasing the connection between steps; a change made meanwhile goes through the
 * same connection, and SQLite writes it into the copy as well.
 */
import { constants } from 'node:fs';
import { copyFile, open, stat } from 'node:fs/promises';
import { DeskError } from '../errors';
import { openRaw, type RawDatabase, type Sqlite3Driver } from '../db/sqlite3-driver';
import { closeRawQuietly, rawAll } from '../db/file-check';
import { copyFileDurable, hashFile, type CopyOptions, type FileDigest } from './backup.files';

/** node-sqlite3's Backup object (its type declarations leave it out). */
interface RawBackup {
  step(pages: number, callback: (error: Error | null, done: boolean) => void): void;
  finish(callback: () => void): void;
  readonly remaining: number;
  readonly pageCount: number;
}

interface WithBackup {
  backup(filename: string, callback: (error: Error | null) => void): RawBackup;
}

/** Pages the backup API copies per step (16 MiB with the default page size). */
const PAGES_PER_STEP = 4096;

export interface AuditHead {
  headSeq: number | null;
  headHash: string | null;
}

export interface StepReport {
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

export class BackupCancelled extends DeskError {
  constructor() {
    super('CONFLICT', 'The backup was cancelled; nothing was kept.');
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Rows in every ordinary table (virtual tables are counted through their shadow tables). */
export async function tableCounts(raw: RawDatabase): Promise<Record<string, number>> {
  const tables = await rawAll<{ name: string }>(
    raw,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await rawAll<{ n: number }>(raw, `SELECT count(*) AS n FROM ${quoteIdentifier(name)}`);
    Object.defineProperty(counts, name, { value: rows[0]?.n ?? 0, enumerable: true, writable: true });
  }
  return counts;
}

/** The last row of the audit trail, as stored (whether or not the chain verifies). */
export async function auditHead(raw: RawDatabase): Promise<AuditHead> {
  const rows = await rawAll<{ seq: number; hash: string }>(
    raw,
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const head = rows[0];
  return { headSeq: head?.seq ?? null, headHash: head?.hash ?? null };
}

function step(backup: RawBackup, pages: number): Promise<boolean> {
  return new Promise((resolve, reject) =>
    backup.step(pages, (error, done) => (error ? reject(error) : resolve(done))),
  );
}

/** Copies the live database into `target` (a new file) through the online backup API. */
export async function snapshotDatabase(
  driver: Sqlite3Driver,
  target: string,
  report: StepReport,
): Promise<void> {
  const backup = await driver.withConnection(
    (connection) =>
      new Promise<RawBackup>((resolve, reject) => {
        const b = (connection.raw as unknown as WithBackup).backup(target, (error) =>
          error ? reject(error) : resolve(b),
        );
      }),
  );
  try {
    for (;;) {
      if (report.cancelled()) throw new BackupCancelled();
      const done = await driver.withConnection(async () => {
        const finished = await step(backup, PAGES_PER_STEP);
        report.progress(backup.pageCount - backup.remaining, backup.pageCount);
        return finished;
      });
      if (done) return;
    }
  } finally {
    await new Promise<void>((resolve) => backup.finish(() => resolve()));
  }
}

/** Copies in progress per connection: checkpoints come back on only when the last one ends. */
const frozen = new WeakMap<Sqlite3Driver, number>();
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Holding the connection: stops automatic checkpoints and checkpoints what it can. When a
 * reader kept the checkpoint from copying every commit into the database file, the -wal
 * (which holds the rest) is copied beside `target` while the connection is still held, so
 * file and -wal are the same moment. `reader` (a read-only connection to the same file) begins
 * a read transaction then too, so it sees the desk at the copy's moment. Answers `file` when
 * the database file alone holds every commit, `wal` when the -wal was copied too, and `none`
 * when the database is not in WAL mode (every commit writes the file: use the backup API).
 */
async function freeze(
  driver: Sqlite3Driver,
  source: string,
  target: string,
  reader: RawDatabase,
): Promise<'file' | 'wal' | 'none'> {
  return driver.withConnection(async (connection) => {
    frozen.set(driver, (frozen.get(driver) ?? 0) + 1);
    await rawAll(connection.raw, 'PRAGMA wal_autocheckpoint = 0');
    const [state] = await rawAll<{ busy: number; log: number; checkpointed: number }>(
      connection.raw,
      'PRAGMA wal_checkpoint(PASSIVE)',
    );
    if (!state || state.log < 0) return 'none';
    // In WAL mode a read transaction sees the commits made before its first read.
    await rawAll(reader, 'BEGIN');
    await rawAll(reader, 'SELECT count(*) FROM sqlite_master');
    if (state.busy === 0 && state.log === state.checkpointed) return 'file';
    await copyFile(`${source}-wal`, `${target}-wal`, constants.COPYFILE_EXCL);
    return 'wal';
  });
}

async function thaw(driver: Sqlite3Driver): Promise<void> {
  const left = (frozen.get(driver) ?? 1) - 1;
  if (left > 0) {
    frozen.set(driver, left);
    return;
  }
  frozen.delete(driver);
  await driver
    .withConnection((connection) =>
      rawAll(connection.raw, `PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`),
    )
    .catch(() => {}); // a closed desk checkpoints as it closes
}

/** The header bytes that say "WAL" (2, 2) or "rollback journal" (1, 1). */
const FORMAT_VERSION_OFFSET = 18;

/** Gives the copy a rollback-journal header as it passes (the header is in the first chunk). */
function detachHeader(chunk: Buffer, position: number, length: number): void {
  if (position === 0 && length > FORMAT_VERSION_OFFSET + 1) {
    chunk[FORMAT_VERSION_OFFSET] = 1;
    chunk[FORMAT_VERSION_OFFSET + 1] = 1;
  }
}

/** Copy options reporting the bytes copied, and stopping the copy when the user cancels. */
function copying(report: StepReport, unbuffered: boolean, patch?: CopyOptions['patch']): CopyOptions {
  return {
    patch,
    unbuffered,
    copied: (done, total) => {
      if (report.cancelled()) throw new BackupCancelled();
      report.progress(done, total);
    },
  };
}

/** Both results, once both have finished (neither is left running); the first error if any. */
async function bothOf<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [left, right] = await Promise.allSettled([a, b]);
  if (left.status === 'rejected') throw left.reason;
  if (right.status === 'rejected') throw right.reason;
  return [left.value, right.value];
}

export interface FrozenCopy<T> {
  digest: FileDigest;
  /** What `describe` read of the desk at the copy's moment. */
  facts: T;
}

/**
 * Copies the desk's database file into `target` (a new file) as one consistent,
 * self-contained snapshot, fsynced, and answers its digest with what `describe` read, on a
 * read-only connection to the desk, of the desk at the moment the copy is of (while the file
 * is copied, from the desk's own file, which the system usually has in its cache: an
 * unbuffered copy is not). Answers null, having written nothing, when the database
 * is not in WAL mode (use snapshotDatabase then). When the file alone is the snapshot, its
 * digest is that of the bytes written (the verification that follows reads the copy itself
 * and checks what `describe` read against it). When the -wal was needed too, SQLite applies
 * it to the copy, as after a crash, and the copy is hashed afterwards. The copy stops, and
 * is removed, when the user cancels. `unbuffered` writes the copy past the system's cache
 * where it allows (see copyFileDurable): for a copy kept rather than read back at once.
 */
export async function copyFrozenDatabase<T>(
  driver: Sqlite3Driver,
  source: string,
  target: string,
  report: StepReport,
  describe: (raw: RawDatabase) => Promise<T>,
  unbuffered = false,
): Promise<FrozenCopy<T> | null> {
  const reader = await openRaw(source, { create: false, readOnly: true });
  let state: 'file' | 'wal' | 'none';
  let facts: T;
  try {
    await rawAll(reader, 'PRAGMA trusted_schema = OFF');
    state = await freeze(driver, source, target, reader);
    if (state === 'none') return null;
    if (report.cancelled()) throw new BackupCancelled();
    report.progress(0, (await stat(source)).size);
    // With its -wal, the copy is read back at once (SQLite applies the -wal to it, then it is
    // hashed): it goes through the system's cache, where that reading finds it.
    const copied = copyFileDurable(
      source,
      target,
      state === 'file' ? copying(report, unbuffered, detachHeader) : copying(report, false),
    );
    const [digest, read] = await bothOf(copied, describe(reader));
    if (state === 'file') return { digest, facts: read };
    facts = read;
  } finally {
    await closeRawQuietly(reader); // ends its read transaction
    await thaw(driver);
  }
  // The copy and its -wal are the desk at one moment; SQLite recovers the -wal into the copy
  // (committed transactions only, as after a power cut) and makes it one file again.
  await detachFromWal(target);
  const handle = await open(target, 'r+');
  try {
    const [digest] = await Promise.all([hashFile(target), handle.sync()]);
    return { digest, facts };
  } finally {
    await handle.close();
  }
}

/** Makes the copy a single self-contained file (rollback journal, not WAL). */
export async function detachFromWal(file: string): Promise<void> {
  const raw = await openRaw(file, { create: false });
  try {
    await rawAll(raw, 'PRAGMA journal_mode = DELETE');
  } finally {
    await closeRawQuietly(raw);
  }
}
