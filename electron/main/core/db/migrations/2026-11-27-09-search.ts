/**
 * The search index: the records' display text, and two FTS5 indexes over its normalised
 * keys — words (unicode61, ranked, prefixes) and trigrams over the compact key (substrings
 * and compounds). SQLite-only; the index is derived data that search.reindex rebuilds.
 * Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_docs')
    .addColumn('doc_id', 'integer', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('search_docs_entity', ['type', 'entity_id'])
    .execute();
  await db.schema.createIndex('search_docs_date').on('search_docs').column('date').execute();
  await db.schema.createIndex('search_docs_generation').on('search_docs').column('generation').execute();

  // Word keys aligned with the typed words (title, body), compounds written with a
  // half-space run together (joined), and the kind/date tokens filters match (meta).
  await sql`CREATE VIRTUAL TABLE search_words USING fts5(
    title, body, joined, meta,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
  )`.execute(db);
  await sql`INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(4.0, 1.0, 1.0, 0.0)')`.execute(
    db,
  );

  // Compact keys: nothing is read back from it, so it keeps no copy of the text.
  await sql`CREATE VIRTUAL TABLE search_grams USING fts5(
    title, body, meta,
    tokenize = 'trigram',
    content = '',
    contentless_delete = 1
  )`.execute(db);
  await sql`INSERT INTO search_grams (search_grams, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.0)')`.execute(db);
}
