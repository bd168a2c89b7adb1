/**
 * Contacts: the people the office deals with at its partners — mayors, heads of
 * international relations, ambassadors, network secretaries — with their titles, addresses
 * and the languages they speak.
 */
import { z } from 'zod';
import { method } from './define';
import { ARCHIVE_FILTERS, partnerRef, spokenLanguageTag } from './partners.contract';
import {
  LIMITS,
  byId,
  id,
  isoTimestamp,
  optionalText,
  page,
  paging,
  requiredText,
  sortDirection,
  text,
} from './schema';

/** `name` sorts by the Persian name in Persian alphabetical order; `partner` by the partner's. */
export const CONTACT_SORT_FIELDS = ['name', 'nameEn', 'partner', 'createdAt', 'updatedAt'] as const;
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number];

export const CONTACT_LIMITS = { emails: 10, phones: 10, languages: 20 } as const;

const email = text(254)
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'not an email address' }));

/** Digits in any script, + ( ) - . / and spaces, with an optional extension. */
const phone = text(60)
  .transform((s) => s.trim())
  .pipe(
    z.string().regex(/^\+?[\p{Nd}\s().\-/]{3,40}(\s*(ext\.?|x|داخلی)\s*\p{Nd}{1,8})?$/u, {
      message: 'not a phone number',
    }),
  );

export const contact = z.object({
  id,
  partner: partnerRef.nullable(),
  nameFa: z.string(),
  nameEn: z.string().nullable(),
  /** Honorific or academic title: Dr., Prof., H.E. */
  title: z.string().nullable(),
  position: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  languages: z.array(z.string()),
  notes: z.string().nullable(),
  archived: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Contact = z.infer<typeof contact>;

const contactFields = {
  partnerId: id.nullable().optional(),
  nameFa: requiredText(LIMITS.name),
  nameEn: optionalText(LIMITS.name),
  title: optionalText(LIMITS.short),
  position: optionalText(LIMITS.name),
  emails: z.array(email).max(CONTACT_LIMITS.emails).default([]),
  phones: z.array(phone).max(CONTACT_LIMITS.phones).default([]),
  languages: z.array(spokenLanguageTag).max(CONTACT_LIMITS.languages).default([]),
  notes: optionalText(LIMITS.text),
};

export const contactCreateInput = z.strictObject(contactFields);
export type ContactCreateInput = z.input<typeof contactCreateInput>;

/** Fields left out stay as they are; lists given replace the contact's list; null clears. */
export const contactUpdateInput = z.strictObject({
  id,
  ...contactFields,
  nameFa: contactFields.nameFa.optional(),
  emails: z.array(email).max(CONTACT_LIMITS.emails).optional(),
  phones: z.array(phone).max(CONTACT_LIMITS.phones).optional(),
  languages: z.array(spokenLanguageTag).max(CONTACT_LIMITS.languages).optional(),
});
export type ContactUpdateInput = z.input<typeof contactUpdateInput>;

export const contactListInput = z.strictObject({
  partnerId: id.optional(),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  /** Words of the names, title, position, emails, phones or notes; Persian spelling variants match. */
  text: text(200).optional(),
  sort: z
    .strictObject({ field: z.enum(CONTACT_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'name', direction: 'asc' }),
  ...paging,
});
export type ContactListInput = z.input<typeof contactListInput>;

export const contactsContract = {
  'contacts.create': method({
    kind: 'mutation',
    input: contactCreateInput,
    output: contact,
    doc: 'Adds a person, optionally at a partner.',
  }),
  'contacts.update': method({
    kind: 'mutation',
    input: contactUpdateInput,
    output: contact,
    doc: 'Changes a contact’s names, partner, position, addresses, languages or notes.',
  }),
  'contacts.get': method({
    kind: 'query',
    input: byId,
    output: contact,
    doc: 'One contact with their partner.',
  }),
  'contacts.list': method({
    kind: 'query',
    input: contactListInput,
    output: page(contact),
    doc: 'Contacts filtered by partner, archive state and text; sorted and paged, with the total.',
  }),
  'contacts.archive': method({
    kind: 'mutation',
    input: byId,
    output: contact,
    doc: 'Hides a contact from everyday lists (they left the post); their history stays.',
  }),
  'contacts.restore': method({
    kind: 'mutation',
    input: byId,
    output: contact,
    doc: 'Brings an archived contact back into everyday lists.',
  }),
} as const;
