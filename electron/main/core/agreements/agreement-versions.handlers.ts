/**
 * Versions: a saved version freezes the text and the signing details with its author and
 * note, for good (the table refuses updates and deletes). Compare reads two of them, or a
 * version and the working draft, clause by clause per language.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type {
  Agreement,
  AgreementSnapshot,
  AgreementVersionSummary,
} from '../../../../shared/api/agreements.contract';
import { compareTexts } from '../../../../shared/agreements/clause-diff';
import { completenessOf, type LanguageCompleteness } from '../../../../shared/agreements/languages';
import type { AgreementStatus } from '../../../../shared/agreements/workflow';
import { todayIso } from '../../../../shared/dates/jalali';
import { canonicalJson } from '../audit/canonical-json';
import type { Database } from '../db/tables';
import { notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { cleanOptional } from './agreement-rules';
import { findVersion, insertVersion, listVersions } from './agreement-versions.repository';
import { updateAgreement } from './agreements.repository';
import type { AgreementVersionRow } from './agreements.table';
import { loadAgreement, requireAgreement } from './agreements.service';

type Db = Kysely<Database> | Transaction<Database>;

/** What a version freezes of the agreement. */
export function snapshotOf(a: Agreement): AgreementSnapshot {
  return {
    kind: a.kind,
    title: a.title,
    languages: a.languages,
    preamble: a.preamble,
    clauses: a.clauses.map((c) => ({ clauseKey: c.clauseKey, position: c.position, texts: c.texts })),
    parties: a.parties,
    signedPlace: a.signedPlace,
    signedDate: a.signedDate,
    effectiveDate: a.effectiveDate,
    termYears: a.termYears,
    termCalendar: a.termCalendar,
    renewalNoticeMonths: a.renewalNoticeMonths,
    expiryDate: a.expiryDate,
    reminderDate: a.reminderDate,
  };
}

function toVersionSummary(row: Omit<AgreementVersionRow, 'snapshot'>): AgreementVersionSummary {
  return {
    agreementId: row.agreement_id,
    number: row.number,
    author: row.author,
    note: row.note,
    status: row.status as AgreementStatus,
    completeness: JSON.parse(row.completeness) as LanguageCompleteness[],
    clauseCount: row.clause_count,
    createdAt: row.created_at,
  };
}

async function requireVersion(db: Db, agreementId: string, number: number): Promise<AgreementVersionRow> {
  const row = await findVersion(db, agreementId, number);
  if (!row) throw notFound('Version', `${number} of agreement ${agreementId}`);
  return row;
}

export const agreementVersionHandlers = defineHandlers({
  'agreements.saveVersion': async (ctx, input) => {
    const row = await requireAgreement(ctx.tx, input.id);
    const current = await loadAgreement(ctx.tx, row.id, todayIso(ctx.now));
    const snapshot = snapshotOf(current);
    const number = row.latest_version + 1;
    const version: AgreementVersionRow = {
      id: newId(),
      agreement_id: row.id,
      number,
      author: ctx.actor,
      note: cleanOptional(input.note),
      status: current.status,
      completeness: JSON.stringify(completenessOf(snapshot.languages, snapshot.preamble, snapshot.clauses)),
      clause_count: snapshot.clauses.length,
      created_at: ctx.nowIso,
      snapshot: JSON.stringify(snapshot),
    };
    await insertVersion(ctx.tx, version);
    await updateAgreement(ctx.tx, row.id, { latest_version: number, updated_at: ctx.nowIso });
    ctx.touch('agreement', row.id);
    const summary = toVersionSummary(version);
    // The hash ties the audit trail to the frozen text: a snapshot edited behind the
    // triggers' back no longer matches its audit row.
    const snapshotSha256 = createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
    return {
      value: summary,
      audit: {
        entity: 'agreement',
        entityId: row.id,
        before: null,
        after: { version: summary, snapshotSha256 },
      },
    };
  },

  'agreements.versions': async (ctx, input) => {
    await requireAgreement(ctx.tx, input.id);
    return (await listVersions(ctx.tx, input.id)).map(toVersionSummary);
  },

  'agreements.version': async (ctx, input) => {
    await requireAgreement(ctx.tx, input.id);
    const row = await requireVersion(ctx.tx, input.id, input.number);
    return { ...toVersionSummary(row), snapshot: JSON.parse(row.snapshot) as AgreementSnapshot };
  },

  'agreements.compare': async (ctx, input) => {
    await requireAgreement(ctx.tx, input.id);
    const from = JSON.parse(
      (await requireVersion(ctx.tx, input.id, input.from)).snapshot,
    ) as AgreementSnapshot;
    const to =
      input.to !== undefined
        ? (JSON.parse((await requireVersion(ctx.tx, input.id, input.to)).snapshot) as AgreementSnapshot)
        : snapshotOf(await loadAgreement(ctx.tx, input.id, todayIso(ctx.now)));
    return { agreementId: input.id, from: input.from, to: input.to ?? null, ...compareTexts(from, to) };
  },
});
