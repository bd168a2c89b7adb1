import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APPLICATION_ID } from '../../electron/main/core/db/database';
import { closeRawQuietly } from '../../electron/main/core/db/file-check';
import { openRaw, toSqliteParameter } from '../../electron/main/core/db/sqlite3-driver';
import { Registry } from '../../electron/main/core/registrar';
import { systemHandlers } from '../../electron/main/core/system/system.handlers';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

async function pragma(name: string): Promise<unknown> {
  const { rows } = await sql<Record<string, unknown>>`PRAGMA ${sql.raw(name)}`.execute(t.desk.internals.db);
  return Object.values(rows[0] ?? {})[0];
}

describe('the SQLite store', () => {
  it('sets the required pragmas and reads them back, also after reopening', async () => {
    for (let round = 0; round < 2; round++) {
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('trusted_schema')).toBe(0);
      expect(await pragma('application_id')).toBe(APPLICATION_ID);
      await t.reopen();
    }
  });

  it('stores a BigInt parameter as its number, never as NULL, and refuses one that does not fit', async () => {
    const db = t.desk.internals.db;
    await sql`CREATE TABLE big_test (n INTEGER)`.execute(db);
    await sql`INSERT INTO big_test (n) VALUES (${BigInt(9_007_199_254_740_991)})`.execute(db);
    await sql`INSERT INTO big_test (n) VALUES (${BigInt(-42)})`.execute(db);
    const { rows } = await sql<{ n: number | null }>`SELECT n FROM big_test ORDER BY rowid`.execute(db);
    expect(rows.map((r) => r.n)).toEqual([9_007_199_254_740_991, -42]);
    await expect(
      sql`INSERT INTO big_test (n) VALUES (${BigInt('9007199254740993')})`.execute(db),
    ).rejects.toThrow(RangeError);
    const { rows: after } = await sql<{ c: number }>`SELECT count(*) AS c FROM big_test`.execute(db);
    expect(after[0]!.c).toBe(2);
    expect(toSqliteParameter(true)).toBe(1);
    expect(() => toSqliteParameter(undefined)).toThrow(TypeError);
  });

  it('answers rows for RETURNING and counts for plain writes', async () => {
    const db = t.desk.internals.db;
    await sql`CREATE TABLE r_test (id INTEGER PRIMARY KEY, v TEXT)`.execute(db);
    const inserted = await sql<{
      id: number;
    }>`INSERT INTO r_test (v) VALUES ('a'), ('b') RETURNING id`.execute(db);
    expect(inserted.rows).toEqual([{ id: 1 }, { id: 2 }]);
    const updated = await sql`UPDATE r_test SET v = 'c'`.execute(db);
    expect(updated.numAffectedRows).toBe(2n);
    const plain = await sql`INSERT INTO r_test (v) VALUES ('d')`.execute(db);
    expect(plain.insertId).toBe(3n);
  });

  it('rolls back a failed transaction as a whole', async () => {
    const db = t.desk.internals.db;
    await sql`CREATE TABLE tx_test (v TEXT NOT NULL)`.execute(db);
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`INSERT INTO tx_test (v) VALUES ('kept?')`.execute(tx);
        await sql`INSERT INTO tx_test (v) VALUES (NULL)`.execute(tx);
      }),
    ).rejects.toThrow();
    const { rows } = await sql<{ c: number }>`SELECT count(*) AS c FROM tx_test`.execute(db);
    expect(rows[0]!.c).toBe(0);
  });

  it('keeps begin, commit and rollback prepared, and stays usable after a commit or a begin fails', async () => {
    const db = t.desk.internals.db;
    const raw = t.desk.internals.driver.connection.raw;
    await sql`CREATE TABLE parent_test (id INTEGER PRIMARY KEY)`.execute(db);
    await sql`CREATE TABLE child_test (parent INTEGER REFERENCES parent_test (id) DEFERRABLE INITIALLY DEFERRED)`.execute(
      db,
    );
    const count = async (table: string) =>
      (await sql<{ c: number }>`SELECT count(*) AS c FROM ${sql.table(table)}`.execute(db)).rows[0]!.c;
    const textRuns = vi.spyOn(raw, 'run');
    try {
      for (let i = 1; i <= 3; i++) {
        await db.transaction().execute(async (tx) => {
          await sql`INSERT INTO parent_test (id) VALUES (${i})`.execute(tx);
        });
      }
      // The foreign key is checked at the commit, which fails; the transaction is rolled back.
      await expect(
        db.transaction().execute(async (tx) => {
          await sql`INSERT INTO parent_test (id) VALUES (10)`.execute(tx);
          await sql`INSERT INTO child_test (parent) VALUES (99)`.execute(tx);
        }),
      ).rejects.toThrow(/FOREIGN KEY/);
      expect(await count('parent_test')).toBe(3);
      await db.transaction().execute(async (tx) => {
        await sql`INSERT INTO child_test (parent) VALUES (1)`.execute(tx);
      });
      expect(textRuns).not.toHaveBeenCalled();
    } finally {
      textRuns.mockRestore();
    }
    // Another connection holds the write lock past the busy timeout: begin fails, then works.
    const other = await openRaw(t.desk.internals.env.paths.databaseFile, { create: false });
    try {
      await new Promise<void>((resolve, reject) =>
        other.exec('PRAGMA busy_timeout = 0; BEGIN IMMEDIATE', (err) => (err ? reject(err) : resolve())),
      );
      await sql`PRAGMA busy_timeout = 50`.execute(db);
      await expect(
        db.transaction().execute(async (tx) => {
          await sql`INSERT INTO parent_test (id) VALUES (20)`.execute(tx);
        }),
      ).rejects.toThrow(/SQLITE_BUSY/);
      await new Promise<void>((resolve, reject) =>
        other.exec('ROLLBACK', (err) => (err ? reject(err) : resolve())),
      );
    } finally {
      await closeRawQuietly(other);
      await sql`PRAGMA busy_timeout = 5000`.execute(db);
    }
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO parent_test (id) VALUES (21)`.execute(tx);
    });
    expect(await count('parent_test')).toBe(4);
    expect(await count('child_test')).toBe(1);
  });

  it('serialises concurrent calls on the one connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.ok('settings.set', { key: 'relationships.dormantMonths', value: (i % 100) + 1 }),
      ),
    );
    expect(results).toHaveLength(50);
    const verify = await t.ok('audit.verify', {});
    expect(verify).toMatchObject({ ok: true, checked: 50 });
  });
});

describe('the registry', () => {
  it('refuses a method defined twice', () => {
    expect(() => new Registry([systemHandlers, systemHandlers])).toThrow(/defined twice/);
  });

  it('refuses to start when a contract method has no handler', () => {
    expect(() => new Registry([systemHandlers])).toThrow(/without a handler/);
  });

  it('refuses a handler for a method the contract does not have', () => {
    expect(() => new Registry([{ 'system.selfDestruct': async () => null } as never])).toThrow(
      /not in the contract/,
    );
  });
});
