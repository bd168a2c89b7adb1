/**
 * The word index gains prefix indexes for 3 to 6 characters (it had 1 and 2). The last word
 * of a query is read as the start of longer words; without a prefix index of its length FTS5
 * merges the postings of every word it starts across the whole index, twice per ranked
 * query (the match and bm25's count of records holding it): for the office's own city, which
 * begins words in most records, that was most of the slowest search. With one, a prefix is
 * read as one term. Hits and ranking are unchanged: the prefix index holds the same postings.
 *
 * FTS5 cannot add a prefix index to a filled table, so the index is built again beside the
 * old one from the old one's own rows (the same rowids and keys; no text is normalised again),
 * with the old one's settings (its ranking and any merge settings), merged into one segment,
 * and takes its name. Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

/** Records copied per statement, between reports of progress. */
const COPY_ROWS = 5000;

/** Progress of the copy, in doc ids, when the desk shows the upgrade's progress. */
interface CopyProgress {
  progress(done: number, total: number): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, context?: CopyProgress): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_words_next USING fts5(
    title, body, joined, meta,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4 5 6'
  )`.execute(db);
  const settings = await sql<{ k: string; v: unknown }>`SELECT k, v FROM search_words_config
    WHERE k <> 'version' ORDER BY k`.execute(db);
  for (const { k, v } of settings.rows) {
    await sql`INSERT INTO search_words_next (search_words_next, rank) VALUES (${k}, ${v})`.execute(db);
  }
  const newest = await sql<{ id: number }>`SELECT rowid AS id FROM search_words
    ORDER BY rowid DESC LIMIT 1`.execute(db);
  const last = Number(newest.rows[0]?.id ?? 0);
  for (let from = 0; from < last; from += COPY_ROWS) {
    const to = Math.min(from + COPY_ROWS, last);
    await sql`INSERT INTO search_words_next (rowid, title, body, joined, meta)
      SELECT rowid, title, body, joined, meta FROM search_words
      WHERE rowid > ${from} AND rowid <= ${to} ORDER BY rowid`.execute(db);
    context?.progress(to, last);
  }
  await sql`INSERT INTO search_words_next (search_words_next) VALUES ('optimize')`.execute(db);
  await sql`DROP TABLE search_words`.execute(db);
  await sql`ALTER TABLE search_words_next RENAME TO search_words`.execute(db);
}
