/**
 * A trigram index over the letters' search keys, so the register's text filter reads the
 * letters that contain the typed text instead of testing every letter's key. Triggers keep
 * it in step with `letters.search_key` on every insert, change and removal, whichever code
 * writes the letter. It shares the letters' rowid and keeps no copy of the text (the keys
 * stay in `letters`). SQLite-only, read through search/letter-key-grams.ts; existing
 * letters are indexed here. Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE letter_key_grams USING fts5(
    search_key,
    tokenize = 'trigram',
    content = '',
    contentless_delete = 1
  )`.execute(db);
  await sql`CREATE TRIGGER letter_key_grams_insert AFTER INSERT ON letters BEGIN
    INSERT INTO letter_key_grams (rowid, search_key) VALUES (new.rowid, new.search_key);
  END`.execute(db);
  await sql`CREATE TRIGGER letter_key_grams_update AFTER UPDATE OF search_key ON letters BEGIN
    DELETE FROM letter_key_grams WHERE rowid = old.rowid;
    INSERT INTO letter_key_grams (rowid, search_key) VALUES (new.rowid, new.search_key);
  END`.execute(db);
  await sql`CREATE TRIGGER letter_key_grams_delete AFTER DELETE ON letters BEGIN
    DELETE FROM letter_key_grams WHERE rowid = old.rowid;
  END`.execute(db);
  await sql`INSERT INTO letter_key_grams (rowid, search_key) SELECT rowid, search_key FROM letters`.execute(
    db,
  );
}
