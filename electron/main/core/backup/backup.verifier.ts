/**
 * Verifying kept backups in the background. A backup is kept as soon as its copy is written
 * and synced, marked unverified; this reads it back completely (every hash, the full
 * integrity check, structure, row counts and audit chain) on its own read-only connection to
 * the backup's file, so the desk's connection is never held, and records the outcome beside
 * it (`verified` or `failed`, which the backups list shows). One verification runs at a time,
 * newest backup first. Closing the desk stops it between files, leaving the backup
 * unverified; the next start verifies every backup still unverified.
 */
import type { BackupInfo } from '../../../../shared/api/backup.contract';
import type { Desk } from '../desk';
import { DeskError } from '../errors';
import { describeBackup, listBackups, recordVerification } from './backup.store';
import { verifyBackupFolder, type VerifyProgress } from './backup.verify';

/** Verifies a kept backup in its folder and records the outcome beside it. */
export async function verifyKeptBackup(
  folder: string,
  id: string,
  at: Date,
  check: VerifyProgress,
): Promise<BackupInfo> {
  const report = await verifyBackupFolder(folder, check);
  await recordVerification(folder, report, at);
  return describeBackup(folder, id);
}

/** The open desk's verifier, by its backups folder. */
const verifiers = new Map<string, { desk: Desk; request: () => void }>();

/**
 * Starts the open desk's background verifier, which at once verifies the backups left
 * unverified (a backup interrupted by closing the program before its verification).
 */
export function startBackupVerifier(desk: Desk): void {
  const { paths, clock } = desk.internals.env;
  let running = false;
  let again = false;
  const request = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    desk.runInBackground('backup verification', async (closing) => {
      try {
        do {
          again = false;
          for (const backup of await listBackups(paths.backupsDir)) {
            if (closing()) return;
            if (backup.status !== 'unverified') continue;
            try {
              await verifyKeptBackup(backup.location, backup.id, clock.now(), {
                progress: () => {},
                cancelled: closing,
              });
            } catch (error) {
              if (closing() && error instanceof DeskError) return; // stopped; verified next time
              throw error;
            }
            desk.emit('changed', { entities: ['backup'] });
          }
        } while (again && !closing());
      } finally {
        running = false;
      }
    });
  };
  verifiers.set(paths.backupsDir, { desk, request });
  request();
}

/**
 * Asks the open desk's verifier to verify the backups not yet verified. Answers false when
 * no desk with that backups folder is open (then nobody will, until the next start).
 */
export function verifyInBackground(backupsDir: string): boolean {
  const verifier = verifiers.get(backupsDir);
  if (!verifier || verifier.desk.closed) {
    verifiers.delete(backupsDir);
    return false;
  }
  verifier.request();
  return true;
}
