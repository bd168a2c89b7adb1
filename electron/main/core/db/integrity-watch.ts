/**
 * The page-by-page check of a large desk that closed cleanly, run right after it opens on a
 * second, read-only connection, so the office does not wait for it: `PRAGMA quick_check`
 * reads the whole file (about 5 ms of CPU per MB), which at ten years of letters is seconds.
 * Everything cheaper (header, length, application id, structure) was checked before the desk
 * opened, and a desk that did not close cleanly is checked completely before it opens.
 *
 * The outcome is kept per database file (system.info reads it) and told to the desk's
 * listeners (the `integrity` event). A damaged file found here is not changed by the check.
 */
import { closeRawQuietly, rawAll } from './file-check';
import { openRaw, type RawDatabase } from './sqlite3-driver';

export type IntegrityState =
  /** Checked completely before the desk opened (a small desk, or one that had crashed). */
  | 'checked_at_open'
  /** The background check is running. */
  | 'checking'
  | 'passed'
  | 'damaged'
  /** The desk closed (or its file was swapped by a restore) before the check finished. */
  | 'stopped';

export interface IntegrityStatus {
  state: IntegrityState;
  /** When the page-by-page check last finished on this file in this process, UTC. */
  checkedAt: string | null;
  /** What SQLite reported, for a damaged file. */
  problem: string | null;
}

type Listener = (status: IntegrityStatus) => void;

const statuses = new Map<string, IntegrityStatus>();
const listeners = new Map<string, Set<Listener>>();

/** The last known outcome for a database file (absolute path). */
export function integrityOf(file: string): IntegrityStatus {
  return statuses.get(file) ?? { state: 'checked_at_open', checkedAt: null, problem: null };
}

/** Calls `listener` with the verdict of each background check of `file`; answers the unsubscribe. */
export function onIntegrity(file: string, listener: Listener): () => void {
  let set = listeners.get(file);
  if (!set) listeners.set(file, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function record(file: string, status: IntegrityStatus): void {
  statuses.set(file, status);
  if (status.state !== 'passed' && status.state !== 'damaged') return;
  for (const listener of listeners.get(file) ?? []) {
    try {
      listener(status);
    } catch {
      // A listener's failure is its own; the outcome is kept for system.info all the same.
    }
  }
}

/** Records that `file` was checked completely before it opened. */
export function checkedAtOpen(file: string, now: Date): void {
  statuses.set(file, { state: 'checked_at_open', checkedAt: now.toISOString(), problem: null });
}

export interface BackgroundCheck {
  /** Resolves when the check has finished or was stopped. */
  done: Promise<IntegrityStatus>;
  /** Interrupts the check (closing the desk) and waits for its connection to close. */
  stop(): Promise<void>;
}

/**
 * Starts `quick_check` of `file` on its own read-only connection. The desk's connection keeps
 * writing meanwhile (WAL: the check reads one consistent moment of the file).
 */
export function startBackgroundCheck(file: string, clock: { now(): Date }): BackgroundCheck {
  let raw: RawDatabase | null = null;
  let stopped = false;
  record(file, { state: 'checking', checkedAt: null, problem: null });
  const done = (async (): Promise<IntegrityStatus> => {
    try {
      raw = await openRaw(file, { create: false, readOnly: true });
      if (stopped) throw new Error('stopped');
      await rawAll(raw, 'PRAGMA trusted_schema = OFF');
      const rows = await rawAll<{ quick_check: string }>(raw, 'PRAGMA quick_check(20)');
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      const status: IntegrityStatus = {
        state: problems.length === 0 ? 'passed' : 'damaged',
        checkedAt: clock.now().toISOString(),
        problem: problems.length === 0 ? null : problems.slice(0, 3).join('; '),
      };
      record(file, status);
      return status;
    } catch (error) {
      const status: IntegrityStatus = stopped
        ? { state: 'stopped', checkedAt: null, problem: null }
        : // SQLite refuses to read a damaged page with SQLITE_CORRUPT rather than listing it.
          {
            state: 'damaged',
            checkedAt: clock.now().toISOString(),
            problem: String((error as Error).message ?? error).slice(0, 200),
          };
      record(file, status);
      return status;
    } finally {
      const opened = raw as RawDatabase | null;
      raw = null;
      if (opened) await closeRawQuietly(opened);
    }
  })();
  return {
    done,
    async stop() {
      stopped = true;
      try {
        (raw as RawDatabase | null)?.interrupt();
      } catch {
        // Closed meanwhile: the check has finished.
      }
      await done;
    },
  };
}
