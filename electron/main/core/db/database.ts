/**
 * Opening the desk database: checks before anything is written, pragmas set and read back,
 * migrations applied. A file that is not a healthy desk answers CORRUPT and is left exactly
 * as it was found.
 */
import { existsSync, statSync } from 'node:fs';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { DeskError } from '../errors';
import { migrationProvider } from './migrations';
import { Sqlite3Driver, openRaw, type Sqlite3Connection } from './sqlite3-driver';
import type { Database } from './tables';

/** 'CDDK' — marks a file as a City Diplomacy Desk database. */
export const APPLICATION_ID = 0x4344444b;

export interface OpenedDatabase {
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  file: string;
  /** Names of the migrations this open applied (empty for an up-to-date desk). */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Called with the pending migration names before they run (the backup issue hooks in here). */
  beforeMigrate?: (pending: string[]) => Promise<void>;
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

function corrupt(file: string, why: string): DeskError {
  return new DeskError('CORRUPT', `The desk file ${file} cannot be opened: ${why}. It has not been changed.`);
}

/**
 * Checks an existing file before anything writes to it: a zero-length file, a file that is
 * not SQLite, a SQLite file of another program, or one that fails quick_check.
 */
async function checkExisting(connection: Sqlite3Connection, file: string): Promise<void> {
  let appId: unknown;
  try {
    appId = await pragmaValue(connection, 'application_id');
  } catch {
    throw corrupt(file, 'it is not a desk database');
  }
  if (appId !== APPLICATION_ID) {
    throw corrupt(file, 'it is not a City Diplomacy Desk database');
  }
  let check: unknown;
  try {
    check = await pragmaValue(connection, 'quick_check');
  } catch {
    throw corrupt(file, 'it is damaged');
  }
  if (check !== 'ok') throw corrupt(file, 'it is damaged (quick_check failed)');
}

async function setPragmas(connection: Sqlite3Connection): Promise<void> {
  await connection.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA busy_timeout = 5000;',
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

export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const exists = existsSync(file);
  if (exists && statSync(file).size === 0) throw corrupt(file, 'it is empty (zero bytes)');

  let raw;
  try {
    raw = await openRaw(file, { create: !exists });
  } catch {
    throw corrupt(file, 'it cannot be read');
  }
  const driver = new Sqlite3Driver(raw);
  const connection = driver.connection;
  const closeRaw = () => new Promise<void>((resolve) => raw.close(() => resolve()));

  try {
    if (exists) {
      await checkExisting(connection, file);
    } else {
      await connection.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    }
    await setPragmas(connection);
  } catch (error) {
    await closeRaw();
    throw error;
  }

  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });

  try {
    const applied = await migrate(db, options);
    return { db, driver, file, applied, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function migrate(db: Kysely<Database>, options: OpenDatabaseOptions): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const pending = (await migrator.getMigrations())
    .filter((m) => m.executedAt === undefined)
    .map((m) => m.name);
  if (pending.length === 0) return [];
  await options.beforeMigrate?.(pending);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new DeskError(
      'INTERNAL',
      `Updating the database structure failed at ${failed}; nothing was changed.`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest migration applied to this database. */
export async function schemaVersion(db: Kysely<Database>): Promise<string> {
  const rows = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows.rows[0]?.name ?? 'none';
}
