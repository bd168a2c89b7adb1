/**
 * Writing a backup: a consistent copy of the database (backup.snapshot.ts), the attachment
 * files the copy references, and the manifest, all into a staging folder that takes its
 * final name once everything was written and fsynced. A backup the user or the schedule asks
 * for is kept then, `unverified`, and verified in the background (backup.verifier.ts); one
 * written before a migration or a restore is verified by reading it back before it is kept.
 * An interrupted backup leaves only the staging folder, which the next start removes.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupInfo } from '../../../../shared/api/backup.contract';
import type { DeskPaths } from '../context';
import { closeRawQuietly, rawAll } from '../db/file-check';
import { openRaw, type RawDatabase, type Sqlite3Driver } from '../db/sqlite3-driver';
import type { Database } from '../db/tables';
import { DeskError, toDeskError } from '../errors';
import { copyFileDurable, hashFile, syncFolder, writeFileDurable } from './backup.files';
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  attachmentPath,
  manifestText,
  type BackupManifest,
  type ManifestFile,
  type ManifestKind,
} from './backup.manifest';
import {
  BackupCancelled,
  auditHead,
  copyFrozenDatabase,
  detachFromWal,
  snapshotDatabase,
  tableCounts,
  type AuditHead,
} from './backup.snapshot';
import { backupInfoOf, recordVerification, reserveBackup, stagingFolder } from './backup.store';
import { proveWrittenBackup, verifyBackupFolder, type VerifyReport } from './backup.verify';

/** The open desk a backup is taken from. */
export interface BackupSource {
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  paths: DeskPaths;
  appVersion: string;
  actor: string;
  workstation: string;
}

export type BackupPhase = 'database' | 'attachments' | 'verify' | 'copy' | 'prove';

export interface BackupRun {
  progress(phase: BackupPhase, done: number, total: number): void;
  cancelled(): boolean;
}

export interface WrittenBackup {
  id: string;
  folder: string;
  manifest: BackupManifest;
  /** The verification before keeping it; null when it is kept unverified (verified later). */
  report: VerifyReport | null;
  info: BackupInfo;
}

/**
 * When a backup is verified: `before-keeping` reads it back completely before it takes its
 * name (a backup a restore depends on); `proved-before-keeping` proves the copy before it
 * takes its name (every file read back equal to what was written, the page check and the
 * structure: what a migration depends on, see proveWrittenBackup) and keeps it unverified for
 * the complete verification in the background; `after-keeping` keeps it as soon as it is
 * written and synced, marked unverified, for the background verification.
 */
export type VerifyWhen = 'before-keeping' | 'proved-before-keeping' | 'after-keeping';

interface CopyFacts {
  schemaVersion: string;
  hashes: string[];
  counts: Record<string, number>;
  audit: AuditHead;
}

/**
 * What a database says about itself: its structure version, the files it references, its
 * row counts and audit head (read in one transaction, so they describe one moment of it).
 */
