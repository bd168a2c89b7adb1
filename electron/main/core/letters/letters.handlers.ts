import { LETTER_LIMITS } from '../../../../shared/api/letters.contract';
import { searchKey } from '../../../../shared/text/persian';
import { notFound } from '../errors';
import { defineHandlers } from '../registrar';
import { referencesAmong } from './letter-links.repository';
import { findLetterRows, listLetterRows, threadLetterIds } from './letters.repository';
import { loadLetter, toLetterSummaries } from './letters.read';
import { closeLetter, createLetter, referLetter, reopenLetter, updateLetter } from './letters.service';
import type { LetterRow } from './letters.table';

/** Date order, then register order, so letters of one day read as they were registered. */
function byDateThenNumber(a: LetterRow, b: LetterRow): number {
  if (a.letter_date !== b.letter_date) return a.letter_date < b.letter_date ? -1 : 1;
  if (a.registered_at !== b.registered_at) return a.registered_at < b.registered_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const lettersHandlers = defineHandlers({
  'letters.create': (ctx, input) => createLetter(ctx, input),
  'letters.update': (ctx, input) => updateLetter(ctx, input),
  'letters.refer': (ctx, input) => referLetter(ctx, input),
  'letters.close': (ctx, input) => closeLetter(ctx, input),
  'letters.reopen': (ctx, input) => reopenLetter(ctx, input.id),

  'letters.get': async (ctx, input) => {
    const letter = await loadLetter(ctx.tx, input.id);
    if (!letter) throw notFound('Letter', input.id);
    return letter;
  },

  'letters.list': async (ctx, input) => {
    const { sort, limit, offset, text, ...filter } = input;
    const { rows, total } = await listLetterRows(
      ctx.tx,
      { ...filter, textKey: text !== undefined ? searchKey(text) : undefined },
      sort,
      limit,
      offset,
    );
    return { items: await toLetterSummaries(ctx.tx, rows), total };
  },

  'letters.thread': async (ctx, input) => {
    const ids = await threadLetterIds(ctx.tx, input.id, LETTER_LIMITS.threadLetters);
    const rows = (await findLetterRows(ctx.tx, ids)).sort(byDateThenNumber);
    if (!rows.some((r) => r.id === input.id)) throw notFound('Letter', input.id);
    const links = await referencesAmong(
      ctx.tx,
      rows.map((r) => r.id),
    );
    return {
      letters: await toLetterSummaries(ctx.tx, rows),
      links: links.map((l) => ({
        fromId: l.letter_id,
        toId: l.target_id,
        kind: l.kind as 'follows' | 'refers',
      })),
    };
  },
});
