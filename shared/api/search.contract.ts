/**
 * One search box over everything, Persian-aware: every spelling of a word (Arabic ي and ك,
 * harakat, tatweel, with or without the half-space, any digit script) finds the same
 * records, ranked across kinds of record, with the matched words marked in the text as it
 * was typed.
 */
import { z } from 'zod';
import { method } from './define';
import { empty, id, isoDate, text } from './schema';

/** The kinds of record the search index holds. */
export const SEARCH_TYPES = [
  'partner',
  'contact',
  'relationship',
  'case',
  'letter',
  'attachment',
  'agreement',
  'event',
  'programme_item',
  'delegation_member',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_LIMITS = {
  /** Characters of one query. */
  query: 500,
  /** Words (and quoted phrases) of one query, counting excluded ones. */
  terms: 24,
  /** Hits of one page. */
  page: 200,
  /** How deep paging goes. */
  offset: 10_000,
} as const;

/** A piece of a title or snippet; `match` marks the words the query found. */
export const searchSegment = z.object({ text: z.string(), match: z.boolean() });
export type SearchSegment = z.infer<typeof searchSegment>;

export const searchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id,
  /** The record's title as typed. */
  title: z.string(),
  /** The same title in segments, with the matched words marked. */
  titleSegments: z.array(searchSegment),
  /** A passage of the record's text around the matches, as typed, matches marked. */
  snippet: z.array(searchSegment),
  /** The record's calendar date (YYYY-MM-DD), if it has one. */
  date: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchQueryInput = z.strictObject({
  /**
   * Words are found in any form and as the start of longer words; "quoted phrases" are
   * found as written; a word or phrase after a minus sign (-word) excludes records holding it.
   */
  text: text(SEARCH_LIMITS.query),
  /** Only these kinds of record (all when absent). */
  types: z.array(z.enum(SEARCH_TYPES)).min(1).max(SEARCH_TYPES.length).optional(),
  filters: z
    .strictObject({
      /** Records dated on or after this day; records without a date are left out. */
      from: isoDate.optional(),
      /** Records dated on or before this day. */
      to: isoDate.optional(),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, {
      message: 'the first day comes after the last',
      path: ['to'],
    })
    .optional(),
  limit: z.number().int().min(1).max(SEARCH_LIMITS.page).default(50),
  offset: z.number().int().min(0).max(SEARCH_LIMITS.offset).default(0),
});
export type SearchQueryInput = z.output<typeof searchQueryInput>;

export const searchContract = {
  'search.query': method({
    kind: 'query',
    input: searchQueryInput,
    output: z.object({ items: z.array(searchHit), hasMore: z.boolean() }),
    doc: 'Finds records of every kind by their text, best matches first, with the matched words marked.',
  }),
  'search.reindex': method({
    kind: 'task',
    input: empty,
    output: z.object({
      indexed: z.number().int(),
      removed: z.number().int(),
      cancelled: z.boolean(),
    }),
    doc: 'Rebuilds the search index from every record, reporting progress (after an import or a restore).',
  }),
} as const;
