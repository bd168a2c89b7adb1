/**
 * The agreement itself: create, change, read, list, the status workflow and the recorded
 * expiry. Clauses, versions and the library have handler files of their own beside this.
 */
import type { LanguageTexts } from '../../../../shared/agreements/languages';
import type { TermInput } from '../../../../shared/agreements/term';
import { isTextEditable, transitionProblem } from '../../../../shared/agreements/workflow';
import { todayIso } from '../../../../shared/dates/jalali';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { DeskError, conflict } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { agreementClauseHandlers } from './agreement-clauses.handlers';
import { listClauses, updateClauseTextsMany } from './agreement-clauses.repository';
import {
  checkLinks,
  checkParties,
  checkTerm,
  cleanOptional,
  cleanTexts,
  cleanTitle,
  derivedColumns,
  emptyTexts,
  rekeyTexts,
} from './agreement-rules';
import { agreementVersionHandlers } from './agreement-versions.handlers';
import {
  dueForExpiry,
  insertAgreement,
  insertTransition,
  listAgreements,
  listParties,
  replaceParties,
  updateAgreement,
  type PartyInput,
} from './agreements.repository';
import {
  languagesOf,
  loadAgreement,
  parseTexts,
  requireAgreement,
  requireOpen,
  statusOf,
  storeTexts,
  summariesOf,
} from './agreements.service';

/** Records one status change with who and when. */
async function recordTransition(
  tx: Transaction<Database>,
  agreementId: string,
  from: string | null,
  to: string,
  actor: string,
  at: string,
  note: string | null,
): Promise<void> {
  await insertTransition(tx, {
    id: newId(),
    agreement_id: agreementId,
    from_status: from,
    to_status: to,
    actor,
    at,
    note,
  });
}

const sameParties = (a: readonly PartyInput[], b: readonly PartyInput[]) =>
  a.length === b.length && a.every((p, i) => p.partnerId === b[i]!.partnerId && p.own === b[i]!.own);

