/**
 * Rows to domain letters. A page of letters is mapped with one query per linked table
 * (names, referrals, references, copies, partners), never one query per letter.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  Letter,
  LetterChannel,
  LetterCopy,
  LetterCopyPurpose,
  LetterDirection,
  LetterLinked,
  LetterNamed,
  LetterParty,
  LetterReferenceKind,
  LetterReferral,
  LetterState,
  LetterSummary,
} from '../../../../shared/api/letters.contract';
import type { Database } from '../db/tables';
import type { KnownNames } from './letter-checks';
import {
  copiesOf,
  pageNames,
  partnersOf,
  referencesFrom,
  referencesTo,
  referralsOf,
  type CopyInput,
  type LinkedLetterRow,
  type NameRow,
  type ReferableLetterRow,
  type ReferralWithUser,
} from './letter-links.repository';
import { findLetter, findLetterBody } from './letters.repository';
import type { LetterRow } from './letters.table';

type Db = Kysely<Database> | Transaction<Database>;

type Names = Map<string, LetterNamed>;

function namesById(rows: readonly NameRow[]): Names {
  return new Map(rows.map((r) => [r.id, { id: r.id, nameFa: r.name_fa, nameEn: r.name_en }]));
}

/**
 * The names of the partners and contacts these rows mention, and these referrals, one query
 * in all.
 */
async function loadNames(
  db: Db,
  partnerIds: Iterable<string | null>,
  contactIds: Iterable<string | null>,
  referralIds: Iterable<string | null> = [],
): Promise<{ partners: Names; contacts: Names; referrals: Map<string, LetterReferral> }> {
  const some = (ids: Iterable<string | null>) => {
    const set = new Set<string>();
    for (const id of ids) if (id) set.add(id);
    return [...set];
  };
  const names = await pageNames(db, some(partnerIds), some(contactIds), some(referralIds));
  return {
    partners: namesById(names.partners),
    contacts: namesById(names.contacts),
    referrals: new Map(names.referrals.map((r) => [r.id, toReferral(r)])),
  };
}

function party(
  names: { partners: Names; contacts: Names },
  partnerId: string | null,
  contactId: string | null,
  text: string | null,
): LetterParty {
  return {
    partner: partnerId ? (names.partners.get(partnerId) ?? null) : null,
    contact: contactId ? (names.contacts.get(contactId) ?? null) : null,
    text,
  };
}

function toReferral(r: ReferralWithUser): LetterReferral {
  return {
    id: r.id,
    toUserId: r.to_user_id,
    toUserName: r.to_user_name,
    toUserNameEn: r.to_user_name_en,
    instruction: r.instruction,
    dueDate: r.due_date,
    referredBy: r.referred_by,
    referredAt: r.referred_at,
  };
}

function summaryOf(
  row: LetterRow,
  names: { partners: Names; contacts: Names },
  currentReferral: LetterReferral | null,
): LetterSummary {
  return {
    id: row.id,
    direction: row.direction as LetterDirection,
    secretariat: row.secretariat,
    jalaliYear: row.jalali_year,
    seq: row.seq,
    number: row.number,
    registeredAt: row.registered_at,
    letterDate: row.letter_date,
    senderNumber: row.sender_number,
    senderDate: row.sender_date,
    from: party(names, row.from_partner_id, row.from_contact_id, row.from_text),
    to: party(names, row.to_partner_id, row.to_contact_id, row.to_text),
    subject: row.subject,
    language: row.language,
    classification: row.classification,
    urgency: row.urgency,
    channel: row.channel as LetterChannel | null,
    attachmentsCount: row.attachments_count,
    needsReply: row.needs_reply === 1,
    followUpDate: row.follow_up_date,
    state: row.state as LetterState,
    closedAt: row.closed_at,
    caseId: row.case_id,
    relationshipId: row.relationship_id,
    currentReferral,
  };
}

