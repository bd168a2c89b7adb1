/**
 * Opening the desk database: checks before anything is written, pragmas set and read back,
 * migrations applied. A file that is not a healthy desk answers CORRUPT and is left exactly
 * as it was found.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { DeskError, toDeskError } from '../errors';
import { createSearchRows } from '../search/search.repository';
import { APPLICATION_ID, checkDeskFile, kyselyOver, sideFiles } from './file-check';
import { checkedAtOpen, startBackgroundCheck, type BackgroundCheck } from './integrity-watch';
import { reportingProvider, type ReportingMigration } from './migration-progress';
import { migrations } from './migrations';
import { Sqlite3Driver, openRaw, type Sqlite3Connection } from './sqlite3-driver';
import type { Database } from './tables';
import { upgradeTracker, type UpgradeProgress, type UpgradeTracker } from './upgrade-progress';

export { APPLICATION_ID } from './file-check';

export interface OpenedDatabase {
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  file: string;
  /** Names of the migrations this open applied (empty for an up-to-date desk). */
  applied: string[];
  /** The page-by-page check still running in the background, if the open deferred it. */
  backgroundCheck: BackgroundCheck | null;
  close(): Promise<void>;
}

export interface MigrationPlan {
  /** Migrations already applied before this open, oldest first (empty for a new desk). */
  done: string[];
  /** Migrations about to run. */
  pending: string[];
  /** The open database, before the migrations run (for a backup of it). */
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  /** Where the backup before the migrations reports its copy and its check. */
  progress: UpgradeTracker;
}

export interface OpenDatabaseOptions {
  /** Called with the pending migration names before they run (the backup issue hooks in here). */
  beforeMigrate?: (pending: string[], plan: MigrationPlan) => Promise<void>;
  /**
   * A desk file up to this size (and any desk that did not close cleanly) gets its
   * page-by-page check before it opens; a larger one that closed cleanly gets it in the
   * background right after. Tests lower it to exercise the background check.
   */
  checkBeforeOpenUpToBytes?: number;
  /** Times the background check's outcome. */
  clock?: { now(): Date };
  /**
   * Told how far the backup before the migrations and the migrations themselves are, in
   * order, and once more with `failed` when they stopped (the desk is then as it was).
   */
  onUpgrade?: (progress: UpgradeProgress) => void;
  /** The migrations to apply (all of this program's; tests add one). */
  migrations?: Record<string, ReportingMigration>;
}

/**
 * About 80 ms of quick_check on the reference machine (5 ms of CPU per MB): within the
 * 300 ms open target together with the structure check.
 */
export const CHECK_BEFORE_OPEN_UP_TO_BYTES = 16 * 1024 * 1024;

/**
 * When the whole file is checked before opening: a desk that did not close cleanly (SQLite
 * removes the -wal when the last connection closes, so a -wal left behind means a crash or a
 * power cut), or a small one. The -wal is SQLite's own clean-shutdown marker.
 */
function checkBeforeOpen(file: string, limit: number): boolean {
  if (existsSync(sideFiles(file).wal)) return true;
  return statSync(file).size <= limit;
}

async function query<T>(connection: Sqlite3Connection, text: string): Promise<T[]> {
  return new Promise((resolve, reject) =>
    connection.raw.all(text, [], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
  );
}

async function pragmaValue(connection: Sqlite3Connection, name: string): Promise<unknown> {
  const rows = await query<Record<string, unknown>>(connection, `PRAGMA ${name}`);
  const first = rows[0];
  return first ? Object.values(first)[0] : undefined;
}

async function setPragmas(connection: Sqlite3Connection): Promise<void> {
  await connection.exec(
    // A 32 MB page cache (SQLite's default is 2 MB): ten years of letters stay warm.
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -32768;',
  );
  const expected: Record<string, unknown> = {
    journal_mode: 'wal',
    synchronous: 2,
    foreign_keys: 1,
    trusted_schema: 0,
  };
  for (const [name, value] of Object.entries(expected)) {
    const actual = await pragmaValue(connection, name);
    if (actual !== value) {
      throw new DeskError('INTERNAL', `The database refused the setting ${name}; the desk was not opened.`);
    }
  }
}

/**
 * Creates an empty desk file (marked with the application id) under a temporary name and
 * renames it into place, so a power cut during the very first start leaves either no desk
 * or an empty one, never a zero-length file that would be refused as damaged.
 */
async function createEmptyDesk(file: string): Promise<void> {
  const temp = `${file}.new`;
  for (const leftover of [temp, `${temp}-journal`]) rmSync(leftover, { force: true });
  const raw = await openRaw(temp, { create: true });
  try {
    await new Promise<void>((resolve, reject) =>
      raw.exec(`PRAGMA application_id = ${APPLICATION_ID}`, (err) => (err ? reject(err) : resolve())),
    );
  } finally {
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  }
  renameSync(temp, file);
  syncFolderOf(file);
}

/** Makes a rename durable where the platform can (POSIX); Windows cannot open a folder. */
function syncFolderOf(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(file), 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here; the rename itself is atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  if (!existsSync(file)) await createEmptyDesk(file);
  // Checked on a separate read-only connection first, so a damaged or foreign file is never
  // opened for writing (closing a writer would checkpoint into it and remove its -wal).
  const clock = options.clock ?? { now: () => new Date() };
  const fullCheck = checkBeforeOpen(file, options.checkBeforeOpenUpToBytes ?? CHECK_BEFORE_OPEN_UP_TO_BYTES);
  await checkDeskFile(file, { role: 'desk', integrity: fullCheck ? 'quick' : 'deferred' });
  if (fullCheck) checkedAtOpen(file, clock.now());

  let raw;
  try {
    raw = await openRaw(file, { create: false });
  } catch {
    throw new DeskError(
      'CORRUPT',
      `The desk file ${file} cannot be opened for writing. It has not been changed.`,
    );
  }
  const driver = new Sqlite3Driver(raw);
  const connection = driver.connection;
  const closeRaw = () => new Promise<void>((resolve) => raw.close(() => resolve()));

  try {
    await setPragmas(connection);
  } catch (error) {
    await closeRaw();
    throw error;
  }

  const db = kyselyOver<Database>(driver);

  try {
    const applied = await migrate(db, driver, options);
    await createSearchRows(db);
    const backgroundCheck = fullCheck ? null : startBackgroundCheck(file, clock);
    return {
      db,
      driver,
      file,
      applied,
      backgroundCheck,
      close: async () => {
        await backgroundCheck?.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function migrate(
  db: Kysely<Database>,
  driver: Sqlite3Driver,
  options: OpenDatabaseOptions,
): Promise<string[]> {
  const all = options.migrations ?? migrations;
  const known = await new Migrator({ db, provider: { getMigrations: async () => all } }).getMigrations();
  const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
  if (pending.length === 0) return [];
  const done = known.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const progress = upgradeTracker(options.onUpgrade);
  try {
    await options.beforeMigrate?.(pending, { done, pending, db, driver, progress });
    // All pending migrations run in one transaction (see DeskSqliteAdapter): a failure or a
    // power cut part-way leaves the structure as it was.
    const migrator = new Migrator({
      db,
      provider: reportingProvider(all, pending, { started: progress.started, progress: progress.rows }),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new DeskError(
        'INTERNAL',
        `Updating the database structure failed at ${failed}; nothing was changed.`,
      );
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } catch (error) {
    progress.failed(toDeskError(error).message);
    throw error;
  }
}

/** The name of the newest migration applied to this database. */
export async function schemaVersion(db: Kysely<Database>): Promise<string> {
  const rows = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows.rows[0]?.name ?? 'none';
}