async function describeDatabase(raw: RawDatabase): Promise<CopyFacts> {
  const names = await rawAll<{ name: string }>(
    raw,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('kysely_migration', 'attachment_files')`,
  );
  const has = (table: string) => names.some((n) => n.name === table);
  const version = has('kysely_migration')
    ? await rawAll<{ name: string }>(raw, 'SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1')
    : [];
  const hashes = has('attachment_files')
    ? await rawAll<{ sha256: string }>(raw, 'SELECT sha256 FROM attachment_files ORDER BY sha256')
    : [];
  return {
    schemaVersion: version[0]?.name ?? 'none',
    hashes: hashes.map((h) => h.sha256).filter((h) => /^[0-9a-f]{64}$/.test(h)),
    counts: await tableCounts(raw),
    audit: await auditHead(raw),
  };
}

/** What a copied database file says about itself (read from the copy). */
async function describeCopy(file: string): Promise<CopyFacts> {
  const raw = await openRaw(file, { create: false, immutable: true });
  try {
    return await describeDatabase(raw);
  } finally {
    await closeRawQuietly(raw);
  }
}

/** fsyncs every folder of a finished backup, deepest first, so the renames inside it last. */
async function syncTree(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) await syncTree(join(folder, entry.name));
  }
  await syncFolder(folder);
}

/**
 * Copies the attachment files the snapshot references. A file that is missing, or whose
 * content no longer matches its name, is recorded as missing rather than failing the
 * whole backup: the database and every other file are still worth keeping.
 */
async function copyAttachments(
  paths: DeskPaths,
  staging: string,
  hashes: readonly string[],
  run: BackupRun,
): Promise<{ files: ManifestFile[]; missing: string[] }> {
  const files: ManifestFile[] = [];
  const missing: string[] = [];
  let done = 0;
  for (const hash of hashes) {
    if (run.cancelled()) throw new BackupCancelled();
    const rel = attachmentPath(hash);
    const to = join(staging, ...rel.split('/'));
    try {
      const digest = await copyFileDurable(join(paths.attachmentsDir, hash.slice(0, 2), hash), to);
      if (digest.sha256 === hash) files.push({ path: rel, size: digest.size, sha256: hash });
      else {
        await rm(to, { force: true });
        missing.push(hash);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(hash);
    }
    done += 1;
    run.progress('attachments', done, hashes.length);
  }
  return { files, missing };
}

/**
 * Writes a complete backup of the open desk into backups/<id>/. With `before-keeping` it is
 * verified first and throws when it does not read back as written (nothing is kept then); a
 * desk whose own audit trail does not verify is still backed up, and the backup says so.
 */
export async function writeBackup(
  source: BackupSource,
  kind: ManifestKind,
  at: Date,
  run: BackupRun,
  when: VerifyWhen = 'before-keeping',
): Promise<WrittenBackup> {
  const { id, staging, folder } = await reserveBackup(source.paths.backupsDir, at, kind);
  try {
    const dbFile = join(staging, DATABASE_FILE);
    const steps = {
      progress: (done: number, total: number) => run.progress('database', done, total),
      cancelled: run.cancelled,
    };
    // The copy's facts are read from the desk at the copy's moment while the file is copied;
    // the verification checks them against the copy. A backup kept unverified is written
    // past the system's cache; one proved or verified before it is kept is read back at once
    // and is written through the cache, where the reading back finds it (from the disk, the
    // proof's page check took twice as long at office scale).
    let frozen = await copyFrozenDatabase(
      source.driver,
      source.paths.databaseFile,
      dbFile,
      steps,
      describeDatabase,
      when === 'after-keeping',
    );
    if (frozen === null) {
      await snapshotDatabase(source.driver, dbFile, steps);
      await detachFromWal(dbFile);
      frozen = { digest: await hashFile(dbFile), facts: await describeCopy(dbFile) };
    }
    const { digest: dbDigest, facts: copy } = frozen;
    if (run.cancelled()) throw new BackupCancelled();
    const attachments = await copyAttachments(source.paths, staging, copy.hashes, run);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      id,
      kind,
      createdAt: at.toISOString(),
      appVersion: source.appVersion,
      schemaVersion: copy.schemaVersion,
      actor: source.actor,
      workstation: source.workstation,
      counts: copy.counts,
      audit: copy.audit,
      files: [{ path: DATABASE_FILE, ...dbDigest }, ...attachments.files],
      missingAttachments: attachments.missing,
    };
    await writeFileDurable(join(staging, MANIFEST_FILE), manifestText(manifest));
    await syncTree(staging);

    if (when === 'proved-before-keeping') {
      const problems = await proveWrittenBackup(staging, manifest, {
        progress: (done, total) => run.progress('prove', done, total),
        cancelled: run.cancelled,
      });
      if (problems.length > 0) {
        throw new DeskError('INTERNAL', `The backup did not read back as it was written: ${problems[0]}.`);
      }
    }
    if (when !== 'before-keeping') {
      await rename(staging, folder);
      await syncFolder(source.paths.backupsDir);
      const info = backupInfoOf(id, folder, manifest, {
        status: 'unverified',
        verifiedAt: null,
        problems: [],
      });
      return { id, folder, manifest, report: null, info };
    }
    const report = await verifyBackupFolder(staging, {
      progress: (done, total) => run.progress('verify', done, total),
      cancelled: run.cancelled,
    });
    if (!report.ok && !report.auditOnly) {
      throw new DeskError(
        'INTERNAL',
        `The backup did not read back as it was written: ${report.problems[0]}.`,
      );
    }
    await recordVerification(staging, report, at);
    await rename(staging, folder);
    await syncFolder(source.paths.backupsDir);
    const info = backupInfoOf(id, folder, manifest, {
      status: report.ok ? 'verified' : 'failed',
      verifiedAt: at.toISOString(),
      problems: report.problems,
    });
    return { id, folder, manifest, report, info };
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

/**
 * Copies a written backup into `parent` (a folder the user chose, such as a USB drive) as
 * `<parent>/<id>/`, and verifies the copy there by reading every file back. Answers the
 * copy's folder and its verification (which holds for the original too: every file was
 * checked against the same manifest while it was copied).
 */
export async function copyBackupTo(
  backup: WrittenBackup,
  parent: string,
  at: Date,
  run: BackupRun,
): Promise<{ target: string; report: VerifyReport }> {
  const target = join(parent, backup.id);
  const staging = stagingFolder(parent, backup.id);
  try {
    if (await stat(target).catch(() => null)) {
      throw new DeskError('CONFLICT', `${target} already exists.`);
    }
    await rm(staging, { recursive: true, force: true });
    const entries = [...backup.manifest.files.map((f) => f.path), MANIFEST_FILE];
    let done = 0;
    for (const rel of entries) {
      if (run.cancelled()) throw new BackupCancelled();
      const parts = rel.split('/');
      // Past the cache: the verification below then reads the copy from the drive itself.
      const digest = await copyFileDurable(join(backup.folder, ...parts), join(staging, ...parts), {
        unbuffered: true,
      });
      const expected = backup.manifest.files.find((f) => f.path === rel);
      if (expected && digest.sha256 !== expected.sha256) {
        throw new DeskError('INTERNAL', `${rel} changed while it was being copied.`);
      }
      done += 1;
      run.progress('copy', done, entries.length);
    }
    await syncTree(staging);
    const report = await verifyBackupFolder(staging, {
      progress: (d, total) => run.progress('verify', d, total),
      cancelled: run.cancelled,
    });
    if ((backup.report && report.ok !== backup.report.ok) || (!report.ok && !report.auditOnly)) {
      throw new DeskError(
        'INTERNAL',
        `the copy did not read back as written: ${report.problems[0] ?? 'unknown'}`,
      );
    }
    await recordVerification(staging, report, at);
    await rename(staging, target);
    await syncFolder(parent);
    return { target, report };
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    const reason = toDeskError(error);
    const why = error instanceof DeskError ? error.message : reason.message;
    throw new DeskError(
      reason.code === 'STORAGE_FULL' ? 'STORAGE_FULL' : reason.code === 'CONFLICT' ? 'CONFLICT' : 'INTERNAL',
      `The backup ${backup.id} is kept in the backups folder, but copying it to ${parent} failed: ${why}`,
    );
  }
}
