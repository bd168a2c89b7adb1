/**
 * What the window talks to when the desk file cannot be opened: a stand-in for the Desk
 * that answers only `backup.damaged` (the file and the verified backups that can restore
 * it) and `backup.restoreDamaged`; every other method answers CORRUPT, so nothing reads or
 * writes the damaged file. The main process binds it to IPC instead of a Desk, and reopens
 * the real desk once a restore has succeeded.
 */
import { contract } from '../../../../shared/api/contract';
import type { DamagedDesk } from '../../../../shared/api/backup.contract';
import type { Result } from '../../../../shared/api/errors';
import type { Desk } from '../desk';
import { DeskError, toDeskError, type DamagedDeskError } from '../errors';

/** The part of a Desk that IPC binds: the damaged desk answers through the same surface. */
export type DamagedDeskPort = Pick<Desk, 'call' | 'on'>;

export interface DamagedDeskPortOptions {
  /** Why the desk could not be opened, as openDesk threw it. */
  error: DamagedDeskError;
  /** Restores the backup with this id into the data folder (restoreDamagedDesk). */
  restore: (backupId: string) => Promise<{ damagedKeptIn: string | null; migrated: string[] }>;
  /** Called once after a restore succeeded, when the answer has been given. */
  onRestored: () => void;
}

export function damagedDeskPort(options: DamagedDeskPortOptions): DamagedDeskPort {
  const status: DamagedDesk = {
    damaged: true,
    file: options.error.file,
    reason: options.error.message,
    backups: options.error.backups.map((b) => ({ ...b })),
  };
  let restoring = false;
  const closed = (): Result<never> => ({
    ok: false,
    error: {
      code: 'CORRUPT',
      message: `The desk file ${status.file} cannot be opened; restore it from a backup.`,
    },
  });

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    if (method === 'backup.damaged') {
      const parsed = contract['backup.damaged'].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Unexpected input.' } };
      return { ok: true, value: status };
    }
    if (method !== 'backup.restoreDamaged') return closed();
    const parsed = contract['backup.restoreDamaged'].input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Choose one of the backups offered.',
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      };
    }
    if (!status.backups.some((b) => b.id === parsed.data.id)) {
      return {
        ok: false,
        error: new DeskError('NOT_FOUND', `Backup ${parsed.data.id} is not offered.`).toShape(),
      };
    }
    if (restoring)
      return { ok: false, error: { code: 'CONFLICT', message: 'A restore is already running.' } };
    restoring = true;
    try {
      const value = await options.restore(parsed.data.id);
      setTimeout(options.onRestored, 0);
      return { ok: true, value };
    } catch (error) {
      restoring = false;
      return { ok: false, error: toDeskError(error).toShape() };
    }
  }

  return {
    // One implementation behind the contract's typed overloads, as Desk.call has.
    call: call as Desk['call'],
    // A damaged desk does no long work, so it has no events to send.
    on: () => () => {},
  };
}
