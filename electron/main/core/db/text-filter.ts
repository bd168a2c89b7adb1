/**
 * The Persian-aware text filter of list methods: a LIKE over a `search_key` column kept on
 * write. The stored key holds the normalised text twice — as words and with the spaces
 * removed — so خواهرخوانده, خواهر خوانده and خواهر‌خوانده all find each other, and ي/ى/ك,
 * harakat and digit scripts never stand between a query and a record. Ranked full-text
 * search is the search module's; this is the filter box above a list.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { searchKey } from '../../../../shared/text/persian';

/** The key to store for a record made of these texts (nulls skipped). */
export function textFilterKey(parts: readonly (string | null | undefined)[]): string {
  const words = searchKey(parts.filter((p): p is string => Boolean(p)).join(' '));
  return words === '' ? '' : `${words} | ${words.replace(/ /g, '')}`;
}

/** LIKE metacharacters escaped with a backslash (the ESCAPE character below). */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A condition that every word of `query` occurs in one of `columns` (search_key columns,
 * e.g. `partners.search_key`); null when the query has no words, so the caller adds no filter.
 */
export function textMatches(
  columns: string | readonly string[],
  query: string | undefined,
): Expression<SqlBool> | null {
  if (query === undefined) return null;
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const refs = (typeof columns === 'string' ? [columns] : columns).map((c) => sql.ref(c));
  const wordMatches = (word: string) =>
    sql`(${sql.join(
      refs.map((ref) => sql`${ref} like ${likePattern(word)} escape '\\'`),
      sql` or `,
    )})`;
  return sql<SqlBool>`(${sql.join(words.map(wordMatches), sql` and `)})`;
}
