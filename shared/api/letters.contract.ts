/**
 * The correspondence register: incoming, outgoing and internal letters with their register
 * numbers, threads (پیرو / عطف), copies (رونوشت), referrals (ارجاع) and follow-up.
 */
import { z } from 'zod';
import { method } from './define';
import {
  LIMITS,
  byId,
  id,
  isoDate,
  isoTimestamp,
  optionalText,
  page,
  paging,
  requiredText,
  sortDirection,
  text,
} from './schema';

export const LETTER_DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export type LetterDirection = (typeof LETTER_DIRECTIONS)[number];

/** How a letter travelled: post, email, fax, diplomatic pouch, by hand, an online portal. */
export const LETTER_CHANNELS = [
  'post',
  'email',
  'fax',
  'diplomatic_pouch',
  'by_hand',
  'online_portal',
] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/** پیرو (follows: a sequel to an earlier letter) and عطف (refers: in answer or reference to one). */
export const LETTER_REFERENCE_KINDS = ['follows', 'refers'] as const;
export type LetterReferenceKind = (typeof LETTER_REFERENCE_KINDS)[number];

/** Why a copy (رونوشت) goes out: جهت اطلاع، جهت اقدام، جهت بایگانی. */
export const LETTER_COPY_PURPOSES = ['information', 'action', 'filing'] as const;
export type LetterCopyPurpose = (typeof LETTER_COPY_PURPOSES)[number];

/**
 * The computed follow-up state: `closed` once closed; `replied` once a letter of the answering
 * direction (outgoing for incoming, incoming for outgoing, internal for internal), dated on or
 * after it, references it; `awaiting_reply` while it needs a reply; otherwise `none`.
 */
export const LETTER_STATES = ['none', 'awaiting_reply', 'replied', 'closed'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

export const LETTER_SORT_KEYS = ['letterDate', 'registeredAt', 'number', 'subject'] as const;
export type LetterSortKey = (typeof LETTER_SORT_KEYS)[number];

/** Limits of one letter's lists, so a single call stays small. */
export const LETTER_LIMITS = {
  references: 50,
  copies: 100,
  partners: 50,
  threadLetters: 500,
  senderNumber: 100,
  attachments: 9_999,
} as const;

/** A BCP 47 language tag such as fa, en, fr, ru, zh-Hans. */
const languageTag = z
  .string()
  .max(35)
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'not a language tag (e.g. fa, en, ru)' });

/** One side of a letter (or a copy recipient): a partner, a contact at a partner, or free text. */
const partyFields = {
  partnerId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  text: optionalText(LIMITS.name),
};

const hasSomeone = (p: { partnerId?: string | null; contactId?: string | null; text?: string | null }) =>
  Boolean(p.partnerId || p.contactId || p.text);

export const letterPartyInput = z
  .strictObject(partyFields)
  .refine(hasSomeone, { message: 'name a partner, a contact or write who it is' });
export type LetterPartyInput = z.input<typeof letterPartyInput>;

export const letterReferenceInput = z.strictObject({
  letterId: id,
  kind: z.enum(LETTER_REFERENCE_KINDS),
});

export const letterCopyInput = z
  .strictObject({ ...partyFields, purpose: z.enum(LETTER_COPY_PURPOSES) })
  .refine(hasSomeone, { message: 'name a partner, a contact or write who receives the copy' });

/** The fields a user may set on a letter at registration and later. */
const editableFields = {
  letterDate: isoDate,
  /** The sender's own number and date; incoming letters only. */
  senderNumber: optionalText(LETTER_LIMITS.senderNumber),
  senderDate: isoDate.nullable().optional(),
  from: letterPartyInput,
  to: letterPartyInput,
  subject: requiredText(LIMITS.title),
  /** The body of the letter, or a summary of it. */
  body: optionalText(LIMITS.longText),
  language: languageTag.default('fa'),
  /** One of the office's classifications (setting `letters.classifications`); default the first. */
  classification: text(60).optional(),
  /** One of the office's urgencies (setting `letters.urgencies`); default the first. */
  urgency: text(60).optional(),
  channel: z.enum(LETTER_CHANNELS).nullable().optional(),
  attachmentsCount: z.number().int().min(0).max(LETTER_LIMITS.attachments).default(0),
  /** Whether a reply is expected; default true for incoming letters, false otherwise. */
  needsReply: z.boolean().optional(),
  /** The follow-up deadline (پیگیری). */
  followUpDate: isoDate.nullable().optional(),
  references: z.array(letterReferenceInput).max(LETTER_LIMITS.references).default([]),
  copies: z.array(letterCopyInput).max(LETTER_LIMITS.copies).default([]),
  caseId: id.nullable().optional(),
  relationshipId: id.nullable().optional(),
  /** Partners the letter concerns; the from/to partners are linked automatically. */
  partnerIds: z.array(id).max(LETTER_LIMITS.partners).default([]),
};

