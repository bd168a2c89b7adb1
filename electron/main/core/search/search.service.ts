/**
 * search.query: the word index answers first, ranked by bm25 inside FTS5 with the LIMIT
 * inside the same statement that reads the page's rows; the trigram index is asked only when
 * the word index has fewer hits than the page needs (compounds written apart, parts of
 * words). Titles and snippets are marked from the stored keys, without re-normalising.
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
  matchingDocIds,
  rankedGramsQuery,
  rankedWordsQuery,
  wordHitsPage,
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

  // The usual case: the word index fills the page (one more row tells whether more follow).
  const page = (
    await wordHitsPage(plan.words, plan.short ? 'recent' : 'rank', input.limit + 1, input.offset).execute(db)
  ).rows;
  let rows = page.slice(0, input.limit);
  let hasMore = page.length > input.limit;
  if (!hasMore && plan.grams) {
    // The word hits end on this page: trigram-only hits (compounds written apart, parts of
    // words) follow them, in their own rank order.
    const wanted = input.offset + input.limit + 1;
    const docIds =
      input.offset === 0
        ? page.map((r) => r.doc_id)
        : await matchingDocIds(db, rankedWordsQuery(plan.words, wanted));
    const seen = new Set(docIds);
    for (const docId of await matchingDocIds(db, rankedGramsQuery(plan.grams, wanted))) {
      if (docIds.length >= wanted) break;
      if (!seen.has(docId)) docIds.push(docId);
    }
    const pageIds = docIds.slice(input.offset, input.offset + input.limit);
    const known = new Map(page.map((r) => [r.doc_id, r]));
    for (const row of await loadHitRows(
      db,
      pageIds.filter((docId) => !known.has(docId)),
    ))
      known.set(row.doc_id, row);
    rows = pageIds.map((docId) => known.get(docId)).filter((r) => r !== undefined);
    hasMore = docIds.length > input.offset + input.limit;
  }

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
