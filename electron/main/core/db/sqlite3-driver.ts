/**
 * Kysely driver over the `sqlite3` package: one connection, serialised by a mutex so that a
 * transaction owns the connection from BEGIN to COMMIT. node-sqlite3 needs care that
 * better-sqlite3 does not: `run` gives lastID/changes but no rows, `all` gives rows but no
 * counts, and a BigInt parameter is silently bound as NULL.
 */
import sqlite3 from 'sqlite3';
import {
  CompiledQuery,
  DeleteQueryNode,
  InsertQueryNode,
  SelectQueryNode,
  UpdateQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

type Sqlite3Database = InstanceType<typeof sqlite3.Database>;

/** A node-sqlite3 handle of its own, as openRaw answers it (checks, backups, the page check). */
export type RawDatabase = Sqlite3Database;

/** A FIFO lock; whoever holds it owns the one connection. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;

  async lock(): Promise<void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    this.#release = release;
  }

  unlock(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
}

/** Statements whose rows we must read; everything else goes through `run` for its counts. */
const READS_ROWS = /^\s*(select|with|pragma|explain|values)\b/i;
const RETURNING = /\breturning\b/i;

function returnsRows(query: CompiledQuery): boolean {
  const node = query.query;
  if (SelectQueryNode.is(node)) return true;
  if (InsertQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node)) {
    return node.returning !== undefined;
  }
  return READS_ROWS.test(query.sql) || RETURNING.test(query.sql);
}

/** node-sqlite3 binds a BigInt as NULL without a word; convert what fits and refuse the rest. */
export function toSqliteParameter(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError('integer parameter outside the safe range');
    }
    return Number(value);
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) throw new TypeError('undefined parameter');
  return value;
}

type Sqlite3Statement = InstanceType<typeof sqlite3.Statement>;

/**
 * Statements worth keeping prepared: the queries and writes the handlers run again and again,
 * and the begin, commit and rollback of every transaction (with SQL text, node-sqlite3 hands
 * a statement to its worker twice, to prepare it and to run it, and finalizes it after).
 */
const CACHEABLE = /^\s*(select|with|insert|update|delete|replace|begin|commit|rollback)\b/i;
/** Enough for every statement the handlers use; the least recently used one goes first. */
const STATEMENT_CACHE_SIZE = 400;

/**
 * Prepared statements by their SQL text. node-sqlite3 compiles a statement on every `all` or
 * `run` with SQL text: a create of a letter runs about 25 statements, and compiling them (the
 * FTS5 inserts most of all) cost more than running them. A statement that fails is finalized
 * and dropped, so none is left halted; all are finalized before the connection closes.
 */
class StatementCache {
  readonly #statements = new Map<string, Sqlite3Statement>();

  constructor(readonly raw: Sqlite3Database) {}

