/**
 * The correspondence register as stored. Letters keep their parties as columns (partner,
 * contact or free text per side); everything a letter has many of lives in its own table.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface LettersTable {
  id: string;
  direction: string;
  secretariat: string;
  jalali_year: number;
  seq: number;
  /** The register number formatted from the pattern, ASCII digits. */
  number: string;
  registered_at: string;
  letter_date: string;
  sender_number: string | null;
  sender_date: string | null;
  from_partner_id: string | null;
  from_contact_id: string | null;
  from_text: string | null;
  to_partner_id: string | null;
  to_contact_id: string | null;
  to_text: string | null;
  subject: string;
  language: string;
  classification: string;
  urgency: string;
  channel: string | null;
  attachments_count: number;
  needs_reply: number;
  follow_up_date: string | null;
  /** Computed (see letter-state.ts) and kept current in the transaction that changes it. */
  state: string;
  closed_at: string | null;
  close_note: string | null;
  case_id: string | null;
  relationship_id: string | null;
  current_referral_id: string | null;
  /** The current referral's user, kept beside the referral id so the list filter has an index. */
  referred_to_user_id: string | null;
  /** searchKey() of subject, number and sender's number, for the list's text filter. */
  search_key: string;
  created_at: string;
  updated_at: string;
}

/** The body or summary of a letter, kept out of the register rows that lists scan. */
export interface LetterBodiesTable {
  letter_id: string;
  body: string;
}

/** `letter_id` follows (پیرو) or refers to (عطف) the earlier letter `target_id`. */
export interface LetterReferencesTable {
  letter_id: string;
  target_id: string;
  kind: string;
  position: number;
}

export interface LetterCopiesTable {
  id: string;
  letter_id: string;
  position: number;
  partner_id: string | null;
  contact_id: string | null;
  text: string | null;
  purpose: string;
}

export interface LetterReferralsTable {
  id: string;
  letter_id: string;
  to_user_id: string;
  instruction: string | null;
  due_date: string | null;
  referred_by: string;
  referred_at: string;
}

export interface LetterPartnersTable {
  letter_id: string;
  partner_id: string;
  /** 1 when a user linked the partner; 0 when it is linked only as sender or addressee. */
  explicit: number;
}

/**
 * How many letters have each direction, state, classification and urgency together, kept by
 * triggers on `letters` (migration 2026-11-27-18-letter-counts) for the register's totals.
 */
export interface LetterCountsTable {
  direction: string;
  state: string;
  classification: string;
  urgency: string;
  n: number;
}

/**
 * How many letters of each month of letter dates (the date's first seven characters, YYYY-MM)
 * have each direction, state, classification and urgency together, kept by triggers on
 * `letters` (migration 2026-11-28-23-letter-month-counts) for the totals of date ranges.
 */
export interface LetterMonthCountsTable {
  month: string;
  direction: string;
  state: string;
  classification: string;
  urgency: string;
  n: number;
}

/**
 * Each letter–partner link with its letter's date, in a partner's list order, kept by
 * triggers (migration 2026-11-28-24-letter-partner-dates).
 */
export interface LetterPartnerDatesTable {
  partner_id: string;
  letter_date: string;
  letter_id: string;
}

/**
 * The earliest and latest letter date among the letters whose rowid divided by 256 is
 * `block`, kept by triggers on `letters` (migration 2026-11-28-25-letter-date-blocks); the
 * bounds only widen, so they hold every letter of the block. Read by letter-date-blocks.ts.
 */
export interface LetterDateBlocksTable {
  block: number;
  min_date: string;
  max_date: string;
}

/** How many letters each partner is linked to, kept by triggers on `letter_partners`. */
export interface LetterPartnerCountsTable {
  partner_id: string;
  n: number;
}

/** The last register number given per secretariat and Jalali year. */
export interface RegisterCountersTable {
  secretariat: string;
  jalali_year: number;
  last_seq: number;
}

export type LetterRow = Selectable<LettersTable>;
export type InsertableLetterRow = Insertable<LettersTable>;
export type UpdateableLetterRow = Updateable<LettersTable>;
export type LetterReferenceRow = Selectable<LetterReferencesTable>;
export type LetterCopyRow = Selectable<LetterCopiesTable>;
export type InsertableLetterCopyRow = Insertable<LetterCopiesTable>;
export type LetterReferralRow = Selectable<LetterReferralsTable>;
export type InsertableLetterReferralRow = Insertable<LetterReferralsTable>;
