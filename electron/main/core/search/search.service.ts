/**
 * search.query: the word index answers first, ranked by bm25 with the LIMIT inside FTS5;
 * the trigram index is asked only when the word index has fewer hits than the page needs
 * (compounds written apart, parts of words). Only the page's rows are then read, by rowid,
 * and their titles and snippets are marked from the stored keys without re-normalising.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  SEARCH_TYPES,
  type SearchHit,
  type SearchQueryInput,
  type SearchType,
} from '../../../../shared/api/search.contract';
import { addDays } from '../../../../shared/dates/jalali';
import { cleanDisplayText } from '../../../../shared/text/persian';
import type { Database } from '../db/tables';
import { parseQuery, planSearch, typeToken, type MetaFilter } from './search.parse';
import {
  dateBounds,
  loadHitRows,
  countAbove,
  matchingDocIds,
  newestDocId,
  RECENT_BLOCK,
  rankedQuery,
  recentSplit,
  recentWordsQuery,
  type FtsTable,
} from './search.repository';
import { highlightAll, snippetOf } from './search.text';

type Db = Kysely<Database> | Transaction<Database>;

export interface SearchAnswer {
  items: SearchHit[];
  hasMore: boolean;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The fewest meta tokens that cover the days `from..to`: whole years, then whole months,
 * then single days at the edges (a Jalali year is about 45 tokens).
 */
export function dateTokens(from: string, to: string): string[] {
  const tokens: string[] = [];
  let current = from;
  while (current <= to) {
    const [ys, ms, ds] = current.split('-') as [string, string, string];
    const year = Number(ys);
    const month = Number(ms);
    const monthEnd = `${ys}-${ms}-${String(lastDayOfMonth(year, month)).padStart(2, '0')}`;
    if (ms === '01' && ds === '01' && `${ys}-12-31` <= to) {
      tokens.push(`y${ys}`);
      current = `${String(year + 1).padStart(4, '0')}-01-01`;
    } else if (ds === '01' && monthEnd <= to) {
      tokens.push(`m${ys}${ms}`);
      current = addDays(monthEnd, 1);
    } else {
      tokens.push(`d${ys}${ms}${ds}`);
      current = addDays(current, 1);
    }
  }
  return tokens;
}

/** The meta filter of a query, or null when the date range holds no record at all. */
async function metaFilterOf(db: Db, input: SearchQueryInput): Promise<MetaFilter | null> {
  const types = input.types ? [...new Set(input.types)].map(typeToken) : null;
  const from = input.filters?.from;
  const to = input.filters?.to;
  if (!from && !to) return { types, dates: null };
  const bounds = await dateBounds(db);
  if (!bounds.min || !bounds.max) return null;
  const first = from && from > bounds.min ? from : bounds.min;
  const last = to && to < bounds.max ? to : bounds.max;
  if (first > last) return null;
  return { types, dates: dateTokens(first, last) };
}

/** Hits among the newest records from which a word counts as found almost everywhere. */
export const COMMON_HITS = 200;

/**
 * Word-index doc ids best first, up to `need`. bm25 weighs each word of a query by how few
 * records of the index hold it (its IDF), and FTS5 counts those records afresh for every
 * ranked statement: asked of the whole word index, a word found in most records makes every
 * such statement read most of the index, so its cost grows with the office.
 *
 * The newest RECENT_BLOCK records (and fewer than RECENT_STEP more) are therefore also
 * indexed on their own (`search_recent`, kept in step by search.repository.ts), and a query
 * is first ranked there, as if those records were the whole index: a word's weight is how few
 * of the newest records hold it, and a record's length is weighed against theirs.
 * When they hold at least COMMON_HITS matches, the word is found almost everywhere: these
 * come first, in that order, and older records after them, ranked in the whole index.
 * Otherwise (the usual case) all matches are ranked together in the whole index, exactly as
 * if there were no tiers; the first ranking was of fewer than COMMON_HITS records of a small
 * index. A desk with no more than a block of records has all of them in the newest records'
 * index, and its ranking there is the whole index's. The choice depends on the index only, so
 * every page agrees with the next.
 */
