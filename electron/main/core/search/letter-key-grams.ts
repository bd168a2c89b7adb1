/**
 * The trigram index over the letters' search keys (`letter_key_grams`, kept in step with
 * `letters.search_key` by triggers; see its migration). The register's text filter asks it
 * which letters contain a text instead of testing every letter's key with `instr`; the
 * answers are exactly the ones `instr` gives. SQLite-only: the FTS5 text lives here.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/tables';

/**
 * Characters FTS5's trigram tokenizer folds onto no other character a search key can hold.
 * Its folding (case folding, no diacritics removed) maps A–Z, K (U+212A) and ſ (U+017F) onto
 * ASCII letters and nothing onto Arabic-script letters; a search key is NFKC and lower-case,
 * so it never holds those. For a text of these characters only, a trigram phrase match is
 * the same test as `instr` on the key (letter-key-grams.test.ts checks both facts).
 */
const FOLD_SAFE = /^[\u0020-\u0040\u005b-\u007e\u0600-\u06ff]+$/;

/** How the text filter finds the letters whose search key contains a text. */
export type KeyGramsPlan =
  /** The index answers exactly. */
  | { kind: 'exact'; match: string }
  /** The index answers a superset, checked again with `instr` on the key. */
  | { kind: 'candidates'; match: string }
  /** Shorter than a trigram: every key is tested. */
  | { kind: 'scan' };

/** The plan for a search key (already normalised, non-empty). */
export function keyGramsPlan(textKey: string): KeyGramsPlan {
  if ([...textKey].length < 3) return { kind: 'scan' };
  // One FTS5 string: the trigram tokenizer reads it as consecutive trigrams, a substring.
  const match = `"${textKey.replace(/"/g, '""')}"`;
  return FOLD_SAFE.test(textKey) ? { kind: 'exact', match } : { kind: 'candidates', match };
}

/** Letter rowids a query of the index keeps to; FTS5 starts and stops its lists there. */
export interface RowidRange {
  from?: number;
  to?: number;
}

/** A range whose ends may also be rowid expressions (evaluated once, before the index is read). */
export interface RowidBounds {
  from?: number | RawBuilder<number>;
  to?: number | RawBuilder<number>;
}

/**
 * The rowids of the letters whose search key contains `textKey`, as a subquery (`letters`
 * rowids) for a plan that uses the index; between `from` and `to` when they are given.
 */
export function letterRowidsContaining(
  plan: Exclude<KeyGramsPlan, { kind: 'scan' }>,
  textKey: string,
  { from, to }: RowidBounds = {},
): RawBuilder<unknown> {
  const rowid = rowidOf(plan);
  const above = from === undefined ? sql`` : sql` AND ${rowid} >= ${from}`;
  const below = to === undefined ? sql`` : sql` AND ${rowid} <= ${to}`;
  if (plan.kind === 'exact') return sql`SELECT rowid FROM ${exactMatches(plan)}${above}${below}`;
  return sql`SELECT g.rowid FROM letter_key_grams AS g JOIN letters AS k ON k.rowid = g.rowid
    WHERE g.letter_key_grams MATCH ${plan.match} AND instr(k.search_key, ${textKey}) > 0${above}${below}`;
}

/**
 * The rowids of the first `limit` letters containing `textKey` in rowid order from `start`
 * (a rowid expression; `desc`: at or below it, the last registered first), as a subquery:
 * FTS5 reads its lists from there and stops after `limit`.
 */
export function letterRowidsContainingFrom(
  plan: Exclude<KeyGramsPlan, { kind: 'scan' }>,
  textKey: string,
  direction: 'asc' | 'desc',
  start: RawBuilder<number>,
  limit: number,
): RawBuilder<unknown> {
  const bounds = direction === 'desc' ? { to: start } : { from: start };
  return sql`${letterRowidsContaining(plan, textKey, bounds)} ORDER BY ${rowidOf(plan)} ${sql.raw(direction)} LIMIT ${limit}`;
}

/** The index's rowid column in the queries above. */
function rowidOf(plan: Exclude<KeyGramsPlan, { kind: 'scan' }>): RawBuilder<unknown> {
  return sql.raw(plan.kind === 'exact' ? 'rowid' : 'g.rowid');
}

/** How many letters' keys contain the text, from the index alone (an exact plan only). */
export function countLettersContaining(
  plan: Extract<KeyGramsPlan, { kind: 'exact' }>,
): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`SELECT count(*) AS n FROM ${exactMatches(plan)}`;
}

/** The index's rows for a text it answers exactly: the FROM and WHERE of the queries above. */
function exactMatches(plan: Extract<KeyGramsPlan, { kind: 'exact' }>): RawBuilder<unknown> {
  return sql`letter_key_grams WHERE letter_key_grams MATCH ${plan.match}`;
}

/**
 * Indexes every letter's key again (search.reindex): the triggers keep the index in step,
 * but it is keyed by the letters' rowids, which only a rebuild of the file (VACUUM) would
 * renumber. About 5 s of CPU for 100,000 letters, in one transaction.
 */
export async function rebuildLetterKeyGrams(tx: Transaction<Database>): Promise<void> {
  await sql`INSERT INTO letter_key_grams (letter_key_grams) VALUES ('delete-all')`.execute(tx);
  await sql`INSERT INTO letter_key_grams (rowid, search_key) SELECT rowid, search_key FROM letters`.execute(
    tx,
  );
}
