/**
 * The search index as Kysely sees it: one row per indexed record, with its display text as
 * typed (for titles and snippets). The two FTS5 tables beside it (`search_words`,
 * `search_grams`) share its `doc_id` as their rowid and are written with raw SQL in
 * search.repository.ts only.
 */
import type { Generated, Selectable } from 'kysely';

export interface SearchDocsTable {
  doc_id: Generated<number>;
  type: string;
  entity_id: string;
  title: string;
  body: string;
  date: string | null;
  /** The reindex pass that last wrote this row; rows of older passes are checked and swept. */
  generation: number;
}

export type SearchDocRow = Selectable<SearchDocsTable>;
