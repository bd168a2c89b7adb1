/**
 * Checking a desk file before anything writes to it: the live desk on every open, and a
 * backup (untrusted input, perhaps from a USB drive) before it is restored. The checks run on
 * a read-only connection that is closed again, so a damaged or foreign file is left exactly
 * as it was found: no checkpoint, no recovery, no -wal or -journal removed. A file without a
 * -wal is opened immutable, which creates no side files at all.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { Migrator } from 'kysely/migration';
import { DeskError } from '../errors';
import { migrations } from './migrations';
import { schemaSnapshot } from './schema-snapshot';
import { Sqlite3Driver, openRaw, type RawDatabase } from './sqlite3-driver';

/** 'CDDK' — marks a file as a City Diplomacy Desk database. */
export const APPLICATION_ID = 0x4344444b;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** SQLite runs DDL in transactions; Kysely's adapter says otherwise to stay portable. */
export class DeskSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export function kyselyOver<DB>(driver: Sqlite3Driver): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new DeskSqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export function rawAll<T>(raw: RawDatabase, text: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) =>
    raw.all(text, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
  );
}

async function rawPragma(raw: RawDatabase, name: string): Promise<unknown> {
  const rows = await rawAll<Record<string, unknown>>(raw, `PRAGMA ${name}`);
  const first = rows[0];
  return first ? Object.values(first)[0] : undefined;
}

export function closeRawQuietly(raw: RawDatabase): Promise<void> {
  return new Promise((resolve) => raw.close(() => resolve()));
}

/** The side files SQLite keeps next to a database. */
export function sideFiles(file: string): { wal: string; shm: string; journal: string } {
  return { wal: `${file}-wal`, shm: `${file}-shm`, journal: `${file}-journal` };
}

