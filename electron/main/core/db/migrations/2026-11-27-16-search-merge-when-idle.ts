/**
 * The full-text indexes no longer merge their segments inside the transaction that writes
 * them: FTS5's `automerge` made one registration in twenty, at office scale, merge hundreds
 * of pages before it could commit. The desk merges them in small steps while it is idle
 * instead (search/index-upkeep.ts); FTS5's `crisismerge` (16 segments on one level) still
 * merges inside a write when the desk is never idle. The setting is kept in each table's
 * `_config`, so it holds for every connection. SQLite-only. Frozen: never edit after
 * release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['search_words', 'search_grams', 'letter_key_grams']) {
    await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}, rank) VALUES ('automerge', 0)`.execute(db);
  }
}
