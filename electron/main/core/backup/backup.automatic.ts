/**
 * Backups nobody has to remember: one at start when the newest backup is more than a day
 * old, and one before every change of the database structure. Automatic backups write no
 * audit row: they change no record, and the backups list (with each manifest naming the
 * workstation and user) is their record.
 */
import type { MigrationPlan } from '../db/database';
import { DeskError, toDeskError } from '../errors';
import type { Clock } from '../platform/platform.port';
import { listBackups, rotateBackups } from './backup.store';
import { verifyInBackground, verifyKeptBackup } from './backup.verifier';
import { writeBackup, type BackupRun, type BackupSource, type WrittenBackup } from './backup.writer';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Kinds that are a backup of the desk as it was being used (so they make a daily one unnecessary). */
const CURRENT_KINDS = new Set(['manual', 'daily', 'pre-migration']);

export const quietRun: BackupRun = { progress: () => {}, cancelled: () => false };

/**
 * Writes a daily backup when no sound backup of the desk is less than a day old, then
 * applies rotation. Answers the backup written, or null when none was due.
 */
export async function backupIfDue(
  source: BackupSource,
  now: Date,
  run: BackupRun,
): Promise<WrittenBackup | null> {
  const newest = (await listBackups(source.paths.backupsDir)).find(
    (b) => CURRENT_KINDS.has(b.kind) && b.status !== 'failed',
  );
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  const written = await writeBackup(source, 'daily', now, run, 'after-keeping');
  if (!verifyInBackground(source.paths.backupsDir)) {
    await verifyKeptBackup(written.folder, written.id, now, {
      progress: (done, total) => run.progress('verify', done, total),
      cancelled: run.cancelled,
    });
  }
  await rotateBackups(source.paths.backupsDir);
  return written;
}

/**
 * The hook openDatabase calls before migrations: a desk that already had migrations applied
 * is backed up first, and the copy proved before any migration may change the desk (kept
 * unverified for the complete verification in the background, which the desk starts once
 * open); a backup that fails or does not prove stops the update (the desk stays as it was).
 * Its copy and its proof report to the plan's progress.
 */
export function backupBeforeMigration(
  env: Omit<BackupSource, 'db' | 'driver'> & { clock: Clock },
): (pending: string[], plan: MigrationPlan) => Promise<void> {
  return async (_pending, plan) => {
    if (plan.done.length === 0) return;
    const run: BackupRun = {
      progress: (phase, done, total) => {
        if (phase === 'database') plan.progress.backup(done, total, 'bytes');
        else if (phase === 'attachments') plan.progress.backup(done, total, 'files');
        else if (phase === 'prove') plan.progress.check(done, total);
      },
      cancelled: () => false,
    };
    try {
      await writeBackup(
        { ...env, db: plan.db, driver: plan.driver },
        'pre-migration',
        env.clock.now(),
        run,
        'proved-before-keeping',
      );
    } catch (error) {
      const reason = toDeskError(error);
      throw new DeskError(
        reason.code === 'STORAGE_FULL' ? 'STORAGE_FULL' : 'INTERNAL',
        `The desk could not be backed up before updating its structure, so it was not updated: ${reason.message}`,
      );
    }
    await rotateBackups(env.paths.backupsDir);
  };
}
