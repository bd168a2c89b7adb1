/**
 * Verifying a backup folder as untrusted input: the manifest's schema and paths, every
 * file's size and SHA-256, the database's full integrity check, application id and exact
 * structure, its row counts, and its audit chain and head against the manifest. Nothing in
 * the folder is written; the database is opened immutable, ignoring any -wal beside it.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyAudit } from '../audit/audit.repository';
import { checkDeskFile, closeRawQuietly, kyselyOver } from '../db/file-check';
import { Sqlite3Driver, openRaw } from '../db/sqlite3-driver';
import type { Database } from '../db/tables';
import { DeskError } from '../errors';
import { hashFile, isPlainFile } from './backup.files';
import { DATABASE_FILE, readManifest, type BackupManifest } from './backup.manifest';
import { tableCounts } from './backup.snapshot';

export interface VerifyReport {
  ok: boolean;
  /** What did not match, in words, first problem first. */
  problems: string[];
  manifest: BackupManifest | null;
  manifestText: string | null;
  /** Set when the backup was written by a newer version of the program. */
  newer: boolean;
  /** Set when every file and the database are sound and only the audit trail does not verify. */
  auditOnly: boolean;
}

export interface VerifyProgress {
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

const MAX_PROBLEMS = 20;

function differences(actual: Record<string, number>, expected: Record<string, number>): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const name of [...names].sort()) {
    const a = Object.prototype.hasOwnProperty.call(actual, name) ? actual[name] : undefined;
    const e = Object.prototype.hasOwnProperty.call(expected, name) ? expected[name] : undefined;
    if (a !== e) out.push(`table ${name} holds ${a ?? 'no'} rows, the manifest says ${e ?? 'none'}`);
  }
  return out;
}

/** Checks the database file of a backup whose bytes already matched the manifest. */
async function checkDatabase(
  file: string,
  manifest: BackupManifest,
  cancelled: () => boolean,
): Promise<{ problems: string[]; newer: boolean; audit: string | null }> {
  const problems: string[] = [];
  let audit: string | null = null;
  let migrations: string[];
  try {
    migrations = (await checkDeskFile(file, { role: 'backup', integrity: 'full', cancelled })).migrations;
  } catch (error) {
    // Stopped (the program is closing): nothing was found, the backup stays unverified.
    if (cancelled()) throw new DeskError('CONFLICT', 'The verification was cancelled.');
    if (error instanceof DeskError) {
      return { problems: [error.message], newer: error.code === 'UNSUPPORTED_FILE', audit: null };
    }
    throw error;
  }
  if ((migrations.at(-1) ?? 'none') !== manifest.schemaVersion) {
    problems.push(
      `the database's structure is ${migrations.at(-1) ?? 'none'}, the manifest says ${manifest.schemaVersion}`,
    );
  }
  const raw = await openRaw(file, { create: false, immutable: true });
  const driver = new Sqlite3Driver(raw);
  const db = kyselyOver<Database>(driver);
  try {
    await driver.connection.exec('PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;');
    problems.push(...differences(await tableCounts(raw), manifest.counts));
    if (cancelled()) throw new DeskError('CONFLICT', 'The verification was cancelled.');
    const chain = await verifyAudit(db);
    if (!chain.ok) {
      audit = `the audit trail does not verify: ${chain.problem ?? 'unknown'} (row ${chain.firstBadSeq})`;
    } else if (chain.headSeq !== manifest.audit.headSeq || chain.headHash !== manifest.audit.headHash) {
      const head = (seq: number | null, hash: string | null) =>
        seq === null ? 'no rows' : `row ${seq} (hash ${(hash ?? '').slice(0, 12)}…)`;
      audit = `the audit trail ends at ${head(chain.headSeq, chain.headHash)}, but the manifest records its head as ${head(manifest.audit.headSeq, manifest.audit.headHash)}`;
    }
  } finally {
    await db.destroy().catch(() => closeRawQuietly(raw));
  }
  return { problems, newer: false, audit };
}

