/**
 * What opening a desk does for its safety: the database is opened with its checks and a
 * backup before any migration; a desk that cannot be opened is answered with the verified
 * backups that can restore it; leftovers of interrupted backups are removed; and the daily
 * automatic backup starts in the background once the desk is open.
 */
import { randomUUID } from 'node:crypto';
import type { DeskEnv, DeskPaths } from '../context';
import { openDatabase } from '../db/database';
import type { UpgradeProgress } from '../db/upgrade-progress';
import type { DatabaseHandle, Desk } from '../desk';
import { DamagedDeskError, DeskError } from '../errors';
import { backupBeforeMigration, backupIfDue } from './backup.automatic';
import { restorableBackups } from './backup.damaged';
import { BackupCancelled } from './backup.snapshot';
import { cleanPartialBackups } from './backup.store';

type OpeningEnv = Pick<DeskEnv, 'paths' | 'clock' | 'actor' | 'workstation' | 'appVersion'>;

/**
 * Opens the desk's database. A file that is damaged or not a desk answers a DamagedDeskError
 * (CORRUPT) naming the file and the verified backups that can restore it. `onUpgrade` hears
 * how far the backup and the migrations of a desk that needs them are.
 */
export async function openDeskDatabase(
  env: OpeningEnv,
  onUpgrade?: (progress: UpgradeProgress) => void,
): Promise<DatabaseHandle> {
  const file = env.paths.databaseFile;
  try {
    return await openDatabase(file, {
      beforeMigrate: backupBeforeMigration(env),
      ...(onUpgrade && { onUpgrade }),
    });
  } catch (error) {
    if (error instanceof DeskError && error.code === 'CORRUPT') {
      const backups = await restorableBackups(env.paths.backupsDir).catch(() => []);
      throw new DamagedDeskError(error, file, backups, env.paths.backupsDir);
    }
    throw error;
  }
}

/** Removes the staging folders of backups that a crash or power cut interrupted. */
export async function cleanInterruptedBackups(paths: DeskPaths): Promise<void> {
  await cleanPartialBackups(paths.backupsDir);
}

/**
 * Starts the daily automatic backup in the background (if one is due). It reports
 * progress like `backup.create` and stops early when the desk closes.
 */
export function startAutomaticBackup(desk: Desk): void {
  desk.runInBackground('automatic backup', async (closing) => {
    const { db, driver, env } = desk.internals;
    const taskId = randomUUID();
    const run = backupIfDue(
      {
        db,
        driver,
        paths: env.paths,
        appVersion: env.appVersion,
        actor: env.actor,
        workstation: env.workstation,
      },
      env.clock.now(),
      {
        progress: (phase, done, total) =>
          desk.emit('progress', { taskId, method: 'backup.create', phase, done, total }),
        cancelled: closing,
      },
    );
    try {
      await run;
    } catch (error) {
      // Closing the desk stops the backup; that is no failure worth reporting.
      if (!(error instanceof BackupCancelled)) throw error;
    }
  });
}