/** Maps list rows to summaries, keeping their order. */
export async function toLetterSummaries(db: Db, rows: readonly LetterRow[]): Promise<LetterSummary[]> {
  if (rows.length === 0) return [];
  const names = await loadNames(
    db,
    rows.flatMap((r) => [r.from_partner_id, r.to_partner_id]),
    rows.flatMap((r) => [r.from_contact_id, r.to_contact_id]),
    rows.map((r) => r.current_referral_id),
  );
  return rows.map((row) =>
    summaryOf(
      row,
      names,
      row.current_referral_id ? (names.referrals.get(row.current_referral_id) ?? null) : null,
    ),
  );
}

function linked(r: LinkedLetterRow): LetterLinked {
  return {
    letterId: r.other_id,
    kind: r.kind as LetterReferenceKind,
    direction: r.other_direction as LetterDirection,
    number: r.other_number,
    letterDate: r.other_letter_date,
    subject: r.other_subject,
  };
}

/** One letter with everything it links to, or undefined when there is no such letter. */
export async function loadLetter(db: Db, id: string): Promise<Letter | undefined> {
  const row = await findLetter(db, id);
  if (!row) return undefined;
  const copies = await copiesOf(db, [id]);
  const names = await loadNames(
    db,
    [row.from_partner_id, row.to_partner_id, ...copies.map((c) => c.partner_id)],
    [row.from_contact_id, row.to_contact_id, ...copies.map((c) => c.contact_id)],
  );
  const referrals = (await referralsOf(db, [id])).map(toReferral);
  const current = referrals.find((r) => r.id === row.current_referral_id) ?? null;
  return {
    ...summaryOf(row, names, current),
    body: await findLetterBody(db, id),
    closeNote: row.close_note,
    references: (await referencesFrom(db, [id])).map(linked),
    referencedBy: (await referencesTo(db, [id])).map(linked),
    copies: copies.map((c): LetterCopy => ({
      ...party(names, c.partner_id, c.contact_id, c.text),
      purpose: c.purpose as LetterCopyPurpose,
    })),
    partnerIds: (await partnersOf(db, [id])).map((p) => p.partner_id),
    referrals,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What createLetter wrote for a new letter, enough to answer it without reading it back. */
export interface NewLetterParts {
  row: LetterRow;
  body: string | null;
  /** The names of every partner and contact the letter mentions (from resolveLinks). */
  names: KnownNames;
  references: readonly { target: ReferableLetterRow; kind: string }[];
  copies: readonly CopyInput[];
  /** Every partner linked to the letter, explicit or as a side. */
  partnerIds: Iterable<string>;
}

/**
 * A letter registered in this transaction, as loadLetter would read it: nothing references
 * it yet and it has no referrals, so everything it holds is what was just written.
 */
export function newLetter(parts: NewLetterParts): Letter {
  const { row } = parts;
  const pick = (rows: Map<string, NameRow>, ids: (string | null)[]): Names =>
    namesById(ids.flatMap((id) => (id !== null && rows.has(id) ? [rows.get(id)!] : [])));
  const names = {
    partners: pick(parts.names.partners, [
      row.from_partner_id,
      row.to_partner_id,
      ...parts.copies.map((c) => c.partnerId),
    ]),
    contacts: pick(parts.names.contacts, [
      row.from_contact_id,
      row.to_contact_id,
      ...parts.copies.map((c) => c.contactId),
    ]),
  };
  return {
    ...summaryOf(row, names, null),
    body: parts.body,
    closeNote: row.close_note,
    references: parts.references.map(({ target, kind }) => ({
      letterId: target.id,
      kind: kind as LetterReferenceKind,
      direction: target.direction as LetterDirection,
      number: target.number,
      letterDate: target.letter_date,
      subject: target.subject,
    })),
    referencedBy: [],
    copies: parts.copies.map((c): LetterCopy => ({
      ...party(names, c.partnerId, c.contactId, c.text),
      purpose: c.purpose as LetterCopyPurpose,
    })),
    // In the order partnersOf reads them (by id; ids are ASCII, so code-unit order is byte order).
    partnerIds: [...new Set(parts.partnerIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    referrals: [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