/** Verifies the backup in `folder`. Never throws for what it finds; only for I/O it cannot do. */
export async function verifyBackupFolder(folder: string, report: VerifyProgress): Promise<VerifyReport> {
  const read = await readManifest(folder);
  if ('problem' in read) {
    return {
      ok: false,
      problems: [read.problem],
      manifest: null,
      manifestText: null,
      newer: false,
      auditOnly: false,
    };
  }
  const { manifest, text } = read;
  const problems: string[] = [];
  const total = manifest.files.length;
  let done = 0;
  for (const entry of manifest.files) {
    if (report.cancelled()) throw new DeskError('CONFLICT', 'The verification was cancelled.');
    const file = join(folder, ...entry.path.split('/'));
    if (!(await isPlainFile(file))) {
      problems.push(`${entry.path} is missing`);
    } else {
      const digest = await hashFile(file);
      if (digest.size !== entry.size)
        problems.push(`${entry.path} has ${digest.size} bytes, the manifest says ${entry.size}`);
      else if (digest.sha256 !== entry.sha256)
        problems.push(`${entry.path} does not match its SHA-256 in the manifest`);
    }
    done += 1;
    report.progress(done, total);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  let newer = false;
  let auditOnly = false;
  if (problems.length === 0) {
    const db = await checkDatabase(join(folder, DATABASE_FILE), manifest, report.cancelled);
    problems.push(...db.problems);
    newer = db.newer;
    if (db.audit !== null) {
      auditOnly = problems.length === 0;
      problems.push(db.audit);
    }
  }
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, MAX_PROBLEMS),
    manifest,
    manifestText: text,
    newer,
    auditOnly,
  };
}

/**
 * A page check reads about this many bytes a second on the reference machine under load
 * (2.3 GB in about 23 s); SQLite reports no progress of its own, so the check's progress is
 * this estimate, held below the end until the check answers.
 */
const PAGE_CHECK_BYTES_PER_SECOND = 100 * 1024 * 1024;
const PROGRESS_POLL_MS = 250;

/**
 * The proof a backup written by this program gets before a migration may change the desk
 * (see RELIABILITY.md, "Backups"): every file read back and equal to the SHA-256 recorded
 * while it was written (for the database, of the bytes as they were written), and the
 * database's page-by-page `quick_check`, application id and exact structure of the
 * manifest's version. Row counts, indexes against their tables (the full integrity check) and
 * the audit chain are left to the complete verification that follows in the background: they
 * were read from the desk at the copy's moment, or describe the desk itself rather than the
 * copy. Answers the problems found, none when the copy is proved. `report` hears bytes
 * checked (estimated while SQLite reads the pages).
 */
export async function proveWrittenBackup(
  folder: string,
  manifest: BackupManifest,
  report: VerifyProgress,
): Promise<string[]> {
  const dbFile = join(folder, DATABASE_FILE);
  const total = (await stat(dbFile)).size;
  const started = Date.now();
  report.progress(0, total);
  const poll = setInterval(() => {
    const estimate = ((Date.now() - started) / 1000) * PAGE_CHECK_BYTES_PER_SECOND;
    report.progress(Math.min(Math.round(estimate), Math.floor(total * 0.99)), total);
  }, PROGRESS_POLL_MS);
  try {
    // The bytes are read back while SQLite checks the pages: one is disk, the other CPU.
    const [hashes, database] = await Promise.all([
      (async () => {
        const problems: string[] = [];
        for (const entry of manifest.files) {
          const file = join(folder, ...entry.path.split('/'));
          if (!(await isPlainFile(file))) {
            problems.push(`${entry.path} is missing`);
            continue;
          }
          const digest = await hashFile(file);
          if (digest.size !== entry.size || digest.sha256 !== entry.sha256)
            problems.push(`${entry.path} does not read back as it was written`);
        }
        return problems;
      })(),
      checkDeskFile(dbFile, { role: 'backup', integrity: 'quick', cancelled: report.cancelled }).then(
        (facts) =>
          (facts.migrations.at(-1) ?? 'none') === manifest.schemaVersion
            ? []
            : [
                `the database's structure is ${facts.migrations.at(-1) ?? 'none'}, the manifest says ${manifest.schemaVersion}`,
              ],
        (error: unknown) => {
          if (error instanceof DeskError) return [error.message];
          throw error;
        },
      ),
    ]);
    if (report.cancelled()) throw new DeskError('CONFLICT', 'The verification was cancelled.');
    report.progress(total, total);
    return [...hashes, ...database];
  } finally {
    clearInterval(poll);
  }
}