export const letterCreateInput = z.strictObject({
  direction: z.enum(LETTER_DIRECTIONS),
  /** The secretariat whose register numbers the letter; default the setting `letters.secretariat`. */
  secretariat: text(50)
    .transform((s) => s.trim())
    .pipe(z.string().min(1))
    .optional(),
  ...editableFields,
});
export type LetterCreateInput = z.input<typeof letterCreateInput>;

/** Every field optional; lists given replace the letter's list. Direction and number never change. */
export const letterUpdateInput = z.strictObject({
  id,
  letterDate: editableFields.letterDate.optional(),
  senderNumber: editableFields.senderNumber,
  senderDate: editableFields.senderDate,
  from: letterPartyInput.optional(),
  to: letterPartyInput.optional(),
  subject: editableFields.subject.optional(),
  body: editableFields.body,
  language: languageTag.optional(),
  classification: editableFields.classification,
  urgency: editableFields.urgency,
  channel: editableFields.channel,
  attachmentsCount: z.number().int().min(0).max(LETTER_LIMITS.attachments).optional(),
  needsReply: editableFields.needsReply,
  followUpDate: editableFields.followUpDate,
  references: z.array(letterReferenceInput).max(LETTER_LIMITS.references).optional(),
  copies: z.array(letterCopyInput).max(LETTER_LIMITS.copies).optional(),
  caseId: editableFields.caseId,
  relationshipId: editableFields.relationshipId,
  partnerIds: z.array(id).max(LETTER_LIMITS.partners).optional(),
});
export type LetterUpdateInput = z.input<typeof letterUpdateInput>;

export const letterListInput = z.strictObject({
  direction: z.enum(LETTER_DIRECTIONS).optional(),
  /** Letter dates from and to, both inclusive. */
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  partnerId: id.optional(),
  caseId: id.optional(),
  relationshipId: id.optional(),
  classification: text(60).optional(),
  urgency: text(60).optional(),
  state: z.enum(LETTER_STATES).optional(),
  /** Letters whose current referral is to this user. */
  referredTo: id.optional(),
  /** Words of the subject, the register number or the sender's number. */
  text: text(200).optional(),
  sort: z
    .strictObject({ by: z.enum(LETTER_SORT_KEYS), direction: sortDirection })
    .default({ by: 'letterDate', direction: 'desc' }),
  ...paging,
});
export type LetterListInput = z.input<typeof letterListInput>;

export const letterReferInput = z.strictObject({
  id,
  toUserId: id,
  instruction: optionalText(LIMITS.text),
  dueDate: isoDate.nullable().optional(),
});

export const letterCloseInput = z.strictObject({
  id,
  /** Why the letter needs no further follow-up. */
  note: optionalText(LIMITS.text),
});

/** A partner or contact named on a letter, with its names for display in either language. */
export const letterNamed = z.object({ id, nameFa: z.string(), nameEn: z.string().nullable() });
export type LetterNamed = z.infer<typeof letterNamed>;

export const letterParty = z.object({
  partner: letterNamed.nullable(),
  contact: letterNamed.nullable(),
  text: z.string().nullable(),
});
export type LetterParty = z.infer<typeof letterParty>;

export const letterCopy = letterParty.extend({ purpose: z.enum(LETTER_COPY_PURPOSES) });
export type LetterCopy = z.infer<typeof letterCopy>;

export const letterReferral = z.object({
  id,
  toUserId: id,
  /** The user's Persian name, and English name when they have one. */
  toUserName: z.string(),
  toUserNameEn: z.string().nullable(),
  instruction: z.string().nullable(),
  dueDate: isoDate.nullable(),
  /** The workstation login of who referred it. */
  referredBy: z.string(),
  referredAt: isoTimestamp,
});
export type LetterReferral = z.infer<typeof letterReferral>;

