/**
 * The newest records' word index: `search_recent` holds the word-index entries of the newest
 * 8,192 records (by doc id), so that a word found almost everywhere is ranked among the newest
 * records as an index of its own. bm25 counts, for every word of a query, the records holding
 * it across the whole table it is asked of; asked of the whole word index, that count grew
 * with the office and was most of a common query's cost. Same tokenizer, ranking and columns
 * as `search_words`; contentless (titles and snippets are read from `search_words`) and without
 * prefix indexes (a prefix is expanded within these few thousand records). FTS5's own
 * `automerge` keeps its segments merged: the table is small. Filled here from the word
 * index's own rows; search/search.repository.ts keeps it in step. Frozen: never edit after
 * release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

/** search.repository.ts RECENT_BLOCK when this migration was written. */
const BLOCK = 8192;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_recent USING fts5(
    title, body, joined, meta,
    tokenize = 'unicode61 remove_diacritics 2',
    content = '',
    contentless_delete = 1
  )`.execute(db);
  await sql`INSERT INTO search_recent (search_recent, rank) VALUES ('rank', 'bm25(4.0, 1.0, 1.0, 0.0)')`.execute(
    db,
  );
  const newest = await sql<{ id: number | null }>`SELECT max(doc_id) AS id FROM search_docs`.execute(db);
  const split = Math.max(0, Number(newest.rows[0]?.id ?? 0) - BLOCK);
  await sql`INSERT INTO search_recent (rowid, title, body, joined, meta)
    SELECT rowid, title, body, joined, meta FROM search_words WHERE rowid > ${split}`.execute(db);
  await sql`INSERT INTO search_recent (search_recent) VALUES ('optimize')`.execute(db);
}
