/**
 * Word documents: an official letter, an agreement in its languages side by side, a briefing
 * on a partner before a meeting, a brief on an event or delegation, and the activity report
 * of a Jalali quarter or year — in Persian (right to left, Jalali dates) or English.
 */
import { z } from 'zod';
import { agreementLanguages } from './agreements.contract';
import { method } from './define';
import { LIMITS, id, text } from './schema';

export const DOCUMENT_KINDS = [
  'letter',
  'agreement',
  'partnerBriefing',
  'eventBrief',
  'activityReport',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LANGUAGES = ['fa', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** The kinds that print one record, named by `id`. */
const RECORD_KINDS: readonly DocumentKind[] = ['letter', 'agreement', 'partnerBriefing', 'eventBrief'];

export const documentPeriod = z.strictObject({
  /** A Jalali year, e.g. 1404. */
  year: z.number().int().min(1300).max(1500),
  /** 1 (Farvardin–Khordad) to 4 (Dey–Esfand); omitted, the whole year. */
  quarter: z.number().int().min(1).max(4).optional(),
});
export type DocumentPeriod = z.infer<typeof documentPeriod>;

export const documentExportInput = z
  .strictObject({
    kind: z.enum(DOCUMENT_KINDS),
    /** The letter, agreement, partner or event. */
    id: id.optional(),
    /** The activity report's period. */
    period: documentPeriod.optional(),
    /** The language of the document: its labels, dates, direction. */
    language: z.enum(DOCUMENT_LANGUAGES),
    /** Agreements only: the columns printed, in order (some of the agreement's languages); all when omitted. */
    languages: agreementLanguages.optional(),
    /** Agreements only: a saved version to print instead of the working text. */
    version: z.number().int().min(1).max(1_000_000).optional(),
    /** Where to write; omitted, the user chooses in the save dialog. */
    path: text(LIMITS.path).optional(),
  })
  .superRefine((input, ctx) => {
    if (RECORD_KINDS.includes(input.kind) && input.id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `a ${input.kind} export names its record` });
    }
    if (input.kind === 'activityReport' && input.period === undefined) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'an activity report needs its period' });
    }
    if (input.kind !== 'agreement') {
      if (input.languages !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['languages'], message: 'only an agreement has columns' });
      }
      if (input.version !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['version'], message: 'only an agreement has versions' });
      }
    }
  });
export type DocumentExportInput = z.input<typeof documentExportInput>;

export const documentExportResult = z.object({
  /** True when the user closed the save dialog; nothing was written. */
  cancelled: z.boolean(),
  /** The file written, or null when cancelled. */
  path: z.string().nullable(),
  /** Its size in bytes (0 when cancelled). */
  bytes: z.number().int(),
});
export type DocumentExportResult = z.infer<typeof documentExportResult>;

export const documentsContract = {
  'documents.export': method({
    kind: 'task',
    input: documentExportInput,
    output: documentExportResult,
    doc: 'Writes a Word document of a letter, agreement, partner briefing, event brief or activity report, through the save dialog or to a given path.',
  }),
} as const;
