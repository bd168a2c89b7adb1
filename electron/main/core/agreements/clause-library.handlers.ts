/**
 * The clause library: the office's reusable clauses (objectives, dispute settlement,
 * amendment, duration and termination, languages of the text…) with text per language and
 * tags. Inserting one into a draft copies its text; the library clause may change later
 * without touching any agreement.
 */
import type { LibraryClause } from '../../../../shared/api/agreements.contract';
import type { LanguageCode, LanguageTexts } from '../../../../shared/agreements/languages';
import { cleanDisplayText } from '../../../../shared/text/persian';
import { textFilterKey } from '../db/text-filter';
import { sortKey } from '../../../../shared/text/sort-key';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { cleanAnyTexts, cleanTitle } from './agreement-rules';
import type { ClauseLibraryRow } from './agreements.table';
import { parseTexts } from './agreements.service';
import {
  deleteLibraryClause,
  findLibraryClause,
  insertLibraryClause,
  listLibrary,
  replaceTags,
  tagsOf,
  updateLibraryClause,
} from './clause-library.repository';

type Db = Kysely<Database> | Transaction<Database>;

function toLibraryClause(row: ClauseLibraryRow, tags: string[]): LibraryClause {
  const texts = parseTexts(row.texts);
  return {
    id: row.id,
    title: row.title,
    texts,
    languages: Object.keys(texts) as LanguageCode[],
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function loadLibraryClause(db: Db, id: string): Promise<LibraryClause> {
  const row = await findLibraryClause(db, id);
  if (!row) throw notFound('Library clause', id);
  return toLibraryClause(row, (await tagsOf(db, [id])).get(id) ?? []);
}

/** Tags as stored: cleaned, trimmed, each once. */
function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => cleanDisplayText(t).trim()).filter((t) => t !== ''))];
}

/** The stored columns computed from title and texts. */
function columnsOf(title: string, texts: LanguageTexts) {
  const languages = Object.keys(texts);
  if (languages.length === 0) throw invalid('write the clause in at least one language', ['texts']);
  return {
    title,
    texts: JSON.stringify(texts),
    languages: `,${languages.join(',')},`,
    search_key: textFilterKey([title, ...Object.values(texts)]),
    sort_key: sortKey(title),
  };
}

export const clauseLibraryHandlers = defineHandlers({
  'clauseLibrary.list': async (ctx, input) => {
    const { rows, total } = await listLibrary(ctx.tx, {
      ...input,
      tag: input.tag !== undefined ? cleanDisplayText(input.tag).trim() : undefined,
    });
    const tags = await tagsOf(
      ctx.tx,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toLibraryClause(r, tags.get(r.id) ?? [])), total };
  },

  'clauseLibrary.create': async (ctx, input) => {
    const title = cleanTitle(input.title, ['title']);
    const texts = cleanAnyTexts(input.texts);
    const id = newId();
    await insertLibraryClause(ctx.tx, {
      id,
      ...columnsOf(title, texts),
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    await replaceTags(ctx.tx, id, cleanTags(input.tags));
    const created = await loadLibraryClause(ctx.tx, id);
    return {
      value: created,
      audit: { entity: 'clause_library', entityId: id, before: null, after: created },
    };
  },

  'clauseLibrary.update': async (ctx, input) => {
    const before = await loadLibraryClause(ctx.tx, input.id);
    const title = input.title !== undefined ? cleanTitle(input.title, ['title']) : before.title;
    const texts = input.texts !== undefined ? cleanAnyTexts(input.texts) : before.texts;
    await updateLibraryClause(ctx.tx, input.id, { ...columnsOf(title, texts), updated_at: ctx.nowIso });
    if (input.tags !== undefined) await replaceTags(ctx.tx, input.id, cleanTags(input.tags));
    const after = await loadLibraryClause(ctx.tx, input.id);
    return { value: after, audit: { entity: 'clause_library', entityId: input.id, before, after } };
  },

  'clauseLibrary.remove': async (ctx, input) => {
    const before = await loadLibraryClause(ctx.tx, input.id);
    await deleteLibraryClause(ctx.tx, input.id);
    return {
      value: { id: input.id },
      audit: { entity: 'clause_library', entityId: input.id, before, after: null },
    };
  },
});