function nonEmpty(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export type FileRole = 'desk' | 'backup';

function describe(role: FileRole, file: string): string {
  return role === 'desk' ? `The desk file ${file}` : `The backup file ${file}`;
}

function corruptFile(role: FileRole, file: string, why: string): DeskError {
  const tail = role === 'desk' ? ' It has not been changed.' : '';
  return new DeskError('CORRUPT', `${describe(role, file)} cannot be used: ${why}.${tail}`);
}

/** One schema object as SQLite keeps it, with its SQL text's whitespace folded. */
export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

async function schemaObjects(raw: RawDatabase): Promise<SchemaObject[]> {
  const rows = await rawAll<SchemaObject>(
    raw,
    `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name`,
  );
  return rows.map((r) => ({ ...r, sql: r.sql === null ? null : r.sql.replace(/\s+/g, ' ').trim() }));
}

const referenceSchemas = new Map<string, SchemaObject[]>();

/**
 * The schema a desk has after exactly these migrations, built by running them on an
 * in-memory database (once per version per process). Comparing a file with it finds a
 * dropped trigger, an added view or a half-applied change.
 */
async function referenceSchema(applied: readonly string[]): Promise<SchemaObject[]> {
  const key = applied.join('\n');
  const cached = referenceSchemas.get(key);
  if (cached) return cached;
  // The structure of the current version is committed (schema-snapshot.ts, checked against
  // the migrations by a test): building it costs about 200 ms of CPU, most of a start.
  if (key === schemaSnapshot.migrations.join('\n')) return schemaSnapshot.objects;
  return buildReferenceSchema(applied);
}

/** Runs exactly these migrations on an in-memory database and answers its structure. */
export async function buildReferenceSchema(applied: readonly string[]): Promise<SchemaObject[]> {
  const key = applied.join('\n');
  const raw = await openRaw(':memory:', { create: true });
  const driver = new Sqlite3Driver(raw);
  const db = kyselyOver<unknown>(driver);
  try {
    const chosen = Object.fromEntries(applied.map((name) => [name, migrations[name]!]));
    const migrator = new Migrator({ db, provider: { getMigrations: async () => chosen } });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    const objects = await schemaObjects(raw);
    referenceSchemas.set(key, objects);
    return objects;
  } finally {
    await db.destroy();
  }
}

function firstDifference(actual: SchemaObject[], expected: SchemaObject[]): string | null {
  const key = (o: SchemaObject) => `${o.type} ${o.name}`;
  const have = new Map(actual.map((o) => [key(o), o]));
  const want = new Map(expected.map((o) => [key(o), o]));
  for (const [k, o] of want) {
    const found = have.get(k);
    if (!found) return `the ${k} is missing`;
    if (found.sql !== o.sql || found.tbl_name !== o.tbl_name) return `the ${k} has been altered`;
  }
  for (const k of have.keys()) if (!want.has(k)) return `it holds an unexpected ${k}`;
  return null;
}

export interface DeskFileFacts {
  /** Names of the migrations applied to the file, oldest first. */
  migrations: string[];
}

export interface CheckOptions {
  role: FileRole;
  /**
   * 'full' for backups, which are checked once and kept for years; 'quick' when opening a
   * desk that did not close cleanly, or a small one; 'deferred' when opening a large desk that
   * closed cleanly: every check here but the page-by-page one, which then runs in the
   * background (see integrity-watch.ts), because it reads the whole file.
   */
  integrity: 'quick' | 'full' | 'deferred';
  /**
   * Asked while the page-by-page check runs: once it answers true the check is interrupted
   * and checkDeskFile throws CONFLICT ("stopped"), finding nothing about the file. A backup's
   * verification uses it so that closing the program does not wait for a long check.
   */
  cancelled?: () => boolean;
}

/** How often a running integrity check asks whether it should stop. */
const STOP_POLL_MS = 100;

function stoppedCheck(role: FileRole, file: string): DeskError {
  return new DeskError('CONFLICT', `The check of ${describe(role, file)} was stopped before it finished.`);
}

/**
 * A file shorter than the size its header records has lost its end (a copy cut short, a
 * truncated file): found from the first 100 bytes, without reading the rest. The header's
 * page count is only trusted when SQLite marked it valid for the current change counter.
 */
function truncatedBelowHeader(file: string, size: number): boolean {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return true;
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
    return valid && pages > 0 && pages * pageSize > size;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an existing desk file: header, application id, integrity, and a schema that is
 * exactly what this program's migrations make. Throws CORRUPT (or UNSUPPORTED_FILE for a
 * desk written by a newer version) naming the file; changes nothing.
 */
export async function checkDeskFile(file: string, options: CheckOptions): Promise<DeskFileFacts> {
  const { role } = options;
  const side = sideFiles(file);
  // A backup is a single file: a -wal beside it is none of its content and is never read.
  const useWal = role === 'desk' && existsSync(side.wal);
  const size = statSync(file).size;
  if (size === 0 && !(useWal && nonEmpty(side.wal)))
    throw corruptFile(role, file, 'it is empty (zero bytes)');
  if (size > 0 && !readHeader(file).equals(SQLITE_HEADER)) {
    throw corruptFile(role, file, 'it is not a database file (another kind of file was put in its place)');
  }
  if (size > 0 && !useWal && truncatedBelowHeader(file, size)) {
    throw corruptFile(role, file, 'it is damaged (shorter than its header says)');
  }

  let raw: RawDatabase;
  try {
    raw = await openRaw(file, { create: false, immutable: !useWal, readOnly: true });
  } catch {
    throw corruptFile(role, file, 'it cannot be read');
  }
  try {
    await rawAll(raw, 'PRAGMA trusted_schema = OFF');
    let appId: unknown;
    try {
      appId = await rawPragma(raw, 'application_id');
    } catch {
      throw corruptFile(role, file, 'it is not a database file');
    }
    if (appId !== APPLICATION_ID) {
      throw corruptFile(role, file, 'it is not a City Diplomacy Desk database');
    }
    // The integrity check reads the whole file; the reference schema is built meanwhile.
    const pragma = { full: 'integrity_check', quick: 'quick_check', deferred: null }[options.integrity];
    const { cancelled } = options;
    const poll =
      cancelled && pragma !== null
        ? setInterval(() => {
            if (cancelled()) raw.interrupt();
          }, STOP_POLL_MS)
        : null;
    const [check, migrations] = await Promise.all([
      pragma === null ? 'ok' : rawPragma(raw, pragma).catch(() => 'failed'),
      checkSchema(raw, file, role).catch((error: unknown) => error as Error),
    ]).finally(() => {
      if (poll) clearInterval(poll);
    });
    // An interrupted check reads as failed; it found nothing, so nothing is said of the file.
    if (cancelled?.()) throw stoppedCheck(role, file);
    if (check !== 'ok') throw corruptFile(role, file, `it is damaged (${options.integrity} check failed)`);
    if (migrations instanceof Error) throw migrations;
    return { migrations };
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw corruptFile(role, file, 'it is damaged');
  } finally {
    await closeRawQuietly(raw);
  }
}

async function checkSchema(raw: RawDatabase, file: string, role: FileRole): Promise<string[]> {
  const tracked = await rawAll(
    raw,
    `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`,
  );
  const applied =
    tracked.length === 0
      ? []
      : (await rawAll<{ name: string }>(raw, 'SELECT name FROM kysely_migration ORDER BY name')).map(
          (r) => r.name,
        );
  if (applied.length === 0) {
    // A desk whose first start stopped before its first migration committed (migrations run
    // in one transaction) holds at most the migrator's own bookkeeping tables.
    const bookkeeping = (o: SchemaObject) => o.type === 'table' && o.name.startsWith('kysely_migration');
    if ((await schemaObjects(raw)).every(bookkeeping)) return [];
    throw corruptFile(role, file, 'its structure is not a desk structure');
  }
  const known = Object.keys(migrations).sort();
  const unknown = applied.filter((name) => !Object.prototype.hasOwnProperty.call(migrations, name));
  if (unknown.length > 0) {
    throw new DeskError(
      'UNSUPPORTED_FILE',
      `${describe(role, file)} was written by a newer version of City Diplomacy Desk (structure ${unknown.at(-1)}). Install that version to open it.`,
    );
  }
  if (applied.some((name, i) => known[i] !== name)) {
    throw corruptFile(role, file, 'its structure updates were applied out of order');
  }
  const difference = firstDifference(await schemaObjects(raw), await referenceSchema(applied));
  if (difference)
    throw corruptFile(role, file, `its structure has been changed outside the program: ${difference}`);
  return applied;
}
