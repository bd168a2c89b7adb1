/**
 * Keeps the search index in step with the records each call touched, in the same
 * transaction. Domains describe their searchable text through a SearchSource; the index
 * itself (FTS5 tables) belongs to this folder.
 */
import type { Kysely, Transaction } from 'kysely';
import { SEARCH_TYPES } from '../../../../shared/api/search.contract';
import type { Touched } from '../context';
import type { Database } from '../db/tables';
import { insertNewSearchDocuments, writeSearchDocuments } from './search.repository';

/** One record as the search index sees it: display text, normalised here before indexing. */
export interface SearchDocument {
  type: string;
  id: string;
  title: string;
  /** Everything else that should be found, in display form (as typed). */
  body: string;
  /** The record's calendar date (YYYY-MM-DD) or null. */
  date: string | null;
}

/** How one kind of record is read for the index. */
export interface SearchSource {
  type: string;
  /** Loads the documents for these ids; an id with no document is removed from the index. */
  load(tx: Transaction<Database> | Kysely<Database>, ids: readonly string[]): Promise<SearchDocument[]>;
  /** Every id of this kind, in pages, for a full reindex. */
  allIds(
    db: Kysely<Database> | Transaction<Database>,
    afterId: string | null,
    limit: number,
  ): Promise<string[]>;
}

export type IndexWriter = (
  tx: Transaction<Database>,
  type: string,
  ids: readonly string[],
  docs: SearchDocument[],
) => Promise<void>;

/** The index itself: FTS5 rows rewritten (or removed) in the caller's transaction. */
export const ftsIndexWriter: IndexWriter = async (tx, type, ids, docs) => {
  await writeSearchDocuments(tx, type, ids, docs);
};

/**
 * Writes the index of records this transaction just created, from documents the caller built
 * out of what it wrote (nothing is read back). A record already in the index is refused by
 * the index's unique key, so this is only for new records.
 */
export async function indexNewRecords(
  tx: Transaction<Database>,
  type: string,
  docs: readonly SearchDocument[],
): Promise<void> {
  await insertNewSearchDocuments(tx, type, docs);
}

/**
 * Builds the function the registrar calls before each commit: every touched record is
 * re-read through its source and written to the index (or removed when it is gone).
 * A source of a kind the search contract does not name stops the desk from opening.
 */
export function createIndexer(sources: readonly SearchSource[], write: IndexWriter = ftsIndexWriter) {
  const byType = new Map<string, SearchSource>();
  for (const source of sources) {
    if (byType.has(source.type)) throw new Error(`search source ${source.type} registered twice`);
    if (!(SEARCH_TYPES as readonly string[]).includes(source.type)) {
      throw new Error(`search source ${source.type} is not a kind in SEARCH_TYPES (search.contract.ts)`);
    }
    byType.set(source.type, source);
  }
  return async function indexTouched(tx: Transaction<Database>, touched: Touched): Promise<void> {
    for (const [type, idSet] of touched) {
      const source = byType.get(type);
      if (!source) throw new Error(`no search source for ${type}`);
      const ids = [...idSet];
      await write(tx, type, ids, await source.load(tx, ids));
    }
  };
}
