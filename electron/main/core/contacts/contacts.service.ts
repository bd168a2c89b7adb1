/** Contacts between rows and domain objects; their lists are stored as JSON arrays. */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  Contact,
  contactCreateInput,
  contactUpdateInput,
} from '../../../../shared/api/contacts.contract';
import { cleanDisplayText, searchKey } from '../../../../shared/text/persian';
import { sortKey } from '../../../../shared/text/sort-key';
import { textFilterKey } from '../db/text-filter';
import type { Database } from '../db/tables';
import { notFound } from '../errors';
import { findPartner, findPartners } from '../partners/partners.repository';
import { toPartnerRef } from '../partners/partners.service';
import { findContact } from './contacts.repository';
import type { ContactRow } from './contacts.table';

type ContactCreate = z.output<typeof contactCreateInput>;
type ContactUpdate = z.output<typeof contactUpdateInput>;

export interface ContactDraft {
  partnerId: string | null;
  nameFa: string;
  nameEn: string | null;
  title: string | null;
  position: string | null;
  emails: string[];
  phones: string[];
  languages: string[];
  notes: string | null;
}

function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The same address or number typed twice is kept once (compared by its search key). */
function distinct(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = searchKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clean(value: string | null | undefined): string | null {
  return value ? cleanDisplayText(value) : null;
}

export async function loadContacts(
  tx: Transaction<Database>,
  rows: readonly ContactRow[],
): Promise<Contact[]> {
  const partners = await findPartners(
    tx,
    rows.flatMap((r) => (r.partner_id ? [r.partner_id] : [])),
  );
  return rows.map((row) => {
    const partner = row.partner_id ? partners.get(row.partner_id) : undefined;
    return {
      id: row.id,
      partner: partner ? toPartnerRef(partner) : null,
      nameFa: row.name_fa,
      nameEn: row.name_en,
      title: row.title,
      position: row.position,
      emails: parseList(row.emails),
      phones: parseList(row.phones),
      languages: parseList(row.languages),
      notes: row.notes,
      archived: row.archived === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function loadContact(tx: Transaction<Database>, id: string): Promise<Contact> {
  const row = await findContact(tx, id);
  if (!row) throw notFound('Contact', id);
  const [contact] = await loadContacts(tx, [row]);
  return contact!;
}

export function draftFromInput(input: ContactCreate): ContactDraft {
  return {
    partnerId: input.partnerId ?? null,
    nameFa: cleanDisplayText(input.nameFa),
    nameEn: clean(input.nameEn),
    title: clean(input.title),
    position: clean(input.position),
    emails: distinct(input.emails),
    phones: distinct(input.phones),
    languages: distinct(input.languages),
    notes: clean(input.notes),
  };
}

export function draftFromContact(c: Contact): ContactDraft {
  return {
    partnerId: c.partner?.id ?? null,
    nameFa: c.nameFa,
    nameEn: c.nameEn,
    title: c.title,
    position: c.position,
    emails: c.emails,
    phones: c.phones,
    languages: c.languages,
    notes: c.notes,
  };
}

/** The contact as an update would leave it: left out keeps, null clears, lists replace. */
export function applyUpdate(current: ContactDraft, input: ContactUpdate): ContactDraft {
  return {
    partnerId: input.partnerId === undefined ? current.partnerId : input.partnerId,
    nameFa: input.nameFa === undefined ? current.nameFa : cleanDisplayText(input.nameFa),
    nameEn: input.nameEn === undefined ? current.nameEn : clean(input.nameEn),
    title: input.title === undefined ? current.title : clean(input.title),
    position: input.position === undefined ? current.position : clean(input.position),
    emails: input.emails === undefined ? current.emails : distinct(input.emails),
    phones: input.phones === undefined ? current.phones : distinct(input.phones),
    languages: input.languages === undefined ? current.languages : distinct(input.languages),
    notes: input.notes === undefined ? current.notes : clean(input.notes),
  };
}

export async function checkContact(tx: Transaction<Database>, draft: ContactDraft): Promise<void> {
  if (draft.partnerId !== null && !(await findPartner(tx, draft.partnerId))) {
    throw notFound('Partner', draft.partnerId);
  }
}

export function draftColumns(draft: ContactDraft) {
  return {
    partner_id: draft.partnerId,
    name_fa: draft.nameFa,
    name_en: draft.nameEn,
    title: draft.title,
    position: draft.position,
    emails: JSON.stringify(draft.emails),
    phones: JSON.stringify(draft.phones),
    languages: JSON.stringify(draft.languages),
    notes: draft.notes,
    search_key: textFilterKey([
      draft.nameFa,
      draft.nameEn,
      draft.title,
      draft.position,
      ...draft.emails,
      ...draft.phones,
      draft.notes,
    ]),
    sort_key: sortKey(draft.nameFa),
  };
}
