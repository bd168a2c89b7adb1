/**
 * Lists to Excel: the letters, partners, contacts, events or waiting approvals a screen shows,
 * with the screen's own filter, as an .xlsx sheet in the user's language and calendar
 * (Persian sheets right to left). An export of partners, contacts or letters imports back.
 */
import { z } from 'zod';
import { method } from './define';
import { CALENDARS, LOCALES } from './system.contract';
import { contactListInput } from './contacts.contract';
import { eventListInput } from './events.contract';
import { letterListInput } from './letters.contract';
import { partnerListInput } from './partners.contract';
import { LIMITS, id, text } from './schema';

export const EXPORT_LISTS = ['letters', 'partners', 'contacts', 'events', 'approvals'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** The waiting approvals as the Approvals screen lists them. */
const approvalsFilter = z.strictObject({ authorityId: id.optional() });

const common = {
  /** The sheet's language: its headers, its names, its direction. */
  language: z.enum(LOCALES),
  /** The calendar of its dates; omitted, Jalali for Persian and Gregorian for English. */
  calendar: z.enum(CALENDARS).optional(),
  /** Where to write; omitted, the user chooses in the save dialog. */
  path: text(LIMITS.path).optional(),
};

/** The filter is the list method's own input; its paging is ignored (every matching row is written). */
export const exportListInput = z.discriminatedUnion('list', [
  z.strictObject({ list: z.literal('letters'), filter: letterListInput.prefault({}), ...common }),
  z.strictObject({ list: z.literal('partners'), filter: partnerListInput.prefault({}), ...common }),
  z.strictObject({ list: z.literal('contacts'), filter: contactListInput.prefault({}), ...common }),
  z.strictObject({ list: z.literal('events'), filter: eventListInput.prefault({}), ...common }),
  z.strictObject({ list: z.literal('approvals'), filter: approvalsFilter.prefault({}), ...common }),
]);
export type ExportListInput = z.input<typeof exportListInput>;

export const exportListResult = z.object({
  /** True when the user closed the save dialog or stopped the export; nothing was written. */
  cancelled: z.boolean(),
  path: z.string().nullable(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportListResult = z.infer<typeof exportListResult>;

export const exportContract = {
  'export.list': method({
    kind: 'task',
    input: exportListInput,
    output: exportListResult,
    doc: 'Writes every row of a filtered list to an .xlsx sheet, through the save dialog or to a given path; recorded in the audit trail.',
  }),
} as const;