export const agreementsHandlers = defineHandlers({
  'agreements.create': async (ctx, input) => {
    const today = todayIso(ctx.now);
    const languages = input.languages;
    const title = cleanTitle(input.title, ['title']);
    const preamble = input.preamble
      ? cleanTexts(input.preamble, languages, ['preamble'])
      : emptyTexts(languages);
    const parties = await checkParties(ctx.tx, input.ownUnit, input.partners);
    const relationshipId = input.relationshipId ?? null;
    const caseId = input.caseId ?? null;
    await checkLinks(ctx.tx, relationshipId, caseId, parties);
    const term: TermInput = {
      signedDate: input.signedDate ?? null,
      effectiveDate: input.effectiveDate ?? null,
      termYears: input.termYears ?? null,
      termCalendar: input.termCalendar ?? 'jalali',
      renewalNoticeMonths: input.renewalNoticeMonths ?? null,
    };
    checkTerm(term);

    const id = newId();
    await insertAgreement(ctx.tx, {
      id,
      kind: input.kind,
      title,
      status: 'draft',
      languages: JSON.stringify(languages),
      signed_place: cleanOptional(input.signedPlace),
      signed_date: term.signedDate,
      effective_date: term.effectiveDate,
      term_years: term.termYears,
      term_calendar: term.termCalendar,
      renewal_notice_months: term.renewalNoticeMonths,
      relationship_id: relationshipId,
      case_id: caseId,
      latest_version: 0,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
      preamble: storeTexts(preamble, languages),
      ...derivedColumns(title, preamble, term),
    });
    await replaceParties(ctx.tx, id, parties);
    await recordTransition(ctx.tx, id, null, 'draft', ctx.actor, ctx.nowIso, null);
    ctx.touch('agreement', id);
    const created = await loadAgreement(ctx.tx, id, today);
    return { value: created, audit: { entity: 'agreement', entityId: id, before: null, after: created } };
  },

  'agreements.update': async (ctx, input) => {
    const today = todayIso(ctx.now);
    const row = await requireAgreement(ctx.tx, input.id);
    const status = requireOpen(row, today);
    const before = await loadAgreement(ctx.tx, input.id, today);

    const oldLanguages = languagesOf(row);
    const languages = input.languages ?? oldLanguages;
    const languagesChanged = languages.join() !== oldLanguages.join();
    const title = input.title !== undefined ? cleanTitle(input.title, ['title']) : row.title;
    const kind = input.kind ?? row.kind;
    const oldPreamble = parseTexts(row.preamble, oldLanguages);
    const preamble: LanguageTexts = input.preamble
      ? cleanTexts(input.preamble, languages, ['preamble'])
      : rekeyTexts(oldPreamble, languages);

    const oldParties: PartyInput[] = (await listParties(ctx.tx, [row.id])).map((p) => ({
      partnerId: p.partner_id,
      own: p.is_own === 1,
      signatoryName: p.signatory_name,
      signatoryPosition: p.signatory_position,
    }));
    const ownOld = oldParties.find((p) => p.own)!;
    const parties =
      input.ownUnit !== undefined || input.partners !== undefined
        ? await checkParties(
            ctx.tx,
            input.ownUnit ?? ownOld,
            input.partners ?? oldParties.filter((p) => !p.own),
          )
        : oldParties;

    // Who the parties are belongs to the text; their signatories may be filled in at signing.
    const textChanged =
      kind !== row.kind ||
      title !== row.title ||
      languagesChanged ||
      JSON.stringify(preamble) !== JSON.stringify(oldPreamble) ||
      !sameParties(parties, oldParties);
    if (textChanged && !isTextEditable(status)) {
      throw conflict(
        'The title, languages, preamble and parties change only in draft; send the agreement back to draft first.',
      );
    }

    const relationshipId = input.relationshipId !== undefined ? input.relationshipId : row.relationship_id;
    const caseId = input.caseId !== undefined ? input.caseId : row.case_id;
    await checkLinks(ctx.tx, relationshipId, caseId, parties);
    const term: TermInput = {
      signedDate: input.signedDate !== undefined ? input.signedDate : row.signed_date,
      effectiveDate: input.effectiveDate !== undefined ? input.effectiveDate : row.effective_date,
      termYears: input.termYears !== undefined ? input.termYears : row.term_years,
      termCalendar: input.termCalendar ?? (row.term_calendar as TermInput['termCalendar']),
      renewalNoticeMonths:
        input.renewalNoticeMonths !== undefined ? input.renewalNoticeMonths : row.renewal_notice_months,
    };
    checkTerm(term);
    if (term.signedDate === null && ['signed', 'in_force'].includes(status)) {
      throw conflict('A signed agreement keeps its date of signing; correct it instead of removing it.');
    }

    await updateAgreement(ctx.tx, row.id, {
      kind,
      title,
      languages: JSON.stringify(languages),
      preamble: storeTexts(preamble, languages),
      signed_place: input.signedPlace !== undefined ? cleanOptional(input.signedPlace) : row.signed_place,
      signed_date: term.signedDate,
      effective_date: term.effectiveDate,
      term_years: term.termYears,
      term_calendar: term.termCalendar,
      renewal_notice_months: term.renewalNoticeMonths,
      relationship_id: relationshipId,
      case_id: caseId,
      updated_at: ctx.nowIso,
      ...derivedColumns(title, preamble, term),
    });
    await replaceParties(ctx.tx, row.id, parties);
    if (languagesChanged) {
      const clauses = await listClauses(ctx.tx, row.id);
      await updateClauseTextsMany(
        ctx.tx,
        clauses.map((c) => ({
          clauseKey: c.clause_key,
          texts: storeTexts(rekeyTexts(parseTexts(c.texts, oldLanguages), languages), languages),
        })),
        ctx.nowIso,
      );
    }
    ctx.touch('agreement', row.id);
    const after = await loadAgreement(ctx.tx, row.id, today);
    // The clauses are in the audit row only when a change of languages rewrote them.
    const auditView = (a: typeof after) => (languagesChanged ? a : { ...a, clauses: undefined });
    return {
      value: after,
      audit: { entity: 'agreement', entityId: row.id, before: auditView(before), after: auditView(after) },
    };
  },

  'agreements.get': async (ctx, input) => loadAgreement(ctx.tx, input.id, todayIso(ctx.now)),

  'agreements.list': async (ctx, input) => {
    const today = todayIso(ctx.now);
    const { rows, total } = await listAgreements(ctx.tx, { ...input, today });
    return { items: await summariesOf(ctx.tx, rows, today), total };
  },

  'agreements.transition': async (ctx, input) => {
    const today = todayIso(ctx.now);
    const row = await requireAgreement(ctx.tx, input.id);
    // The status as the user sees it: an agreement past its expiry is expired, and stays so.
    const from = statusOf(row, today);
    const problem = transitionProblem(from, input.to, { signedDate: row.signed_date });
    if (problem !== null) throw new DeskError('CONFLICT', problem);
    const note = cleanOptional(input.note);
    await updateAgreement(ctx.tx, row.id, { status: input.to, updated_at: ctx.nowIso });
    await recordTransition(ctx.tx, row.id, from, input.to, ctx.actor, ctx.nowIso, note);
    ctx.touch('agreement', row.id);
    const after = await loadAgreement(ctx.tx, row.id, today);
    return {
      value: after,
      audit: {
        entity: 'agreement',
        entityId: row.id,
        before: { status: from },
        after: { status: after.status, note },
      },
    };
  },

  'agreements.expireDue': async (ctx) => {
    const today = todayIso(ctx.now);
    const due = await dueForExpiry(ctx.tx, today);
    for (const row of due) {
      await updateAgreement(ctx.tx, row.id, { status: 'expired', updated_at: ctx.nowIso });
      await recordTransition(
        ctx.tx,
        row.id,
        'in_force',
        'expired',
        'system',
        ctx.nowIso,
        `The term ended on ${row.expiry_date!}.`,
      );
      ctx.touch('agreement', row.id);
    }
    const expired = due.map((r) => ({ id: r.id, title: r.title, expiryDate: r.expiry_date! }));
    return {
      value: { asOf: today, expired },
      audit: {
        entity: 'agreement',
        // One row for the whole run; each agreement's own history has its transition.
        entityId: null,
        before: due.length === 0 ? null : { status: 'in_force', ids: due.map((r) => r.id) },
        after: { status: 'expired', asOf: today, ids: due.map((r) => r.id) },
      },
    };
  },

  ...agreementClauseHandlers,
  ...agreementVersionHandlers,
});