export async function wordDocIds(
  db: Db,
  match: string,
  need: number,
  common = COMMON_HITS,
): Promise<number[]> {
  const split = await recentSplit(db);
  const recent = await matchingDocIds(db, rankedQuery('search_recent', match, Math.max(need, common)));
  if (recent.length < common && split > 0)
    return matchingDocIds(db, rankedQuery('search_words', match, need));
  if (recent.length >= need || split === 0) return recent.slice(0, need);
  const older = await matchingDocIds(
    db,
    rankedQuery('search_words', match, need - recent.length, { atMost: split }),
  );
  return [...recent, ...older];
}

/**
 * Trigram-index doc ids best first, up to `need`, tiered as the word index's are but within
 * the one trigram index: when the records above `newest - block` hold at least `common`
 * matches, those are ranked first (bm25 still weighing words over the whole trigram index)
 * and older records after them; otherwise all matches are ranked together. The trigram index
 * is asked only when the word index has fewer hits than the page needs.
 */
export async function rankedDocIds(
  db: Db,
  table: FtsTable,
  match: string,
  need: number,
  newest: number,
  tiers = { block: RECENT_BLOCK, common: COMMON_HITS },
): Promise<number[]> {
  const split = newest - tiers.block;
  if (split <= 0) return matchingDocIds(db, rankedQuery(table, match, need));
  if (!(await holdsAtLeast(db, table, match, split, tiers.common))) {
    return matchingDocIds(db, rankedQuery(table, match, need));
  }
  const recent = await matchingDocIds(
    db,
    rankedQuery(table, match, Math.max(need, tiers.common), { above: split }),
  );
  if (recent.length >= need) return recent.slice(0, need);
  const older = await matchingDocIds(db, rankedQuery(table, match, need - recent.length, { atMost: split }));
  return [...recent, ...older];
}

/**
 * Whether the records above `split` hold at least `common` matches, counted rather than
 * ranked (a ranked statement weighs every word over the whole index). Asked first with every
 * prefix read as a whole word (a subset of the matches that needs no merging of every word
 * a prefix starts; enough for a common word), then as typed. Only a query without NOT is
 * narrowed so: narrowing an excluded prefix would widen the answer.
 */
async function holdsAtLeast(db: Db, table: FtsTable, match: string, split: number, common: number) {
  const wholeWords = match.includes(' NOT ') ? match : match.replace(/"\*/g, '"');
  if (wholeWords !== match && (await countAbove(db, table, wholeWords, split, common)) >= common) return true;
  return (await countAbove(db, table, match, split, common)) >= common;
}

function isSearchType(type: string): type is SearchType {
  return (SEARCH_TYPES as readonly string[]).includes(type);
}

/** Runs one search; see the contract of search.query. */
export async function runSearch(db: Db, input: SearchQueryInput): Promise<SearchAnswer> {
  const none: SearchAnswer = { items: [], hasMore: false };
  const query = parseQuery(input.text);
  const filter = await metaFilterOf(db, input);
  if (!filter) return none;
  const plan = planSearch(query, filter);
  if (!plan) return none;

  const need = input.offset + input.limit + 1;
  let docIds: number[];
  if (plan.short) {
    docIds = await matchingDocIds(db, recentWordsQuery(plan.words, need));
  } else {
    docIds = await wordDocIds(db, plan.words, need);
    if (docIds.length < need && plan.grams) {
      // Trigram-only hits (compounds written apart, parts of words) follow the word hits.
      const seen = new Set(docIds);
      const newest = await newestDocId(db);
      for (const docId of await rankedDocIds(db, 'search_grams', plan.grams, need, newest)) {
        if (docIds.length >= need) break;
        if (!seen.has(docId)) docIds.push(docId);
      }
    }
  }
  const pageIds = docIds.slice(input.offset, input.offset + input.limit);
  const byId = new Map((await loadHitRows(db, pageIds)).map((r) => [r.doc_id, r]));
  const rows = pageIds.map((docId) => byId.get(docId)).filter((r) => r !== undefined);
  const hasMore = docIds.length > input.offset + input.limit;

  const items: SearchHit[] = [];
  for (const row of rows) {
    if (!isSearchType(row.type)) continue;
    items.push({
      type: row.type,
      id: row.entity_id,
      title: cleanDisplayText(row.title),
      titleSegments: highlightAll(row.title, row.title_keys, plan.needles),
      snippet: snippetOf(row.body, row.body_keys, plan.needles),
      date: row.date,
    });
  }
  return { items, hasMore };
}
