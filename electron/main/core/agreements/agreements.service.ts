/**
 * Agreements as the rest of the program sees them: rows mapped to domain objects, the
 * whole agreement loaded for its page, and `loadAgreementForDocument` for the Word export.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  Agreement,
  AgreementClause,
  AgreementKind,
  AgreementParty,
  AgreementSnapshot,
  AgreementSummary,
  AgreementTransition,
  TermCalendar,
} from '../../../../shared/api/agreements.contract';
import type { LanguageCode, LanguageTexts } from '../../../../shared/agreements/languages';
import {
  allowedTransitions,
  effectiveStatus,
  isClosed,
  isTextEditable,
  statusName,
  type AgreementStatus,
} from '../../../../shared/agreements/workflow';
import { todayIso } from '../../../../shared/dates/jalali';
import type { Database } from '../db/tables';
import { DeskError, notFound } from '../errors';
import { listClauses } from './agreement-clauses.repository';
import { findVersion } from './agreement-versions.repository';
import {
  clauseCounts,
  findAgreement,
  listParties,
  listTransitions,
  type PartyWithNames,
} from './agreements.repository';
import type { AgreementClauseRow, AgreementRow, AgreementTransitionRow } from './agreements.table';

type Db = Kysely<Database> | Transaction<Database>;

/** Reads a stored JSON object of texts, keeping only the given languages (all when omitted). */
export function parseTexts(json: string, languages?: readonly LanguageCode[]): LanguageTexts {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out: LanguageTexts = {};
  const keys = languages ?? (Object.keys(raw) as LanguageCode[]);
  for (const language of keys) {
    const value = raw[language];
    if (typeof value === 'string') out[language] = value;
    else if (languages) out[language] = '';
  }
  return out;
}

/** Texts in the given languages, in that order, for storage. */
export function storeTexts(texts: LanguageTexts, languages: readonly LanguageCode[]): string {
  return JSON.stringify(Object.fromEntries(languages.map((l) => [l, texts[l] ?? ''])));
}

export function languagesOf(row: Pick<AgreementRow, 'languages'>): LanguageCode[] {
  return JSON.parse(row.languages) as LanguageCode[];
}

export function toParty(row: PartyWithNames): AgreementParty {
  return {
    partnerId: row.partner_id,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    nameNative: row.name_native,
    own: row.is_own === 1,
    signatoryName: row.signatory_name,
    signatoryPosition: row.signatory_position,
  };
}

export function toClause(row: AgreementClauseRow, languages: readonly LanguageCode[]): AgreementClause {
  return {
    clauseKey: row.clause_key,
    position: row.position,
    texts: parseTexts(row.texts, languages),
    libraryClauseId: row.library_clause_id,
    updatedAt: row.updated_at,
  };
}

function toTransition(row: AgreementTransitionRow): AgreementTransition {
  return {
    fromStatus: row.from_status as AgreementStatus | null,
    toStatus: row.to_status as AgreementStatus,
    actor: row.actor,
    at: row.at,
    note: row.note,
  };
}

/** The status the user sees today. */
export function statusOf(row: Pick<AgreementRow, 'status' | 'expiry_date'>, today: string): AgreementStatus {
  return effectiveStatus(row.status as AgreementStatus, row.expiry_date, today);
}

