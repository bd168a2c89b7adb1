/**
 * Importing an office's older registers from Excel (.xlsx) and CSV files: partners, their
 * contacts and letters. A preview proposes how the sheet's columns map onto the desk's fields
 * and validates every row with the same rules as registering one by hand; the import itself
 * writes all rows or none (or, if asked, every good row) and names each refused row and why.
 */
import { z } from 'zod';
import { method } from './define';
import { LIMITS, id, text } from './schema';

export const IMPORT_TARGETS = ['partners', 'contacts', 'letters'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** The desk's fields a column can fill, per target, in the order the mapping screen shows them. */
export const IMPORT_FIELDS = {
  partners: [
    'nameFa',
    'nameEn',
    'kind',
    'orgType',
    'nameNative',
    'nativeLanguage',
    'country',
    'latitude',
    'longitude',
    'parent',
    'website',
    'notes',
    'own',
  ],
  contacts: ['nameFa', 'nameEn', 'partner', 'title', 'position', 'emails', 'phones', 'languages', 'notes'],
  letters: [
    'number',
    'direction',
    'letterDate',
    'subject',
    'from',
    'to',
    'senderNumber',
    'senderDate',
    'body',
    'secretariat',
    'language',
    'classification',
    'urgency',
    'channel',
    'attachmentsCount',
    'needsReply',
    'followUpDate',
  ],
} as const satisfies Record<ImportTarget, readonly string[]>;
export type ImportField<T extends ImportTarget = ImportTarget> = (typeof IMPORT_FIELDS)[T][number];

/** Fields a row cannot do without; a mapping that leaves one of them out is refused. */
export const REQUIRED_IMPORT_FIELDS: Record<ImportTarget, readonly string[]> = {
  partners: ['nameFa'],
  contacts: ['nameFa'],
  letters: ['direction', 'letterDate', 'subject', 'from', 'to'],
};

/** How the file's text is encoded; `auto` takes valid UTF-8 as UTF-8 and anything else as Windows-1256. */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1256'] as const;
/** Which calendar dates are in; `auto` decides per value by its year (1300–1500 is Jalali). */
export const IMPORT_CALENDARS = ['auto', 'jalali', 'gregorian'] as const;
export const IMPORT_MODES = ['all-or-nothing', 'skip-bad'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Limits of one import, so a mistaken file cannot exhaust the workstation. */
export const IMPORT_LIMITS = {
  /** Bytes of the file. */
  fileBytes: 40 * 1024 * 1024,
  /** Data rows of the sheet imported. */
  rows: 100_000,
  columns: 200,
  /** Rows the preview shows as they would be imported. */
  sampleRows: 20,
  /** Problems listed in full; the total is always given. */
  problems: 1_000,
} as const;

/**
 * Why a row is refused, as a code the screens translate; `message` carries the detail in
 * English. `required`: a needed value is empty; `date`: not a date; `choice`: not one of the
 * allowed values; `number`: not a number; `partner_not_found` / `partner_ambiguous`: the named
 * partner does not exist or more than one has that name; `duplicate`: already in the desk or
 * earlier in the file; `register_number`: a register number that does not follow the office's
 * pattern or year, or is already taken; `invalid`: any other rule of the record.
 */
export const IMPORT_PROBLEM_CODES = [
  'required',
  'date',
  'choice',
  'number',
  'partner_not_found',
  'partner_ambiguous',
  'duplicate',
  'register_number',
  'invalid',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export const importProblem = z.object({
  /** The row number as the spreadsheet program shows it (the header is row 1). */
  row: z.number().int(),
  /** The desk field at fault, or null for the row as a whole. */
  field: z.string().nullable(),
  code: z.enum(IMPORT_PROBLEM_CODES),
  message: z.string(),
  /** The cell's text as read from the file. */
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblem>;

/** Which column (0-based) fills each desk field; fields left out stay empty. */
export const importMapping = z.record(z.string().max(40), z.number().int().min(0).max(IMPORT_LIMITS.columns));
export type ImportMapping = z.infer<typeof importMapping>;

const importSource = {
  /** The file to read; omitted, the user chooses it in the open dialog. */
  path: text(LIMITS.path).optional(),
  target: z.enum(IMPORT_TARGETS),
  /** The worksheet of an .xlsx; omitted, the first one. */
  sheet: text(LIMITS.short).optional(),
  /** The mapping to use; omitted, the one guessed from the header row. */
  mapping: importMapping.optional(),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  calendar: z.enum(IMPORT_CALENDARS).default('auto'),
};

export const importPreviewInput = z.strictObject(importSource);
export type ImportPreviewInput = z.input<typeof importPreviewInput>;

export const importPreview = z.object({
  path: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  /** The text encoding a CSV was read in; null for .xlsx. */
  encoding: z.enum(['utf-8', 'windows-1256']).nullable(),
  /** The separator a CSV uses; null for .xlsx. */
  separator: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string(),
  /** The header row's cells as text. */
  headers: z.array(z.string()),
  /** The target's fields in order, and which the import cannot do without. */
  fields: z.array(z.object({ key: z.string(), required: z.boolean() })),
  /** The mapping used: the one given, or the one guessed from the headers. */
  mapping: importMapping,
  /** Data rows in the sheet (not counting the header). */
  rows: z.number().int(),
  /** Rows that would be imported. */
  valid: z.number().int(),
  /** The first rows as they would be imported: each field's value as the desk would store it. */
  sample: z.array(
    z.object({
      row: z.number().int(),
      ok: z.boolean(),
      values: z.record(z.string(), z.string().nullable()),
    }),
  ),
  problems: z.array(importProblem),
  /** All problems in the file; `problems` lists the first of them. */
  problemsTotal: z.number().int(),
  /** Rows with at least one problem. */
  refusedRows: z.number().int(),
  /**
   * Letters: senders and addressees named by a name no partner or contact has; they are kept
   * as written text. The most frequent first, with the number of rows naming each.
   */
  unmatched: z.array(z.object({ field: z.string(), name: z.string(), rows: z.number().int() })),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importRunInput = z.strictObject({
  ...importSource,
  path: text(LIMITS.path),
  mapping: importMapping,
  mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
  /** Chosen by the caller so that it can ask import.cancel to stop this run. */
  runId: id.optional(),
});
export type ImportRunInput = z.input<typeof importRunInput>;

export const importReport = z.object({
  /** Named in the audit row of every record written. */
  importId: id,
  fileName: z.string(),
  target: z.enum(IMPORT_TARGETS),
  mode: z.enum(IMPORT_MODES),
  rows: z.number().int(),
  /** Records written. */
  imported: z.number().int(),
  /** Rows refused: in all-or-nothing mode any refusal means nothing was written. */
  refusedRows: z.number().int(),
  problems: z.array(importProblem),
  problemsTotal: z.number().int(),
  /** True when the import was stopped before it finished; nothing was written then. */
  cancelled: z.boolean(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importContract = {
  'import.preview': method({
    kind: 'task',
    input: importPreviewInput,
    output: z.object({ cancelled: z.boolean(), preview: importPreview.nullable() }),
    doc: 'Reads an .xlsx or .csv file (chosen in the open dialog unless given), proposes a column mapping and validates every row; writes nothing.',
  }),
  'import.run': method({
    kind: 'task',
    input: importRunInput,
    output: importReport,
    doc: 'Validates every row, then writes all of them or none (or every good row in skip-bad mode), each with an audit row naming the import.',
  }),
  // A task, not a query: a query waits for the connection, which the running import holds.
  'import.cancel': method({
    kind: 'task',
    input: z.strictObject({ runId: id }),
    output: z.object({ running: z.boolean() }),
    doc: 'Asks a running import to stop; it then writes nothing.',
  }),
} as const;
