/**
 * The earliest and latest letter date of each block of 256 letter rowids
 * (`letter_date_blocks`, kept by triggers; see its migration), and the one question the
 * register asks them: between which rowids lie all the letters of a date or later (or
 * earlier). Letters are registered about in the order of their dates, so the answer is the
 * few blocks of those dates; older letters registered late (an import of a past year) widen
 * it only where they share a block with letters of those dates, never wrongly.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import {
  letterRowidsContaining,
  letterRowidsContainingFrom,
  type KeyGramsPlan,
  type RowidRange,
} from '../search/letter-key-grams';

type Db = Kysely<Database> | Transaction<Database>;

/** Rowids per block: the migration's triggers divide by the same number. */
export const LETTER_DATE_BLOCK = 256;

/**
 * A rowid range holding every letter that contains `textKey` and would come among the first
 * `need` of them in date order (`desc`: newest first), or null when the blocks cannot tell.
 * `total` is how many letters contain it.
 *
 * Any `need` of the text's letters tell a date the first `need` in date order all reach (the
 * oldest of theirs, newest first): those `need` letters already do. The text's letters are
 * read from the trigram index in rowid order, from the end of the block whose dates reach
 * furthest that way (the newest block, not the last registered: an import of past years comes
 * after it), twice as many as needed, and the `need` first of them in date order are taken:
 * older letters registered late beside the newest block's own are passed over. The blocks
 * then say which of them hold a letter of that date or later (newest first); the range runs
 * from the first to the last of those. The first `need` of the text's letters in it, in date
 * order, are the first of all its letters. Fewer than `need` found (and not all the text's
 * letters) tell nothing. One statement.
 */
export async function textDateRange(
  db: Db,
  plan: Exclude<KeyGramsPlan, { kind: 'scan' }>,
  textKey: string,
  direction: 'asc' | 'desc',
  need: number,
  total: number,
): Promise<RowidRange | null> {
  const size = LETTER_DATE_BLOCK;
  const order = sql.raw(direction);
  // Where the letters are read from: the end of the newest block (the start of the oldest).
  const start =
    direction === 'desc'
      ? sql<number>`(SELECT block * ${size} + ${size - 1} FROM letter_date_blocks
          ORDER BY max_date DESC, block DESC LIMIT 1)`
      : sql<number>`(SELECT block * ${size} FROM letter_date_blocks ORDER BY min_date, block LIMIT 1)`;
  const read = letterRowidsContainingFrom(plan, textKey, direction, start, READ_PER_NEEDED * need);
  // The first `need` dates, in date order, of the letters read, and the one they all reach.
  const dates = sql`SELECT letter_date FROM letters WHERE rowid IN (${read})
    ORDER BY letter_date ${order} LIMIT ${need}`;
  const reached = sql.raw(direction === 'desc' ? 'min' : 'max');
  const { from, to } = rowidsOfDates(direction, sql<string>`s.date`);
  const found = await sql<{ n: number; lo: number | null; hi: number | null }>`SELECT s.n AS n,
      ${from} AS lo, ${to} AS hi
    FROM (SELECT ${reached}(letter_date) AS date, count(*) AS n FROM (${dates})) AS s`.execute(db);
  const row = found.rows[0];
  if (!row || row.lo === null || row.hi === null) return null;
  if (row.n < need && row.n !== total) return null;
  return { from: row.lo, to: row.hi };
}

/**
 * Whether a letter containing `textKey` may be dated `date` or later (`asc`: `date` or
 * earlier), as an SQL truth value: the text's letters are looked for in the blocks holding a
 * letter of those dates, and the first one found answers. False tells that no letter of the
 * text is of those dates, since the blocks hold every letter's date; true only that one of
 * them is in such a block. `date` is an SQL expression evaluated once (a subquery or a value).
 */
export function textMayReach(
  plan: Exclude<KeyGramsPlan, { kind: 'scan' }>,
  textKey: string,
  direction: 'asc' | 'desc',
  date: RawBuilder<string>,
): RawBuilder<number> {
  return sql<number>`EXISTS (${letterRowidsContaining(plan, textKey, rowidsOfDates(direction, date))})`;
}

/**
 * The rowids from the first to the last block holding a letter dated `date` or later (`asc`:
 * or earlier), as SQL expressions (null when no block does): every letter of those dates lies
 * between them, since the blocks hold every letter's date.
 */
function rowidsOfDates(
  direction: 'asc' | 'desc',
  date: RawBuilder<string>,
): { from: RawBuilder<number>; to: RawBuilder<number> } {
  const size = LETTER_DATE_BLOCK;
  const holds = direction === 'desc' ? sql`max_date >= ${date}` : sql`min_date <= ${date}`;
  return {
    from: sql<number>`(SELECT min(block) * ${size} FROM letter_date_blocks WHERE ${holds})`,
    to: sql<number>`(SELECT max(block) * ${size} + ${size - 1} FROM letter_date_blocks WHERE ${holds})`,
  };
}

/** How many of the text's letters are read for each one the page needs (see textDateRange). */
const READ_PER_NEEDED = 2;

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
