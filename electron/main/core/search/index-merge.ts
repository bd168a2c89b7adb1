/**
 * Merging the full-text indexes' segments in small steps. Each transaction that writes to an
 * FTS5 table adds a segment (b-tree) to it, and every query reads every segment, so segments
 * must be merged. FTS5 would merge them inside the writing transaction (its `automerge`):
 * every 64 pages written it merges 64 pages per level of the index, and at office scale that
 * made one registration in twenty write ten times the pages of the others. These tables
 * have `automerge` off (migration 2026-11-27-16-search-merge-when-idle); the desk merges them
 * here, a few pages at a time, when nobody is using it (search/index-upkeep.ts).
 * FTS5's `crisismerge` (16 segments on one level) still bounds the segments while the desk
 * is never idle (a long import, registrations back to back). SQLite-only.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables';

/** The FTS5 tables of the desk: search words and trigrams, and the register's key trigrams. */
export const FTS_TABLES = ['search_words', 'search_grams', 'letter_key_grams'] as const;
export type FtsTable = (typeof FTS_TABLES)[number];

/**
 * Pages one step writes at most, roughly: FTS5 stops a merge at the first term boundary past
 * it. At office scale a step of 16 took 2–3 ms of CPU (about 9 ms at most).
 */
export const PAGES_PER_STEP = 16;

/**
 * One merge step on one table, in its own transaction (a statement outside any other): the
 * segments are merged completely or not at all if the program stops. FTS5 merges only a level
 * holding at least `usermerge` (4) segments, or a merge a step began. Answers whether it
 * found anything to merge; when not, there is nothing to do until the table is written again.
 */
export async function mergeStep(
  db: Kysely<Database>,
  table: FtsTable,
  pages: number = PAGES_PER_STEP,
): Promise<boolean> {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError('pages must be a positive integer');
  return db.connection().execute(async (c) => {
    const total = sql<{ n: number }>`SELECT total_changes() AS n`;
    const before = (await total.execute(c)).rows[0]!.n;
    await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}, rank) VALUES ('merge', ${pages})`.execute(
      c,
    );
    const after = (await total.execute(c)).rows[0]!.n;
    // FTS5's own contract: a step that merged anything changes at least two rows.
    return after - before >= 2;
  });
}

/** One level of an FTS5 index: its segments, and whether a merge of them is under way. */
export interface FtsLevel {
  segments: number;
  merging: boolean;
}

/** SQLite's varint: big-endian groups of 7 bits, the ninth byte whole. */
function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) throw new Error('FTS5 structure record ends inside a number');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return { value: value * 256 + (bytes[at + 8] ?? 0), next: at + 9 };
}

/**
 * The levels of a table's index, from its structure record (row 10 of `<table>_data`, as
 * fts5_index.c writes it: a cookie, an optional version-2 marker, the level and segment
 * counts, a write counter, then each level's merge state and segments).
 */
export async function ftsLevels(db: Kysely<Database>, table: FtsTable): Promise<FtsLevel[]> {
  const row = (
    await sql<{ block: Uint8Array }>`SELECT block FROM ${sql.table(`${table}_data`)} WHERE id = 10`.execute(
      db,
    )
  ).rows[0];
  if (!row) return [];
  const bytes = row.block;
  let at = 4;
  const v2 = bytes[4] === 0xff && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 1;
  if (v2) at += 4;
  const next = () => {
    const read = readVarint(bytes, at);
    at = read.next;
    return read.value;
  };
  const levelCount = next();
  next(); // segments in all
  next(); // write counter
  const levels: FtsLevel[] = [];
  for (let level = 0; level < levelCount; level++) {
    const merging = next();
    const segments = next();
    // Each segment: id, first and last page; version 2 adds origins and tombstone counts.
    for (let i = 0; i < segments * (v2 ? 8 : 3); i++) next();
    levels.push({ segments, merging: merging > 0 });
  }
  return levels;
}