/** A letter as the register list shows it (no body, no histories). */
export const letterSummary = z.object({
  id,
  direction: z.enum(LETTER_DIRECTIONS),
  secretariat: z.string(),
  jalaliYear: z.number().int(),
  seq: z.number().int(),
  /** The register number with ASCII digits; shared/letters/register-number.ts displays it. */
  number: z.string(),
  registeredAt: isoTimestamp,
  letterDate: isoDate,
  senderNumber: z.string().nullable(),
  senderDate: isoDate.nullable(),
  from: letterParty,
  to: letterParty,
  subject: z.string(),
  language: z.string(),
  classification: z.string(),
  urgency: z.string(),
  channel: z.enum(LETTER_CHANNELS).nullable(),
  attachmentsCount: z.number().int(),
  needsReply: z.boolean(),
  followUpDate: isoDate.nullable(),
  state: z.enum(LETTER_STATES),
  closedAt: isoTimestamp.nullable(),
  caseId: id.nullable(),
  relationshipId: id.nullable(),
  currentReferral: letterReferral.nullable(),
});
export type LetterSummary = z.infer<typeof letterSummary>;

/** A link of a thread: `fromId` references `toId` (پیرو or عطف). */
export const letterLink = z.object({
  fromId: id,
  toId: id,
  kind: z.enum(LETTER_REFERENCE_KINDS),
});
export type LetterLink = z.infer<typeof letterLink>;

/** A letter this one references, or one that references it, with enough to show the link. */
export const letterLinked = z.object({
  letterId: id,
  kind: z.enum(LETTER_REFERENCE_KINDS),
  direction: z.enum(LETTER_DIRECTIONS),
  number: z.string(),
  letterDate: isoDate,
  subject: z.string(),
});
export type LetterLinked = z.infer<typeof letterLinked>;

export const letter = letterSummary.extend({
  body: z.string().nullable(),
  closeNote: z.string().nullable(),
  /** Earlier letters this one follows or refers to. */
  references: z.array(letterLinked),
  /** Later letters that follow or refer to this one (its replies among them). */
  referencedBy: z.array(letterLinked),
  copies: z.array(letterCopy),
  partnerIds: z.array(id),
  /** Every referral, oldest first; the last is the current one. */
  referrals: z.array(letterReferral),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Letter = z.infer<typeof letter>;

export const letterThread = z.object({
  /** Every letter connected through references, in date (then register) order. */
  letters: z.array(letterSummary),
  links: z.array(letterLink),
});
export type LetterThread = z.infer<typeof letterThread>;

export const lettersContract = {
  'letters.create': method({
    kind: 'mutation',
    input: letterCreateInput,
    output: letter,
    doc: 'Registers a letter and gives it the next register number of its secretariat and Jalali year.',
  }),
  'letters.update': method({
    kind: 'mutation',
    input: letterUpdateInput,
    output: letter,
    doc: 'Changes a letter’s fields, references, copies and links; its register number stays.',
  }),
  'letters.get': method({
    kind: 'query',
    input: byId,
    output: letter,
    doc: 'One letter with its references both ways, copies, partners and referral history.',
  }),
  'letters.list': method({
    kind: 'query',
    input: letterListInput,
    output: page(letterSummary),
    doc: 'The register, filtered, sorted and paged, with the total count of the filter.',
  }),
  'letters.thread': method({
    kind: 'query',
    input: byId,
    output: letterThread,
    doc: 'The whole thread a letter belongs to (references followed both ways), in date order.',
  }),
  'letters.refer': method({
    kind: 'mutation',
    input: letterReferInput,
    output: letter,
    doc: 'Refers (ارجاع) a letter to a staff member with an instruction; earlier referrals stay in its history.',
  }),
  'letters.close': method({
    kind: 'mutation',
    input: letterCloseInput,
    output: letter,
    doc: 'Closes a letter’s follow-up; it no longer awaits a reply.',
  }),
  'letters.reopen': method({
    kind: 'mutation',
    input: byId,
    output: letter,
    doc: 'Reopens a closed letter; its state is computed again from its replies.',
  }),
} as const;
