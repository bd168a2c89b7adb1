/**
 * search.reindex: every record of every source is read again and rewritten, a page per
 * transaction, stamped with a new generation; then rows the pass did not write (records
 * deleted meanwhile, kinds no longer indexed) are checked against their source and swept.
 * Search keeps answering from the old rows while the pass runs. Last, the trigram index of
 * the letters' search keys and the date bounds of the letters' rowid blocks (the register's
 * text filter) are rebuilt from the letters.
 */
import type { TaskContext, TaskDone } from '../context';
import { rebuildLetterDateBlocks } from '../letters/letter-date-blocks';
import { rebuildLetterKeyGrams } from './letter-key-grams';
import type { SearchSource } from './search.indexer';
import {
  nextGeneration,
  optimizeIndexes,
  removeSearchRows,
  staleRows,
  writeSearchDocuments,
} from './search.repository';

export const REINDEX_PAGE = 500;

export interface ReindexResult {
  indexed: number;
  removed: number;
  cancelled: boolean;
}

export async function reindex(
  ctx: TaskContext,
  sources: readonly SearchSource[],
): Promise<TaskDone<ReindexResult>> {
  const result: ReindexResult = { indexed: 0, removed: 0, cancelled: false };
  const done = (): TaskDone<ReindexResult> => ({
    value: result,
    audit: { entity: 'search', entityId: null, before: null, after: { ...result } },
  });

  ctx.progress('counting', 0, sources.length);
  const idsByType = new Map<string, string[]>();
  for (const source of sources) {
    const ids: string[] = [];
    for (let after: string | null = null; ;) {
      const page = await source.allIds(ctx.db, after, REINDEX_PAGE * 4);
      ids.push(...page);
      if (page.length === 0) break;
      after = page[page.length - 1]!;
    }
    idsByType.set(source.type, ids);
    ctx.progress('counting', idsByType.size, sources.length);
  }

  const generation = await nextGeneration(ctx.db);
  const total = [...idsByType.values()].reduce((n, ids) => n + ids.length, 0);
  let processed = 0;
  ctx.progress('indexing', 0, total);
  for (const source of sources) {
    const ids = idsByType.get(source.type)!;
    for (let i = 0; i < ids.length; i += REINDEX_PAGE) {
      if (ctx.cancelled) {
        result.cancelled = true;
        return done();
      }
      const page = ids.slice(i, i + REINDEX_PAGE);
      const counts = await ctx.transaction(async (tx) =>
        writeSearchDocuments(tx, source.type, page, await source.load(tx, page), { generation }),
      );
      result.indexed += counts.written;
      result.removed += counts.removed;
      processed += page.length;
      ctx.progress('indexing', processed, total);
    }
  }

  const byType = new Map(sources.map((s) => [s.type, s]));
  ctx.progress('cleaning', 0, 1);
  for (;;) {
    if (ctx.cancelled) {
      result.cancelled = true;
      return done();
    }
    const swept = await ctx.transaction(async (tx) => {
      const stale = await staleRows(tx, generation, REINDEX_PAGE);
      const orphans: number[] = [];
      const idsOf = new Map<string, string[]>();
      for (const row of stale) {
        if (!byType.has(row.type)) orphans.push(row.doc_id);
        else idsOf.set(row.type, [...(idsOf.get(row.type) ?? []), row.entity_id]);
      }
      await removeSearchRows(tx, orphans);
      result.removed += orphans.length;
      for (const [type, ids] of idsOf) {
        const source = byType.get(type)!;
        const counts = await writeSearchDocuments(tx, type, ids, await source.load(tx, ids), { generation });
        result.indexed += counts.written;
        result.removed += counts.removed;
      }
      return stale.length;
    });
    if (swept < REINDEX_PAGE) break;
  }
  ctx.progress('cleaning', 1, 1);

  ctx.progress('optimizing', 0, 1);
  await ctx.transaction(async (tx) => {
    await rebuildLetterKeyGrams(tx);
    await rebuildLetterDateBlocks(tx);
  });
  await ctx.transaction((tx) => optimizeIndexes(tx));
  ctx.progress('optimizing', 1, 1);
  return done();
}
