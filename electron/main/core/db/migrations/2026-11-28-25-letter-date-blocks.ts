/**
 * The earliest and latest letter date in each block of 256 letter rowids, so that the
 * register's text filter can tell, from a few hundred rows, where in the register the letters
 * of a date range can lie. Letters are registered about in the order of their dates, so the
 * letters of the dates a page of a text reaches lie in a few blocks, and only the text's
 * matches there are fetched and sorted (letters/letter-date-blocks.ts). The bounds only ever
 * widen: a letter that moves to another date or is removed leaves its block's bounds as they
 * were, which still hold every letter of the block. Triggers keep them in the transaction
 * that writes a letter, whichever code writes it; existing letters are summarised here.
 * Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_date_blocks')
    .addColumn('block', 'integer', (c) => c.primaryKey())
    .addColumn('min_date', 'text', (c) => c.notNull())
    .addColumn('max_date', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE TRIGGER letter_date_blocks_insert AFTER INSERT ON letters BEGIN
    INSERT INTO letter_date_blocks (block, min_date, max_date)
      VALUES (new.rowid / 256, new.letter_date, new.letter_date)
      ON CONFLICT (block) DO UPDATE SET min_date = min(min_date, excluded.min_date),
        max_date = max(max_date, excluded.max_date);
  END`.execute(db);
  await sql`CREATE TRIGGER letter_date_blocks_update AFTER UPDATE OF letter_date ON letters
    WHEN old.letter_date IS NOT new.letter_date
    BEGIN
      INSERT INTO letter_date_blocks (block, min_date, max_date)
        VALUES (new.rowid / 256, new.letter_date, new.letter_date)
        ON CONFLICT (block) DO UPDATE SET min_date = min(min_date, excluded.min_date),
          max_date = max(max_date, excluded.max_date);
    END`.execute(db);
  await sql`INSERT INTO letter_date_blocks (block, min_date, max_date)
    SELECT rowid / 256, min(letter_date), max(letter_date) FROM letters GROUP BY 1`.execute(db);
}
