/**
 * Agreements as stored. Texts in several languages are JSON objects keyed by ISO 639-1
 * code; they are read and written whole, never filtered in SQL.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface AgreementsTable {
  id: string;
  /** AGREEMENT_KINDS. */
  kind: string;
  title: string;
  /** AGREEMENT_STATUSES, as last recorded (see effectiveStatus for what the user sees). */
  status: string;
  /** JSON array of language codes, in column order. */
  languages: string;
  signed_place: string | null;
  signed_date: string | null;
  /** As entered; null means the term starts on the signing date. */
  effective_date: string | null;
  term_years: number | null;
  /** TERM_CALENDARS: the calendar the term is counted in. */
  term_calendar: string;
  renewal_notice_months: number | null;
  /** Computed by termDates() on every change. */
  expiry_date: string | null;
  reminder_date: string | null;
  relationship_id: string | null;
  case_id: string | null;
  /** The number of the newest saved version; 0 before the first. */
  latest_version: number;
  /** searchKey() of the title and the preamble, for the list's text filter. */
  search_key: string;
  /** sortKey() of the title. */
  sort_key: string;
  created_at: string;
  updated_at: string;
  /** JSON object: language code → text. */
  preamble: string;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  partner_id: string;
  /** 0 for our own unit, then 1… for the partners in the order given. */
  position: number;
  is_own: number;
  signatory_name: string | null;
  signatory_position: string | null;
}

export interface AgreementClausesTable {
  /** The clause's identity for life (UUID), kept across edits, moves and versions. */
  clause_key: string;
  agreement_id: string;
  /** 1-based, dense, unique within the agreement. */
  position: number;
  library_clause_id: string | null;
  created_at: string;
  updated_at: string;
  /** JSON object: language code → text, exactly the agreement's languages. */
  texts: string;
}

export interface AgreementVersionsTable {
  id: string;
  agreement_id: string;
  number: number;
  /** The workstation login of who saved it. */
  author: string;
  note: string | null;
  /** The recorded status when it was saved. */
  status: string;
  /** JSON array of { language, complete, missing }. */
  completeness: string;
  clause_count: number;
  created_at: string;
  /** JSON of AgreementSnapshot. */
  snapshot: string;
}

export interface AgreementTransitionsTable {
  id: string;
  agreement_id: string;
  /** Null for the creation of the agreement (it starts as a draft). */
  from_status: string | null;
  to_status: string;
  /** The workstation login, or 'system' for an expiry recorded by date. */
  actor: string;
  at: string;
  note: string | null;
}

export interface ClauseLibraryTable {
  id: string;
  title: string;
  /** JSON object: language code → text, any languages; blank texts are not stored. */
  texts: string;
  /** The languages it has text in, between commas: ",fa,en,". */
  languages: string;
  search_key: string;
  sort_key: string;
  created_at: string;
  updated_at: string;
}

export interface ClauseLibraryTagsTable {
  clause_id: string;
  tag: string;
}

export type AgreementRow = Selectable<AgreementsTable>;
export type InsertableAgreementRow = Insertable<AgreementsTable>;
export type UpdateableAgreementRow = Updateable<AgreementsTable>;
export type AgreementPartyRow = Selectable<AgreementPartiesTable>;
export type AgreementClauseRow = Selectable<AgreementClausesTable>;
export type InsertableAgreementClauseRow = Insertable<AgreementClausesTable>;
export type AgreementVersionRow = Selectable<AgreementVersionsTable>;
export type AgreementTransitionRow = Selectable<AgreementTransitionsTable>;
export type ClauseLibraryRow = Selectable<ClauseLibraryTable>;
export type InsertableClauseLibraryRow = Insertable<ClauseLibraryTable>;
export type UpdateableClauseLibraryRow = Updateable<ClauseLibraryTable>;
