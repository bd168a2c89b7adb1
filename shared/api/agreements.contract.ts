/**
 * Agreements: MoUs, sister-city agreements, friendship protocols and cooperation
 * programmes, drafted clause by clause in one to three languages side by side, saved in
 * frozen versions, compared, moved through the status workflow, signed, and followed to
 * their expiry and renewal notice. Also the clause library of reusable clauses.
 */
import { z } from 'zod';
import { ISO_639_1_CODES, MAX_AGREEMENT_LANGUAGES, type LanguageCode } from '../agreements/languages';
import { TERM_CALENDARS, TERM_LIMITS } from '../agreements/term';
import { AGREEMENT_STATUSES } from '../agreements/workflow';
import { method } from './define';
import {
  LIMITS,
  byId,
  empty,
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

export { AGREEMENT_STATUSES, type AgreementStatus } from '../agreements/workflow';
export { TERM_CALENDARS, type TermCalendar } from '../agreements/term';

export const AGREEMENT_KINDS = [
  'mou',
  'sister_city',
  'friendship_protocol',
  'cooperation_programme',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_SORT_KEYS = ['updatedAt', 'title', 'signedDate', 'expiryDate'] as const;
export type AgreementSortKey = (typeof AGREEMENT_SORT_KEYS)[number];

/** What one language of a text did between two versions (see shared/agreements/clause-diff.ts). */
export const TEXT_CHANGES = ['unchanged', 'changed', 'added', 'removed'] as const;
export const SEGMENT_KINDS = ['same', 'added', 'removed'] as const;

export const AGREEMENT_LIMITS = {
  partners: 20,
  clauses: 500,
  tags: 20,
  tag: 60,
  note: 2_000,
} as const;

export const languageCode = z.enum(ISO_639_1_CODES);

/** One to three distinct languages, in the order the columns are shown and printed. */
export const agreementLanguages = z
  .array(languageCode)
  .min(1)
  .max(MAX_AGREEMENT_LANGUAGES)
  .refine((list) => new Set(list).size === list.length, { message: 'a language is listed twice' });

/**
 * Text per language, keyed by ISO 639-1 code. A strict object rather than a record: a
 * record would drop a `__proto__` key without a word instead of refusing it.
 */
export const languageTexts = z.strictObject(
  Object.fromEntries(ISO_639_1_CODES.map((code) => [code, text(LIMITS.text).optional()])) as {
    [K in LanguageCode]: z.ZodOptional<ReturnType<typeof text>>;
  },
);
export type LanguageTextsInput = z.input<typeof languageTexts>;

/** One side of the agreement and its signature block. */
export const agreementPartyInput = z.strictObject({
  partnerId: id,
  signatoryName: optionalText(LIMITS.name),
  signatoryPosition: optionalText(LIMITS.name),
});

const termYears = z.number().int().min(TERM_LIMITS.minYears).max(TERM_LIMITS.maxYears);
const noticeMonths = z.number().int().min(TERM_LIMITS.minNoticeMonths).max(TERM_LIMITS.maxNoticeMonths);

/** Our own unit is never also a partner, and no partner is listed twice. */
function distinctParties(
  value: { ownUnit?: { partnerId: string } | undefined; partners?: { partnerId: string }[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>(value.ownUnit ? [value.ownUnit.partnerId] : []);
  value.partners?.forEach((p, i) => {
    if (seen.has(p.partnerId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['partners', i, 'partnerId'],
        message: 'this party is already listed',
      });
    }
    seen.add(p.partnerId);
  });
}

const headerFields = {
  kind: z.enum(AGREEMENT_KINDS),
  title: requiredText(LIMITS.title),
  languages: agreementLanguages,
  /** The office's own city or neighbourhood that signs (a partner flagged own). */
  ownUnit: agreementPartyInput,
  partners: z.array(agreementPartyInput).min(1).max(AGREEMENT_LIMITS.partners),
  signedPlace: optionalText(LIMITS.name),
  signedDate: isoDate.nullable().optional(),
  /** When the term starts; null or omitted: the signing date. */
  effectiveDate: isoDate.nullable().optional(),
  termYears: termYears.nullable().optional(),
  /** The calendar the term is counted in; default Jalali. */
  termCalendar: z.enum(TERM_CALENDARS).optional(),
  renewalNoticeMonths: noticeMonths.nullable().optional(),
  relationshipId: id.nullable().optional(),
  caseId: id.nullable().optional(),
};

export const agreementCreateInput = z
  .strictObject({
    ...headerFields,
    /** Exactly the agreement's languages; omitted, it starts empty in each. */
    preamble: languageTexts.optional(),
  })
  .superRefine(distinctParties);
export type AgreementCreateInput = z.input<typeof agreementCreateInput>;

/** Every field optional; parties given replace the agreement's parties. */
export const agreementUpdateInput = z
  .strictObject({
    id,
    kind: headerFields.kind.optional(),
    title: headerFields.title.optional(),
    languages: agreementLanguages.optional(),
    preamble: languageTexts.optional(),
    ownUnit: agreementPartyInput.optional(),
    partners: headerFields.partners.optional(),
    signedPlace: headerFields.signedPlace,
    signedDate: headerFields.signedDate,
    effectiveDate: headerFields.effectiveDate,
    termYears: headerFields.termYears,
    termCalendar: headerFields.termCalendar,
    renewalNoticeMonths: headerFields.renewalNoticeMonths,
    relationshipId: headerFields.relationshipId,
    caseId: headerFields.caseId,
  })
  .superRefine(distinctParties);
export type AgreementUpdateInput = z.input<typeof agreementUpdateInput>;

export const agreementListInput = z.strictObject({
  /** Any of these statuses, as the user sees them (an in-force agreement past expiry is expired). */
  status: z.array(z.enum(AGREEMENT_STATUSES)).min(1).max(AGREEMENT_STATUSES.length).optional(),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  /** Agreements this partner (or own unit) is a party to. */
  partnerId: id.optional(),
  relationshipId: id.optional(),
  caseId: id.optional(),
  /** Agreements whose expiry date is before this day. */
  expiringBefore: isoDate.optional(),
  /** Words of the title or the preamble. */
  text: text(200).optional(),
  sort: z
    .strictObject({ by: z.enum(AGREEMENT_SORT_KEYS), direction: sortDirection })
    .default({ by: 'updatedAt', direction: 'desc' }),
  ...paging,
});
export type AgreementListInput = z.input<typeof agreementListInput>;

export const clauseAddInput = z.strictObject({
  agreementId: id,
  /** Exactly the agreement's languages; a text may be empty while drafting. */
  texts: languageTexts,
  /** 1-based place to insert at; omitted, at the end. */
  position: z.number().int().min(1).max(AGREEMENT_LIMITS.clauses).optional(),
});

export const clauseUpdateInput = z.strictObject({
  agreementId: id,
  clauseKey: id,
  texts: languageTexts,
});

export const clauseMoveInput = z.strictObject({
  agreementId: id,
  clauseKey: id,
  /** The 1-based place the clause goes to. */
  toPosition: z.number().int().min(1).max(AGREEMENT_LIMITS.clauses),
});

export const clauseRemoveInput = z.strictObject({ agreementId: id, clauseKey: id });

export const clauseInsertFromLibraryInput = z.strictObject({
  agreementId: id,
  libraryClauseId: id,
  position: z.number().int().min(1).max(AGREEMENT_LIMITS.clauses).optional(),
});

export const agreementTransitionInput = z.strictObject({
  id,
  to: z.enum(AGREEMENT_STATUSES),
  /** Why, for the history (e.g. the council's resolution number). */
  note: optionalText(AGREEMENT_LIMITS.note),
});

export const saveVersionInput = z.strictObject({ id, note: optionalText(AGREEMENT_LIMITS.note) });

export const versionRefInput = z.strictObject({ id, number: z.number().int().min(1).max(1_000_000) });

export const compareInput = z.strictObject({
  id,
  from: z.number().int().min(1).max(1_000_000),
  /** The newer version; omitted, the current working draft. */
  to: z.number().int().min(1).max(1_000_000).optional(),
});

const tag = requiredText(AGREEMENT_LIMITS.tag);

export const libraryClauseCreateInput = z.strictObject({
  title: requiredText(LIMITS.title),
  /** Any languages; at least one text must be written. */
  texts: languageTexts.refine((t) => Object.values(t).some((s) => s !== undefined && s.trim() !== ''), {
    message: 'write the clause in at least one language',
  }),
  tags: z.array(tag).max(AGREEMENT_LIMITS.tags).default([]),
});

export const libraryClauseUpdateInput = z.strictObject({
  id,
  title: libraryClauseCreateInput.shape.title.optional(),
  texts: libraryClauseCreateInput.shape.texts.optional(),
  tags: z.array(tag).max(AGREEMENT_LIMITS.tags).optional(),
});

export const libraryListInput = z.strictObject({
  /** Words of the title or of any text. */
  text: text(200).optional(),
  tag: text(AGREEMENT_LIMITS.tag).optional(),
  /** Only clauses written in this language. */
  language: languageCode.optional(),
  ...paging,
});

// ---- outputs

export const agreementParty = z.object({
  partnerId: id,
  nameFa: z.string(),
  nameEn: z.string().nullable(),
  nameNative: z.string().nullable(),
  /** True for our own unit (always the first party). */
  own: z.boolean(),
  signatoryName: z.string().nullable(),
  signatoryPosition: z.string().nullable(),
});
export type AgreementParty = z.infer<typeof agreementParty>;

export const agreementClause = z.object({
  clauseKey: id,
  position: z.number().int(),
  texts: languageTexts,
  /** The library clause it was inserted from, while that still exists. */
  libraryClauseId: id.nullable(),
  updatedAt: isoTimestamp,
});
export type AgreementClause = z.infer<typeof agreementClause>;

export const agreementTransition = z.object({
  fromStatus: z.enum(AGREEMENT_STATUSES).nullable(),
  toStatus: z.enum(AGREEMENT_STATUSES),
  /** The workstation login, or 'system' for an expiry recorded by date. */
  actor: z.string(),
  at: isoTimestamp,
  note: z.string().nullable(),
});
export type AgreementTransition = z.infer<typeof agreementTransition>;

export const agreementSummary = z.object({
  id,
  kind: z.enum(AGREEMENT_KINDS),
  title: z.string(),
  /** As the user sees it: in force past the expiry date reads as expired. */
  status: z.enum(AGREEMENT_STATUSES),
  languages: z.array(languageCode),
  /** Our own unit first, then the partners in order. */
  parties: z.array(agreementParty),
  signedPlace: z.string().nullable(),
  signedDate: isoDate.nullable(),
  /** As entered; null when the term starts on the signing date. */
  effectiveDate: isoDate.nullable(),
  /** The first day of the term (effective date, else signing date). */
  termStart: isoDate.nullable(),
  termYears: z.number().int().nullable(),
  termCalendar: z.enum(TERM_CALENDARS),
  renewalNoticeMonths: z.number().int().nullable(),
  /** The last day in force (shared/agreements/term.ts states the rule). */
  expiryDate: isoDate.nullable(),
  /** When to start the renewal or termination notice. */
  reminderDate: isoDate.nullable(),
  relationshipId: id.nullable(),
  caseId: id.nullable(),
  clauseCount: z.number().int(),
  /** The newest saved version, or null before the first. */
  latestVersion: z.number().int().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type AgreementSummary = z.infer<typeof agreementSummary>;

export const agreement = agreementSummary.extend({
  preamble: languageTexts,
  clauses: z.array(agreementClause),
  /** The statuses the workflow allows next (the renderer's buttons). */
  nextStatuses: z.array(z.enum(AGREEMENT_STATUSES)),
  /** Title, languages, preamble and clauses can change (draft only). */
  textEditable: z.boolean(),
  /** Every status change, oldest first, starting with the creation as a draft. */
  transitions: z.array(agreementTransition),
});
export type Agreement = z.infer<typeof agreement>;

export const clauseChange = z.object({
  agreementId: id,
  /** The clause added, changed, moved or removed. */
  clauseKey: id,
  /** Every clause of the agreement after the change, in order. */
  clauses: z.array(agreementClause),
});
export type ClauseChange = z.infer<typeof clauseChange>;

export const languageCompleteness = z.object({
  language: languageCode,
  /** True when the preamble and every clause have text in this language. */
  complete: z.boolean(),
  /** How many texts (preamble and clauses) are empty in this language. */
  missing: z.number().int(),
});

export const agreementVersionSummary = z.object({
  agreementId: id,
  number: z.number().int(),
  /** The workstation login of who saved it. */
  author: z.string(),
  note: z.string().nullable(),
  /** The status when it was saved. */
  status: z.enum(AGREEMENT_STATUSES),
  completeness: z.array(languageCompleteness),
  clauseCount: z.number().int(),
  createdAt: isoTimestamp,
});
export type AgreementVersionSummary = z.infer<typeof agreementVersionSummary>;

/** The text and the signing details frozen in a version. */
export const agreementSnapshot = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  title: z.string(),
  languages: z.array(languageCode),
  preamble: languageTexts,
  clauses: z.array(z.object({ clauseKey: id, position: z.number().int(), texts: languageTexts })),
  parties: z.array(agreementParty),
  signedPlace: z.string().nullable(),
  signedDate: isoDate.nullable(),
  effectiveDate: isoDate.nullable(),
  termYears: z.number().int().nullable(),
  termCalendar: z.enum(TERM_CALENDARS),
  renewalNoticeMonths: z.number().int().nullable(),
  expiryDate: isoDate.nullable(),
  reminderDate: isoDate.nullable(),
});
export type AgreementSnapshot = z.infer<typeof agreementSnapshot>;

export const agreementVersion = agreementVersionSummary.extend({ snapshot: agreementSnapshot });
export type AgreementVersion = z.infer<typeof agreementVersion>;

export const diffSegment = z.object({ text: z.string(), kind: z.enum(SEGMENT_KINDS) });

export const languageDiff = z.object({
  language: languageCode,
  change: z.enum(TEXT_CHANGES),
  segments: z.array(diffSegment),
});

export const clauseComparison = z.object({
  clauseKey: id,
  change: z.enum(TEXT_CHANGES),
  moved: z.boolean(),
  fromPosition: z.number().int().nullable(),
  toPosition: z.number().int().nullable(),
  languages: z.array(languageDiff),
});

export const agreementComparison = z.object({
  agreementId: id,
  from: z.number().int(),
  /** Null when compared with the working draft. */
  to: z.number().int().nullable(),
  languages: z.array(languageCode),
  title: z.array(diffSegment),
  titleChanged: z.boolean(),
  preamble: z.array(languageDiff),
  clauses: z.array(clauseComparison),
  summary: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    /** Moved clauses are also counted as changed or unchanged by their text. */
    moved: z.number().int(),
    unchanged: z.number().int(),
  }),
});
export type AgreementComparison = z.infer<typeof agreementComparison>;

export const libraryClause = z.object({
  id,
  title: z.string(),
  texts: languageTexts,
  /** The languages it has text in. */
  languages: z.array(languageCode),
  tags: z.array(z.string()),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type LibraryClause = z.infer<typeof libraryClause>;

export const agreementsContract = {
  'agreements.create': method({
    kind: 'mutation',
    input: agreementCreateInput,
    output: agreement,
    doc: 'Starts an agreement as a draft between one of our own units and one or more partners.',
  }),
  'agreements.update': method({
    kind: 'mutation',
    input: agreementUpdateInput,
    output: agreement,
    doc: 'Changes the header, parties and signing details; the text (title, languages, preamble) only in draft.',
  }),
  'agreements.get': method({
    kind: 'query',
    input: byId,
    output: agreement,
    doc: 'One agreement with its parties, preamble, clauses in order and status history.',
  }),
  'agreements.list': method({
    kind: 'query',
    input: agreementListInput,
    output: page(agreementSummary),
    doc: 'Agreements filtered by status, kind, party, link, expiry and text; sorted and paged.',
  }),
  'agreements.clauses.add': method({
    kind: 'mutation',
    input: clauseAddInput,
    output: clauseChange,
    doc: 'Adds a clause to a draft, at the end or at a given place.',
  }),
  'agreements.clauses.update': method({
    kind: 'mutation',
    input: clauseUpdateInput,
    output: clauseChange,
    doc: 'Replaces a clause’s texts in every language of the draft; it keeps its key and place.',
  }),
  'agreements.clauses.move': method({
    kind: 'mutation',
    input: clauseMoveInput,
    output: clauseChange,
    doc: 'Moves a clause of a draft to another place; the others close up around it.',
  }),
  'agreements.clauses.remove': method({
    kind: 'mutation',
    input: clauseRemoveInput,
    output: clauseChange,
    doc: 'Removes a clause from a draft (saved versions keep it).',
  }),
  'agreements.clauses.insertFromLibrary': method({
    kind: 'mutation',
    input: clauseInsertFromLibraryInput,
    output: clauseChange,
    doc: 'Copies a library clause into a draft, in the draft’s languages (empty where the library has none).',
  }),
  'agreements.saveVersion': method({
    kind: 'mutation',
    input: saveVersionInput,
    output: agreementVersionSummary,
    doc: 'Freezes the current text and signing details as the next numbered version, with its author and note.',
  }),
  'agreements.versions': method({
    kind: 'query',
    input: byId,
    output: z.array(agreementVersionSummary),
    doc: 'The saved versions of an agreement, newest first.',
  }),
  'agreements.version': method({
    kind: 'query',
    input: versionRefInput,
    output: agreementVersion,
    doc: 'One saved version with its frozen text.',
  }),
  'agreements.compare': method({
    kind: 'query',
    input: compareInput,
    output: agreementComparison,
    doc: 'Two versions (or a version and the draft) clause by clause per language: added, removed, moved, changed words.',
  }),
  'agreements.transition': method({
    kind: 'mutation',
    input: agreementTransitionInput,
    output: agreement,
    doc: 'Moves an agreement to the next status the workflow allows, recording who and when.',
  }),
  'agreements.expireDue': method({
    kind: 'mutation',
    input: empty,
    output: z.object({
      asOf: isoDate,
      expired: z.array(z.object({ id, title: z.string(), expiryDate: isoDate })),
    }),
    doc: 'Records as expired, by the system, every agreement in force whose expiry date has passed; safe to run on every start.',
  }),
  'clauseLibrary.list': method({
    kind: 'query',
    input: libraryListInput,
    output: page(libraryClause),
    doc: 'The clause library, filtered by words, tag and language, in title order.',
  }),
  'clauseLibrary.create': method({
    kind: 'mutation',
    input: libraryClauseCreateInput,
    output: libraryClause,
    doc: 'Adds a reusable clause with its text in one or more languages and its tags.',
  }),
  'clauseLibrary.update': method({
    kind: 'mutation',
    input: libraryClauseUpdateInput,
    output: libraryClause,
    doc: 'Changes a library clause; clauses already inserted into agreements keep their text.',
  }),
  'clauseLibrary.remove': method({
    kind: 'mutation',
    input: byId,
    output: z.object({ id }),
    doc: 'Removes a library clause; clauses already inserted into agreements keep their text.',
  }),
} as const;
