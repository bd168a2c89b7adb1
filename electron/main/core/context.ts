/**
 * What a handler sees. Queries and mutations get the open transaction; a task gets the
 * database and runs its own transactions (it reports progress as it goes).
 */
import type { Kysely, Transaction } from 'kysely';
import type { EventName, EventPayload } from '../../../shared/api/events';
import type { AuditChange } from './audit/audit.repository';
import type { Database } from './db/tables';
import type { Sqlite3Driver } from './db/sqlite3-driver';
import type { Clock, Platform } from './platform/platform.port';

/** The folders of one desk. */
export interface DeskPaths {
  dataDir: string;
  databaseFile: string;
  attachmentsDir: string;
  backupsDir: string;
  tempDir: string;
  /** The program's own read-only files (sample data). */
  resourcesDir: string;
}

/** Everything that lives as long as the open desk. */
export interface DeskEnv {
  paths: DeskPaths;
  platform: Platform;
  clock: Clock;
  actor: string;
  workstation: string;
  appVersion: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Records that a handler touched, so the search index can follow in the same transaction. */
export type Touched = Map<string, Set<string>>;

interface CallBase extends DeskEnv {
  /** The method being run, e.g. `letters.create`. */
  method: string;
  /** "Now" for this call: read once, so every row of one call carries the same time. */
  now: Date;
  nowIso: string;
  /** Tells the search index that a record of `type` changed (or was removed). */
  touch(type: string, id: string): void;
  /**
   * Tells the screens, once the call succeeded, that records of this kind changed too: the
   * `changed` event names the audit row's entity, and a call that also wrote others (an event
   * outcome's follow-ups, an import's records) announces them here.
   */
  announce(entity: string): void;
  /** Runs after a successful commit (for example removing a file no row references). */
  afterCommit(fn: () => Promise<void> | void): void;
  /**
   * Runs if the transaction this call writes in rolls back: files stored before their rows
   * (attachments) are removed again, so a refused call leaves the folder as it was.
   */
  onRollback(fn: () => void): void;
}

export interface QueryContext extends CallBase {
  tx: Transaction<Database>;
}

export interface MutationContext extends CallBase {
  tx: Transaction<Database>;
}

export interface TaskContext extends CallBase {
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  /**
   * Runs `fn` in one write transaction; the search index follows touched records inside it.
   * With `audit`, the audit row describing the result is written in the same transaction
   * (the task then answers `audit: null`), so the change never commits without its row.
   */
  transaction<T>(
    fn: (tx: Transaction<Database>) => Promise<T>,
    audit?: (result: T) => AuditChange,
  ): Promise<T>;
  /** Reports progress of this task to the renderer. */
  progress(phase: string, done: number, total: number): void;
  /** True once the user asked to cancel this task. */
  readonly cancelled: boolean;
  /**
   * For restoring a backup: once no other call runs (new calls wait), runs `beforeClose` on
   * the open database, closes it, lets `swap` replace the file, and opens it again with
   * every opening check and pending migration. If `swap` or the reopening fails, `undo` puts
   * the previous file back. Afterwards `db` and `driver` are the reopened database.
   */
  replaceDatabase(steps: DatabaseReplacement): Promise<{ migrated: string[] }>;
}

export interface DatabaseReplacement {
  beforeClose?: () => Promise<void>;
  swap: () => Promise<void>;
  undo: () => Promise<void>;
}

/** A mutation answers its value and the one change it made, for the audit trail. */
export interface Mutated<T> {
  value: T;
  audit: AuditChange;
}

/** A task answers its value and, when it changed data, the change for the audit trail. */
export interface TaskDone<T> {
  value: T;
  audit: AuditChange | null;
}