export function toSummary(
  row: AgreementRow,
  parties: AgreementParty[],
  clauseCount: number,
  today: string,
): AgreementSummary {
  return {
    id: row.id,
    kind: row.kind as AgreementKind,
    title: row.title,
    status: statusOf(row, today),
    languages: languagesOf(row),
    parties,
    signedPlace: row.signed_place,
    signedDate: row.signed_date,
    effectiveDate: row.effective_date,
    termStart: row.effective_date ?? row.signed_date,
    termYears: row.term_years,
    termCalendar: row.term_calendar as TermCalendar,
    renewalNoticeMonths: row.renewal_notice_months,
    expiryDate: row.expiry_date,
    reminderDate: row.reminder_date,
    relationshipId: row.relationship_id,
    caseId: row.case_id,
    clauseCount,
    latestVersion: row.latest_version === 0 ? null : row.latest_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Summaries of these rows, with their parties and clause counts read in two queries. */
export async function summariesOf(db: Db, rows: AgreementRow[], today: string): Promise<AgreementSummary[]> {
  const ids = rows.map((r) => r.id);
  const [parties, counts] = await Promise.all([listParties(db, ids), clauseCounts(db, ids)]);
  const partiesOf = new Map<string, AgreementParty[]>();
  for (const p of parties) {
    const list = partiesOf.get(p.agreement_id) ?? [];
    list.push(toParty(p));
    partiesOf.set(p.agreement_id, list);
  }
  return rows.map((row) => toSummary(row, partiesOf.get(row.id) ?? [], counts.get(row.id) ?? 0, today));
}

export async function requireAgreement(db: Db, id: string): Promise<AgreementRow> {
  const row = await findAgreement(db, id);
  if (!row) throw notFound('Agreement', id);
  return row;
}

/** The whole agreement as its page shows it. */
export async function loadAgreement(db: Db, id: string, today: string): Promise<Agreement> {
  const row = await requireAgreement(db, id);
  const languages = languagesOf(row);
  const [clauseRows, transitions, [summary]] = await Promise.all([
    listClauses(db, id),
    listTransitions(db, id),
    summariesOf(db, [row], today),
  ]);
  const status = summary!.status;
  return {
    ...summary!,
    preamble: parseTexts(row.preamble, languages),
    clauses: clauseRows.map((c) => toClause(c, languages)),
    nextStatuses: [...allowedTransitions(status)],
    textEditable: isTextEditable(status),
    transitions: transitions.map(toTransition),
  };
}

/** Refuses any change to an agreement that is expired or terminated (as seen today). */
export function requireOpen(row: AgreementRow, today: string): AgreementStatus {
  const status = statusOf(row, today);
  if (isClosed(status)) {
    throw new DeskError('CONFLICT', `The agreement is ${statusName(status)}; it can no longer be changed.`);
  }
  return status;
}

/** Refuses a change to the text unless the agreement is a draft. */
export function requireTextEditable(row: AgreementRow, today: string): void {
  const status = requireOpen(row, today);
  if (!isTextEditable(status)) {
    throw new DeskError(
      'CONFLICT',
      `The text of an agreement in ${statusName(status)} cannot change; send it back to draft first.`,
    );
  }
}

/** Everything the MoU export needs to print one agreement. */
export interface AgreementDocument extends AgreementSnapshot {
  id: string;
  status: AgreementStatus;
  /** The first day of the term (effective date, else signing date). */
  termStart: string | null;
  /** The version printed, or null for the working draft. */
  version: number | null;
  /** The newest saved version, or null before the first. */
  latestVersion: number | null;
}

/**
 * The full agreement for a Word document: parties with their names, languages in column
 * order, preamble, clauses in order, signature blocks, place and date of signing, term and
 * status. With `version`, the frozen text of that saved version (names as they were when
 * it was saved); without, the working draft. `today` decides the computed expiry; pass
 * todayIso(ctx.now) from a handler. Throws NOT_FOUND for an unknown agreement or version.
 */
export async function loadAgreementForDocument(
  db: Db,
  id: string,
  version?: number | null,
  today: string = todayIso(new Date()),
): Promise<AgreementDocument> {
  const row = await requireAgreement(db, id);
  const latestVersion = row.latest_version === 0 ? null : row.latest_version;
  if (version !== undefined && version !== null) {
    const saved = await findVersion(db, id, version);
    if (!saved) throw notFound('Version', `${version} of agreement ${id}`);
    const snapshot = JSON.parse(saved.snapshot) as AgreementSnapshot;
    return {
      ...snapshot,
      id,
      status: saved.status as AgreementStatus,
      termStart: snapshot.effectiveDate ?? snapshot.signedDate,
      version,
      latestVersion,
    };
  }
  const agreement = await loadAgreement(db, id, today);
  return {
    id,
    kind: agreement.kind,
    title: agreement.title,
    languages: agreement.languages,
    preamble: agreement.preamble,
    clauses: agreement.clauses.map((c) => ({ clauseKey: c.clauseKey, position: c.position, texts: c.texts })),
    parties: agreement.parties,
    signedPlace: agreement.signedPlace,
    signedDate: agreement.signedDate,
    effectiveDate: agreement.effectiveDate,
    termYears: agreement.termYears,
    termCalendar: agreement.termCalendar,
    renewalNoticeMonths: agreement.renewalNoticeMonths,
    expiryDate: agreement.expiryDate,
    reminderDate: agreement.reminderDate,
    status: agreement.status,
    termStart: agreement.termStart,
    version: null,
    latestVersion,
  };
}
