/**
 * Restoring a backup. The backup is untrusted input: it is verified completely first, and
 * what is installed is a copy whose hash is checked again against the verified manifest, so
 * a file that changes after verification (a USB drive pulled and edited) is never used.
 * Attachment files are added to the content-addressed store (a sound file already there is
 * kept). The database file is swapped by the Desk, which closes and reopens it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupInfo } from '../../../../shared/api/backup.contract';
import type { DeskPaths } from '../context';
import { sideFiles } from '../db/file-check';
import { DeskError } from '../errors';
import { copyFileDurable, hashFile, syncFolder } from './backup.files';
import { DATABASE_FILE, attachmentHashOf, type BackupManifest } from './backup.manifest';
import { backupInfoOf, recordVerification } from './backup.store';
import { verifyBackupFolder } from './backup.verify';
import type { BackupRun } from './backup.writer';

export interface StagedRestore {
  folder: string;
  manifest: BackupManifest;
  /** A verified copy of the backup's database in the desk's temp folder. */
  stagedDb: string;
  info: BackupInfo;
}

/**
 * Verifies the backup in `folder` and copies its database into the temp folder. Throws
 * CORRUPT naming every problem (or UNSUPPORTED_FILE for a backup of a newer version);
 * nothing of the desk has been touched then.
 */
export async function stageRestore(
  folder: string,
  paths: DeskPaths,
  at: Date,
  run: BackupRun,
): Promise<StagedRestore> {
  const report = await verifyBackupFolder(folder, {
    progress: (done, total) => run.progress('verify', done, total),
    cancelled: run.cancelled,
  });
  // What was found is kept beside the backup, as the background verification would keep it;
  // a folder that cannot be written (a read-only drive) is still restored from.
  await recordVerification(folder, report, at).catch(() => {});
  if (report.newer) {
    throw new DeskError(
      'UNSUPPORTED_FILE',
      `The backup in ${folder} was made by a newer version of City Diplomacy Desk; install that version to restore it. The desk has not been changed.`,
    );
  }
  if (!report.ok || !report.manifest) {
    throw new DeskError(
      'CORRUPT',
      `The backup in ${folder} cannot be restored: ${report.problems.join('; ')}. The desk has not been changed.`,
    );
  }
  const manifest = report.manifest;
  const expected = manifest.files.find((f) => f.path === DATABASE_FILE)!;
  await mkdir(paths.tempDir, { recursive: true });
  const stagedDb = join(paths.tempDir, `restore-${randomUUID()}.sqlite`);
  const digest = await copyFileDurable(join(folder, DATABASE_FILE), stagedDb);
  if (digest.sha256 !== expected.sha256) {
    await rm(stagedDb, { force: true });
    throw new DeskError(
      'CORRUPT',
      `The backup in ${folder} changed while it was being restored. The desk has not been changed.`,
    );
  }
  const info = backupInfoOf(manifest.id, folder, manifest, {
    status: 'verified',
    verifiedAt: at.toISOString(),
    problems: [],
  });
  return { folder, manifest, stagedDb, info };
}

/** Adds the backup's attachment files to the store; each copy is checked against its name. */
export async function installAttachments(
  staged: StagedRestore,
  paths: DeskPaths,
  run: BackupRun,
): Promise<void> {
  const files = staged.manifest.files.filter((f) => attachmentHashOf(f.path) !== null);
  let done = 0;
  for (const file of files) {
    const target = join(paths.attachmentsDir, file.sha256.slice(0, 2), file.sha256);
    const present = existsSync(target) ? await hashFile(target).catch(() => null) : null;
    if (present?.sha256 !== file.sha256) {
      const temp = join(paths.tempDir, `restore-${randomUUID()}`);
      const digest = await copyFileDurable(join(staged.folder, ...file.path.split('/')), temp);
      if (digest.sha256 !== file.sha256) {
        await rm(temp, { force: true });
        throw new DeskError('CORRUPT', `${file.path} in the backup changed while it was being restored.`);
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
      await syncFolder(dirname(target));
    }
    done += 1;
    run.progress('attachments', done, files.length);
  }
}

/**
 * Puts a verified database copy in place of the desk file (an atomic rename in the same
 * folder). The desk must be closed; if SQLite left a -wal or -journal beside the file, it
 * did not close cleanly and nothing is swapped, since those files may hold its last changes.
 */
export async function installDatabase(copy: string, databaseFile: string): Promise<void> {
  const side = sideFiles(databaseFile);
  if (existsSync(side.wal) || existsSync(side.journal)) {
    throw new DeskError('INTERNAL', 'The desk did not close cleanly, so the restore was not done.');
  }
  await rename(copy, databaseFile);
  await syncFolder(dirname(databaseFile));
}

/** Installs a copy of a backup's database (for putting the previous desk back). */
export async function reinstallFromBackup(backupFolder: string, paths: DeskPaths): Promise<void> {
  const temp = join(paths.tempDir, `reinstall-${randomUUID()}.sqlite`);
  await copyFileDurable(join(backupFolder, DATABASE_FILE), temp);
  await installDatabase(temp, paths.databaseFile);
}