  async get(sql: string): Promise<Sqlite3Statement> {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Map order is insertion order: moving it to the end keeps the least recent first.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = await new Promise<Sqlite3Statement>((resolve, reject) => {
      const prepared: Sqlite3Statement = this.raw.prepare(sql, (err: Error | null) =>
        err ? reject(err) : resolve(prepared),
      );
    });
    this.#statements.set(sql, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const [oldest] = this.#statements.keys();
      if (oldest !== undefined) await this.drop(oldest);
    }
    return statement;
  }

  async drop(sql: string): Promise<void> {
    const statement = this.#statements.get(sql);
    if (!statement) return;
    this.#statements.delete(sql);
    await new Promise<void>((resolve) => statement.finalize(() => resolve()));
  }

  async clear(): Promise<void> {
    for (const sql of [...this.#statements.keys()]) await this.drop(sql);
  }
}

export class Sqlite3Connection implements DatabaseConnection {
  readonly #statements: StatementCache;

  constructor(readonly raw: Sqlite3Database) {
    this.#statements = new StatementCache(raw);
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql } = compiledQuery;
    const parameters = compiledQuery.parameters.map(toSqliteParameter);
    const reads = returnsRows(compiledQuery);
    if (!CACHEABLE.test(sql)) return this.#unprepared(sql, parameters, reads);
    const statement = await this.#statements.get(sql);
    try {
      return await new Promise<QueryResult<R>>((resolve, reject) => {
        if (reads) {
          statement.all(parameters, (err: Error | null, rows: R[]) =>
            err ? reject(err) : resolve({ rows }),
          );
          return;
        }
        statement.run(parameters, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) return reject(err);
          resolve({
            rows: [],
            numAffectedRows: BigInt(this.changes),
            insertId: this.lastID !== undefined ? BigInt(this.lastID) : undefined,
          });
        });
      });
    } catch (error) {
      await this.#statements.drop(sql);
      throw error;
    }
  }

  #unprepared<R>(sql: string, parameters: unknown[], reads: boolean): Promise<QueryResult<R>> {
    if (reads) {
      return new Promise((resolve, reject) => {
        this.raw.all(sql, parameters, (err: Error | null, rows: R[]) =>
          err ? reject(err) : resolve({ rows }),
        );
      });
    }
    return new Promise((resolve, reject) => {
      this.raw.run(sql, parameters, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) return reject(err);
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          insertId: this.lastID !== undefined ? BigInt(this.lastID) : undefined,
        });
      });
    });
  }

  /** Finalizes the prepared statements; the connection cannot close while any is left. */
  finalizeStatements(): Promise<void> {
    return this.#statements.clear();
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the sqlite3 driver');
  }

  /** Runs several statements without parameters (schema scripts, pragmas). */
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(err) : resolve())));
  }
}

export class Sqlite3Driver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: Sqlite3Connection;

  constructor(raw: Sqlite3Database) {
    this.#connection = new Sqlite3Connection(raw);
  }

  get connection(): Sqlite3Connection {
    return this.#connection;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // A write transaction takes the write lock up front, so it never fails half-way on BUSY.
    const begin = settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      // After SQLITE_FULL, IOERR or NOMEM SQLite may already have rolled the transaction back
      // itself; the error that caused it must reach the caller, not this one.
      if (!/no transaction is active/.test(String((error as Error).message))) throw error;
    }
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    try {
      await this.#connection.finalizeStatements();
      await new Promise<void>((resolve, reject) =>
        this.#connection.raw.close((err) => (err ? reject(err) : resolve())),
      );
    } finally {
      this.#mutex.unlock();
    }
  }

  /** Runs `fn` while holding the connection, for work outside Kysely (backup, exec). */
  async withConnection<T>(fn: (connection: Sqlite3Connection) => Promise<T>): Promise<T> {
    await this.#mutex.lock();
    try {
      return await fn(this.#connection);
    } finally {
      this.#mutex.unlock();
    }
  }
}

/**
 * A `file:` URI for SQLite: forward slashes, a leading slash before a drive letter, and the
 * characters that URIs reserve escaped (a data folder may be named anything).
 */
export function sqliteFileUri(file: string, query: Record<string, string>): string {
  let path = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(path)) path = `/${path}`;
  const escaped = path.replace(
    /[%?#]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  const params = new URLSearchParams(query).toString();
  return `file:${escaped}${params ? `?${params}` : ''}`;
}

/**
 * Opens the raw handle; `create` false refuses a missing file. `immutable` opens read-only
 * without locks or side files (-wal, -shm): only for checking a file that has no -wal.
 */
export function openRaw(
  file: string,
  options: { create: boolean; readOnly?: boolean; immutable?: boolean },
): Promise<Sqlite3Database> {
  const readOnly = options.readOnly === true || options.immutable === true;
  const mode = readOnly
    ? sqlite3.OPEN_READONLY
    : sqlite3.OPEN_READWRITE | (options.create ? sqlite3.OPEN_CREATE : 0);
  const name = options.immutable ? sqliteFileUri(file, { immutable: '1' }) : file;
  const uri = options.immutable ? sqlite3.OPEN_URI : 0;
  return new Promise((resolve, reject) => {
    const db: Sqlite3Database = new sqlite3.Database(name, mode | uri | sqlite3.OPEN_FULLMUTEX, (err) =>
      err ? reject(err) : resolve(db),
    );
  });
}

export const SQLITE_VERSION = sqlite3.VERSION;
