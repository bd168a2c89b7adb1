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
  rankedQuery,
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

/** The newest records ranked on their own first, for words found almost everywhere. */
export const RECENT_BLOCK = 8192;
/** Hits among the newest records from which a word counts as found almost everywhere. */
export const COMMON_HITS = 200;

/**
 * Doc ids best first, up to `need`. bm25 must score every matching record before FTS5 can
 * answer the best few, so a word found in most of 100,000 letters costs tens of
 * milliseconds. When the newest RECENT_BLOCK records alone hold COMMON_HITS matches, those
 * are ranked first and older records after them; otherwise (the usual case) all matches are
 * ranked together. The choice depends on the index only, so every page agrees with the next.
 *
 * The choice is made by counting, not ranking: each ranked statement makes FTS5 count every
 * record that holds each word of the query (bm25's IDF) across the whole index, which costs
 * more than the ranking of a few hundred hits itself, so a word that turns out not to be
 * common is ranked once, not twice.
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
 * Whether the records above `split` hold at least `common` matches. Asked first with every
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
    const newest = await newestDocId(db);
    docIds = await rankedDocIds(db, 'search_words', plan.words, need, newest);
    if (docIds.length < need && plan.grams) {
      // Trigram-only hits (compounds written apart, parts of words) follow the word hits.
      const seen = new Set(docIds);
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
