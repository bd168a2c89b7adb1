/**
 * When the desk file cannot be opened: finding the verified backups that can restore it,
 * and restoring one without an open desk. The damaged files are moved, never deleted, into
 * backups/<time>-damaged/ (the database with its -wal, -shm and -journal, which may hold its
 * last changes), so whoever repairs it later has everything.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../../../shared/api/backup.contract';
import { appendAudit } from '../audit/audit.repository';
import type { DeskPaths } from '../context';
import { openDatabase } from '../db/database';
import { sideFiles } from '../db/file-check';
import type { RestorableBackup } from '../errors';
import type { Clock } from '../platform/platform.port';
import { backupBeforeMigration, quietRun } from './backup.automatic';
import { syncFolder } from './backup.files';
import { installAttachments, installDatabase, stageRestore } from './backup.restore';
import { backupIdFor, listBackups } from './backup.store';
import { verifyBackupFolder } from './backup.verify';

/** The newest backups (up to `limit`) that verify completely now. Reads only. */
export async function restorableBackups(backupsDir: string, limit = 3): Promise<RestorableBackup[]> {
  const out: RestorableBackup[] = [];
  for (const backup of await listBackups(backupsDir)) {
    if (backup.kind === 'damaged') continue;
    const report = await verifyBackupFolder(backup.location, { progress: () => {}, cancelled: () => false });
    if (report.ok) {
      out.push({ id: backup.id, kind: backup.kind, createdAt: backup.createdAt, location: backup.location });
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Moves the desk file and its side files into backups/<time>-damaged/; answers the folder, or null if there was no file. */
async function moveAside(paths: DeskPaths, at: Date): Promise<string | null> {
  const side = sideFiles(paths.databaseFile);
  const present = [paths.databaseFile, side.wal, side.shm, side.journal].filter((f) => existsSync(f));
  if (present.length === 0) return null;
  const base = backupIdFor(at, 'damaged');
  let folder = join(paths.backupsDir, base);
  for (let n = 2; existsSync(folder); n += 1) folder = join(paths.backupsDir, `${base}-${n}`);
  await mkdir(folder, { recursive: true });
  for (const file of present) await rename(file, join(folder, basename(file)));
  await syncFolder(folder);
  await syncFolder(paths.dataDir);
  return folder;
}

export interface DamagedRestoreEnv {
  paths: DeskPaths;
  clock: Clock;
  actor: string;
  workstation: string;
  appVersion: string;
}

/**
 * Restores the backup in `folder` into a data folder whose desk cannot be opened. The caller
 * holds the folder's lock. The backup is verified first; the damaged files are kept.
 */
export async function restoreDamaged(
  folder: string,
  env: DamagedRestoreEnv,
): Promise<{ restored: BackupInfo; damagedKeptIn: string | null; migrated: string[] }> {
  const { paths } = env;
  const at = env.clock.now();
  const staged = await stageRestore(folder, paths, at, quietRun);
  try {
    await installAttachments(staged, paths, quietRun);
    const damagedKeptIn = await moveAside(paths, at);
    await installDatabase(staged.stagedDb, paths.databaseFile);
    const opened = await openDatabase(paths.databaseFile, { beforeMigrate: backupBeforeMigration(env) });
    try {
      await opened.db.transaction().execute((tx) =>
        appendAudit(
          tx,
          {
            action: 'backup.restore',
            actor: env.actor,
            workstation: env.workstation,
            tsUtc: at.toISOString(),
          },
          {
            entity: 'backup',
            entityId: staged.manifest.id,
            before: { damagedKeptIn },
            after: {
              restoredFrom: staged.manifest.id,
              location: folder,
              auditHeadSeq: staged.manifest.audit.headSeq,
              auditHeadHash: staged.manifest.audit.headHash,
              migrated: opened.applied,
            },
          },
        ),
      );
    } finally {
      await opened.close();
    }
    return { restored: staged.info, damagedKeptIn, migrated: opened.applied };
  } finally {
    await rm(staged.stagedDb, { force: true }).catch(() => {});
  }
}
