/**
 * A consistent copy of the live database through SQLite's online backup API, taken in
 * small steps. Between steps the connection is released, so the desk keeps answering; a
 * change made meanwhile goes through the same connection, and SQLite writes it into the copy
 * as well. The copy is complete at the step that reports done, and at that moment (still
 * holding the connection) the row counts and audit head of the source are read: they
 * describe exactly the copy.
 */
import { DeskError } from '../errors';
import { openRaw, type Sqlite3Driver } from '../db/sqlite3-driver';
import { closeRawQuietly, rawAll } from '../db/file-check';

type RawDatabase = Awaited<ReturnType<typeof openRaw>>;

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

/** Pages copied per step (1 MiB with the default page size): about a millisecond each. */
const PAGES_PER_STEP = 256;

export interface AuditHead {
  headSeq: number | null;
  headHash: string | null;
}

export interface SnapshotFacts {
  counts: Record<string, number>;
  audit: AuditHead;
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
async function auditHead(raw: RawDatabase): Promise<AuditHead> {
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

/** Copies the live database into `target` (a new file) and answers what the copy holds. */
export async function snapshotDatabase(
  driver: Sqlite3Driver,
  target: string,
  report: StepReport,
): Promise<SnapshotFacts> {
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
      const facts = await driver.withConnection(async (connection) => {
        const done = await step(backup, PAGES_PER_STEP);
        report.progress(backup.pageCount - backup.remaining, backup.pageCount);
        if (!done) return null;
        return { counts: await tableCounts(connection.raw), audit: await auditHead(connection.raw) };
      });
      if (facts) return facts;
    }
  } finally {
    await new Promise<void>((resolve) => backup.finish(() => resolve()));
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
