/**
 * The earliest and latest letter date of each block of 256 letter rowids
 * (`letter_date_blocks`, kept by triggers; see its migration), and the one question the
 * register asks them: from which rowid on (or up to which) lie all the letters of a date or
 * later (or earlier). Letters are registered about in the order of their dates, so the answer
 * is close to the first letter of that date; where older letters were registered late (an
 * import of a past year), it is further, never wrong.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import {
  letterRowidsContainingFromEnd,
  type KeyGramsPlan,
  type RowidRange,
} from '../search/letter-key-grams';

type Db = Kysely<Database> | Transaction<Database>;

/** Rowids per block: the migration's triggers divide by the same number. */
export const LETTER_DATE_BLOCK = 256;

/**
 * A rowid range holding every letter that contains `textKey` and would come among the first
 * `need` of them in date order (`desc`: newest first), or null when the blocks cannot tell.
 *
 * The text's `need` last registered letters (first registered, ascending) are found from the
 * end of the trigram index; the oldest (newest) date among them is a date the first `need`
 * letters in date order all reach, since those `need` letters already do. The blocks then
 * say from which rowid on every letter of that date or later lies. The range holds those
 * letters, so the first `need` of the text's letters in it, in date order, are the first of
 * all its letters. One statement.
 */
export async function textDateRange(
  db: Db,
  plan: Exclude<KeyGramsPlan, { kind: 'scan' }>,
  textKey: string,
  direction: 'asc' | 'desc',
  need: number,
): Promise<RowidRange | null> {
  const ends = letterRowidsContainingFromEnd(plan, textKey, direction, need);
  const found =
    direction === 'desc'
      ? await sql<{ block: number | null }>`SELECT (SELECT min(block) FROM letter_date_blocks
          WHERE max_date >= d.date) AS block
          FROM (SELECT min(letter_date) AS date FROM letters WHERE rowid IN (${ends})) AS d`.execute(db)
      : await sql<{ block: number | null }>`SELECT (SELECT max(block) FROM letter_date_blocks
          WHERE min_date <= d.date) AS block
          FROM (SELECT max(letter_date) AS date FROM letters WHERE rowid IN (${ends})) AS d`.execute(db);
  const block = found.rows[0]?.block;
  if (block === null || block === undefined) return null;
  return direction === 'desc'
    ? { from: block * LETTER_DATE_BLOCK }
    : { to: block * LETTER_DATE_BLOCK + LETTER_DATE_BLOCK - 1 };
}

/**
 * Summarises every letter's date again (search.reindex), exactly: the triggers only widen the
 * bounds, and the blocks are keyed by the letters' rowids, which only a rebuild of the file
 * (VACUUM) would renumber.
 */
export async function rebuildLetterDateBlocks(tx: Transaction<Database>): Promise<void> {
  await sql`DELETE FROM letter_date_blocks`.execute(tx);
  await sql`INSERT INTO letter_date_blocks (block, min_date, max_date)
    SELECT rowid / ${LETTER_DATE_BLOCK}, min(letter_date), max(letter_date) FROM letters GROUP BY 1`.execute(
    tx,
  );
}
