/**
 * The checks a letter passes before anything is written: display text cleaned, the office's
 * classification and urgency lists, dates that fit together, linked records that exist,
 * references without a cycle.
 */
import type { Transaction } from 'kysely';
import { cleanDisplayText, searchKey } from '../../../../shared/text/persian';
import type { Database } from '../db/tables';
import { invalid, notFound } from '../errors';
import {
  existingIds,
  pageNames,
  referableLetters,
  type CopyInput,
  type NameRow,
  type ReferableLetterRow,
} from './letter-links.repository';
import { lettersReachableFrom } from './letters.repository';

export interface PartyInput {
  partnerId?: string | null | undefined;
  contactId?: string | null | undefined;
  text?: string | null | undefined;
}

export interface Party {
  partnerId: string | null;
  contactId: string | null;
  text: string | null;
}

/** Display text as typed, without bidi overrides or controls; blank becomes null. */
export function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const cleaned = cleanDisplayText(s).trim();
  return cleaned === '' ? null : cleaned;
}

export function cleanSubject(subject: string): string {
  const cleaned = clean(subject);
  if (cleaned === null) throw invalid('The subject is empty.', ['subject']);
  return cleaned;
}

export function letterSearchKey(subject: string, number: string, senderNumber: string | null): string {
  return searchKey([subject, number, senderNumber ?? ''].join(' '));
}

/** The value must be one of the office's configured list (classifications or urgencies). */
export function oneOf(value: string, allowed: readonly string[], field: string, what: string): string {
  const trimmed = value.trim();
  if (!allowed.includes(trimmed)) {
    throw invalid(`“${trimmed}” is not one of the office’s ${what}: ${allowed.join('، ')}.`, [field]);
  }
  return trimmed;
}

/** A contact's name with the partner it works at. */
export type ContactNameRow = NameRow & { partner_id: string | null };

/**
 * Names of partners and contacts already read in this transaction. An import that registers
 * thousands of letters from a few partners passes one along, so each name is read once; it
 * must not outlive the transaction (a partner could be renamed or removed after it).
 */
export interface KnownNames {
  partners: Map<string, NameRow>;
  contacts: Map<string, ContactNameRow>;
}

export function knownNames(): KnownNames {
  return { partners: new Map(), contacts: new Map() };
}

/** Reads the names not known yet into `known`; an id that does not exist stays out. */
async function readNames(
  tx: Transaction<Database>,
  known: KnownNames,
  partnerIds: Set<string>,
  contactIds: Set<string>,
): Promise<void> {
  const names = await pageNames(
    tx,
    [...partnerIds].filter((id) => !known.partners.has(id)),
    [...contactIds].filter((id) => !known.contacts.has(id)),
    [],
  );
  for (const c of names.contacts) known.contacts.set(c.id, c);
  for (const p of names.partners) known.partners.set(p.id, p);
}

/**
 * Checks that the partners, contacts, case and relationship a letter names exist, and fills
 * in a party's partner from its contact (a letter from a person is from their organisation).
 * Answers the names too (in `known`), so a new letter is answered without reading them again.
 */
export async function resolveLinks(
  tx: Transaction<Database>,
  links: {
    parties: PartyInput[];
    copies: PartyInput[];
    partnerIds: readonly string[];
    caseId: string | null | undefined;
    relationshipId: string | null | undefined;
  },
  known: KnownNames = knownNames(),
): Promise<{ parties: Party[]; names: KnownNames }> {
  const all = [...links.parties, ...links.copies];
  const partnerIds = new Set(links.partnerIds);
  const contactIds = new Set<string>();
  for (const p of all) {
    if (p.partnerId) partnerIds.add(p.partnerId);
    if (p.contactId) contactIds.add(p.contactId);
  }
  await readNames(tx, known, partnerIds, contactIds);
  const contacts = known.contacts;
  for (const id of contactIds) if (!contacts.has(id)) throw notFound('Contact', id);
  // A contact's own partner is named on the letter too (its side falls back to it).
  const viaContacts = new Set<string>();
  for (const id of contactIds) {
    const partnerId = contacts.get(id)?.partner_id;
    if (partnerId && !partnerIds.has(partnerId)) viaContacts.add(partnerId);
  }
  if (viaContacts.size > 0) await readNames(tx, known, viaContacts, new Set());
  for (const id of partnerIds) if (!known.partners.has(id)) throw notFound('Partner', id);
  if (links.caseId && (await existingIds(tx, 'cases', [links.caseId])).size === 0) {
    throw notFound('Case', links.caseId);
  }
  if (links.relationshipId && (await existingIds(tx, 'relationships', [links.relationshipId])).size === 0) {
    throw notFound('Relationship', links.relationshipId);
  }
  return {
    parties: links.parties.map((p) => ({
      partnerId: p.partnerId ?? (p.contactId ? (contacts.get(p.contactId)?.partner_id ?? null) : null),
      contactId: p.contactId ?? null,
      text: clean(p.text),
    })),
    names: known,
  };
}

/**
 * References must point at other, existing letters, each at most once, without a cycle.
 * Answers the referenced letters (number, date, subject), by id.
 */
export async function checkReferences(
  tx: Transaction<Database>,
  letterId: string | null,
  references: readonly { letterId: string; kind: string }[],
): Promise<Map<string, ReferableLetterRow>> {
  const targets = references.map((r) => r.letterId);
  if (new Set(targets).size !== targets.length) {
    throw invalid('A letter is referenced twice.', ['references']);
  }
  if (letterId !== null && targets.includes(letterId)) {
    throw invalid('A letter cannot reference itself.', ['references']);
  }
  const existing = new Map((await referableLetters(tx, targets)).map((r) => [r.id, r]));
  for (const id of targets) if (!existing.has(id)) throw notFound('Letter', id);
  if (letterId !== null && (await lettersReachableFrom(tx, targets, letterId))) {
    throw invalid('These references would make the letter its own predecessor.', ['references']);
  }
  return existing;
}

export function checkDates(
  direction: string,
  letterDate: string,
  followUpDate: string | null,
  sender: { number: string | null; date: string | null },
): void {
  if (direction !== 'incoming' && (sender.number !== null || sender.date !== null)) {
    throw invalid('Only incoming letters keep the sender’s number and date.', ['senderNumber']);
  }
  if (followUpDate !== null && followUpDate < letterDate) {
    throw invalid('The follow-up date is before the letter date.', ['followUpDate']);
  }
}

export function copyInputs(copies: readonly (PartyInput & { purpose: string })[]): CopyInput[] {
  return copies.map((c) => ({
    partnerId: c.partnerId ?? null,
    contactId: c.contactId ?? null,
    text: clean(c.text),
    purpose: c.purpose,
  }));
}
