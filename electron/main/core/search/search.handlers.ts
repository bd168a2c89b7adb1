import { defineHandlers } from '../registrar';
import type { SearchSource } from './search.indexer';
import { reindex } from './search.reindex';
import { runSearch } from './search.service';

/** The search methods; reindex reads every record through the desk's search sources. */
export function searchHandlers(sources: readonly SearchSource[]) {
  return defineHandlers({
    'search.query': (ctx, input) => runSearch(ctx.tx, input),
    'search.reindex': (ctx) => reindex(ctx, sources),
  });
}
