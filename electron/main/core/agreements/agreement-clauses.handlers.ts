/**
 * The clauses of a draft: add, change, move, remove, and insert from the clause library.
 * Each answers every clause in its new order, so the page redraws from one answer.
 */
import type { Transaction } from 'kysely';
import type { AgreementClause, ClauseChange } from '../../../../shared/api/agreements.contract';
import { AGREEMENT_LIMITS } from '../../../../shared/api/agreements.contract';
import type { LanguageCode, LanguageTexts } from '../../../../shared/agreements/languages';
import { todayIso } from '../../../../shared/dates/jalali';
import type { MutationContext } from '../context';
import type { Database } from '../db/tables';
import { conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import {
  deleteClause,
  findClause,
  insertParkedClause,
  listClauses,
  updateClauseTexts,
  writeOrder,
} from './agreement-clauses.repository';
import { cleanTexts } from './agreement-rules';
import { updateAgreement } from './agreements.repository';
import type { AgreementRow } from './agreements.table';
import {
  languagesOf,
  parseTexts,
  requireAgreement,
  requireTextEditable,
  storeTexts,
  toClause,
} from './agreements.service';
import { findLibraryClause } from './clause-library.repository';

/** The draft being edited: it must exist and be a draft. */
async function editableDraft(ctx: MutationContext, agreementId: string): Promise<AgreementRow> {
  const row = await requireAgreement(ctx.tx, agreementId);
  requireTextEditable(row, todayIso(ctx.now));
  return row;
}

async function requireClause(ctx: MutationContext, agreementId: string, clauseKey: string) {
  const clause = await findClause(ctx.tx, agreementId, clauseKey);
  if (!clause) throw notFound('Clause', clauseKey);
  return clause;
}

/** Marks the agreement changed (list order, search index) and answers its clauses. */
async function finish(
  ctx: MutationContext,
  row: AgreementRow,
  clauseKey: string,
): Promise<{ change: ClauseChange; byKey: Map<string, AgreementClause> }> {
  await updateAgreement(ctx.tx, row.id, { updated_at: ctx.nowIso });
  ctx.touch('agreement', row.id);
  const languages = languagesOf(row);
  const clauses = (await listClauses(ctx.tx, row.id)).map((c) => toClause(c, languages));
  return {
    change: { agreementId: row.id, clauseKey, clauses },
    byKey: new Map(clauses.map((c) => [c.clauseKey, c])),
  };
}

/** Inserts a new clause at a 1-based place (the end when omitted). */
async function insertClause(
  tx: Transaction<Database>,
  row: AgreementRow,
  texts: LanguageTexts,
  position: number | undefined,
  libraryClauseId: string | null,
  nowIso: string,
): Promise<string> {
  const existing = (await listClauses(tx, row.id)).map((c) => c.clause_key);
  if (existing.length >= AGREEMENT_LIMITS.clauses) {
    throw invalid(`an agreement holds at most ${AGREEMENT_LIMITS.clauses} clauses`, []);
  }
  const at = position ?? existing.length + 1;
  if (at > existing.length + 1) {
    throw invalid(`there are ${existing.length} clauses; choose a place from 1 to ${existing.length + 1}`, [
      'position',
    ]);
  }
  const clauseKey = newId();
  await insertParkedClause(tx, {
    clause_key: clauseKey,
    agreement_id: row.id,
    library_clause_id: libraryClauseId,
    created_at: nowIso,
    updated_at: nowIso,
    texts: storeTexts(texts, languagesOf(row)),
  });
  await writeOrder(tx, row.id, [...existing.slice(0, at - 1), clauseKey, ...existing.slice(at - 1)]);
  return clauseKey;
}

export const agreementClauseHandlers = defineHandlers({
  'agreements.clauses.add': async (ctx, input) => {
    const row = await editableDraft(ctx, input.agreementId);
    const texts = cleanTexts(input.texts, languagesOf(row), ['texts']);
    const clauseKey = await insertClause(ctx.tx, row, texts, input.position, null, ctx.nowIso);
    const { change, byKey } = await finish(ctx, row, clauseKey);
    return {
      value: change,
      audit: { entity: 'agreement', entityId: row.id, before: null, after: { clause: byKey.get(clauseKey) } },
    };
  },

  'agreements.clauses.update': async (ctx, input) => {
    const row = await editableDraft(ctx, input.agreementId);
    const languages = languagesOf(row);
    const old = await requireClause(ctx, row.id, input.clauseKey);
    const texts = cleanTexts(input.texts, languages, ['texts']);
    await updateClauseTexts(ctx.tx, old.clause_key, storeTexts(texts, languages), ctx.nowIso);
    const { change, byKey } = await finish(ctx, row, old.clause_key);
    return {
      value: change,
      audit: {
        entity: 'agreement',
        entityId: row.id,
        before: { clause: toClause(old, languages) },
        after: { clause: byKey.get(old.clause_key) },
      },
    };
  },

  'agreements.clauses.move': async (ctx, input) => {
    const row = await editableDraft(ctx, input.agreementId);
    const clause = await requireClause(ctx, row.id, input.clauseKey);
    const keys = (await listClauses(ctx.tx, row.id)).map((c) => c.clause_key);
    if (input.toPosition > keys.length) {
      throw invalid(`there are ${keys.length} clauses; choose a place from 1 to ${keys.length}`, [
        'toPosition',
      ]);
    }
    const rest = keys.filter((k) => k !== clause.clause_key);
    rest.splice(input.toPosition - 1, 0, clause.clause_key);
    await writeOrder(ctx.tx, row.id, rest);
    const { change } = await finish(ctx, row, clause.clause_key);
    return {
      value: change,
      audit: {
        entity: 'agreement',
        entityId: row.id,
        before: { clauseKey: clause.clause_key, position: clause.position },
        after: { clauseKey: clause.clause_key, position: input.toPosition },
      },
    };
  },

  'agreements.clauses.remove': async (ctx, input) => {
    const row = await editableDraft(ctx, input.agreementId);
    const old = await requireClause(ctx, row.id, input.clauseKey);
    await deleteClause(ctx.tx, old.clause_key);
    const keys = (await listClauses(ctx.tx, row.id)).map((c) => c.clause_key);
    await writeOrder(ctx.tx, row.id, keys);
    const { change } = await finish(ctx, row, old.clause_key);
    return {
      value: change,
      audit: {
        entity: 'agreement',
        entityId: row.id,
        before: { clause: toClause(old, languagesOf(row)) },
        after: null,
      },
    };
  },

  'agreements.clauses.insertFromLibrary': async (ctx, input) => {
    const row = await editableDraft(ctx, input.agreementId);
    const languages = languagesOf(row);
    const source = await findLibraryClause(ctx.tx, input.libraryClauseId);
    if (!source) throw notFound('Library clause', input.libraryClauseId);
    const libraryTexts = parseTexts(source.texts);
    const texts = Object.fromEntries(
      languages.map((l: LanguageCode) => [l, libraryTexts[l] ?? '']),
    ) as LanguageTexts;
    if (languages.every((l) => (texts[l] ?? '').trim() === '')) {
      const has = Object.keys(libraryTexts).join(', ');
      throw conflict(
        `The library clause is written in ${has}; this agreement is in ${languages.join(', ')}. Add a translation to the library clause first.`,
      );
    }
    const clauseKey = await insertClause(ctx.tx, row, texts, input.position, source.id, ctx.nowIso);
    const { change, byKey } = await finish(ctx, row, clauseKey);
    return {
      value: change,
      audit: { entity: 'agreement', entityId: row.id, before: null, after: { clause: byKey.get(clauseKey) } },
    };
  },
});
