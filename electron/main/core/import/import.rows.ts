/**
 * Turning each sheet row into the input of the create method it feeds (partners.create,
 * contacts.create, letters.create), validated with that method's own zod schema, plus the
 * checks that need the whole file or the desk: names of partners, duplicates, the office's
 * classifications and urgencies, register numbers. Nothing here writes.
 */
import type { z } from 'zod';
import type { ImportMapping, ImportProblem, ImportTarget } from '../../../../shared/api/import.contract';
import type { letterCreateInput } from '../../../../shared/api/letters.contract';
import { jalaliYearOf } from '../../../../shared/dates/jalali';
import { formatRegisterNumber, parseRegisterNumber } from '../../../../shared/letters/register-number';
import { compactKey } from '../../../../shared/text/persian';
import { DeskError } from '../errors';
import { checkDates, clean } from '../letters/letter-checks';
import { cellText, type SheetRow } from './import-file';
import { CHOICES } from './import.fields';
import { contactKey, numberKey, type ImportLookups } from './import.lookups';
import { RowReader, splitList } from './import.row-reader';
import type { CalendarChoice } from './import-values';

export interface KeptNumber {
  secretariat: string;
  jalaliYear: number;
  seq: number;
  /** As the pattern writes it (ASCII digits). */
  number: string;
}

export interface PreparedRow {
  /** The row number in the sheet. */
  n: number;
  problems: ImportProblem[];
  /** Each field's value as it would be stored, for the preview. */
  values: Record<string, string | null>;
  /** The create method's parsed input; null when the row is refused. */
  input: unknown;
  /** Partners: the index (among prepared rows) of the row that creates this partner's parent. */
  parentRow?: number;
  /** Letters: the register number the row keeps. */
  kept?: KeptNumber;
  /** Letters: the sides named by a name no partner or contact has, kept as written text. */
  unmatched?: { field: 'from' | 'to'; name: string }[];
}

/** State carried from row to row: names and numbers seen earlier in the file. */
interface FileState {
  /** Partners: the first row of each name (Persian or English) in the whole file. */
  fileNames: Map<string, number>;
  partnerRows: Map<string, number>;
  contactKeys: Set<string>;
  numbers: Set<string>;
}

function preparePartner(r: RowReader, lookups: ImportLookups, state: FileState, index: number): PreparedRow {
  const nameFa = r.text('nameFa');
  const orgType = r.choice('orgType', CHOICES.orgType);
  const kind = r.choice('kind', CHOICES.kind) ?? (r.values.kind == null && orgType ? 'organisation' : 'city');
  r.values.kind = kind;
  let country: string | undefined;
  const countryText = r.text('country');
  if (countryText !== null) {
    country = /^[A-Za-z]{2}$/.test(countryText)
      ? countryText.toUpperCase()
      : lookups.countries.get(compactKey(countryText));
    if (country === undefined) r.problem('country', 'choice', `“${countryText}” is not a country.`);
    else r.values.country = country;
  }
  let parentId: string | undefined;
  let parentRow: number | undefined;
  const parentName = r.text('parent');
  if (parentName !== null) {
    const found = lookups.partners.find(parentName);
    if (found.length === 1) parentId = found[0];
    else if (found.length > 1)
      r.problem('parent', 'partner_ambiguous', `More than one partner is named “${parentName}”.`);
    else {
      // A parent may come anywhere in the file: parents are written before their children.
      parentRow = state.fileNames.get(compactKey(parentName));
      if (parentRow === undefined || parentRow === index) {
        parentRow = undefined;
        r.problem('parent', 'partner_not_found', `No partner is named “${parentName}”.`);
      }
    }
  }
  const raw = {
    kind,
    orgType,
    nameFa: nameFa ?? '',
    nameEn: r.text('nameEn'),
    nameNative: r.text('nameNative'),
    nativeLanguage: r.text('nativeLanguage'),
    country,
    latitude: r.number('latitude'),
    longitude: r.number('longitude'),
    parentId,
    website: r.text('website'),
    notes: r.text('notes'),
    own: r.boolean('own'),
  };
  if (nameFa !== null) {
    const key = compactKey(nameFa);
    if (lookups.partnerNames.has(key))
      r.problem('nameFa', 'duplicate', `A partner named “${nameFa}” is already in the desk.`);
    else if (state.partnerRows.has(key))
      r.problem('nameFa', 'duplicate', `“${nameFa}” is named twice in the file.`);
    else state.partnerRows.set(key, index);
  }
  const input = r.parse('partners', raw);
  return finish(r, input, { parentRow });
}

function prepareContact(r: RowReader, lookups: ImportLookups, state: FileState): PreparedRow {
  const nameFa = r.text('nameFa');
  let partnerId: string | null = null;
  const partnerName = r.text('partner');
  if (partnerName !== null) {
    const found = lookups.partners.find(partnerName);
    if (found.length === 1) partnerId = found[0]!;
    else if (found.length > 1)
      r.problem('partner', 'partner_ambiguous', `More than one partner is named “${partnerName}”.`);
    else r.problem('partner', 'partner_not_found', `No partner is named “${partnerName}”.`);
  }
  const raw = {
    partnerId,
    nameFa: nameFa ?? '',
    nameEn: r.text('nameEn'),
    title: r.text('title'),
    position: r.text('position'),
    emails: splitList(r.text('emails')),
    phones: splitList(r.text('phones')),
    languages: splitList(r.text('languages')),
    notes: r.text('notes'),
  };
  if (nameFa !== null) {
    const key = contactKey(nameFa, partnerId);
    if (lookups.contactKeys.has(key))
      r.problem('nameFa', 'duplicate', `${nameFa} is already a contact there.`);
    else if (state.contactKeys.has(key))
      r.problem('nameFa', 'duplicate', `${nameFa} is named twice in the file.`);
    else state.contactKeys.add(key);
  }
  return finish(r, r.parse('contacts', raw), {});
}

/** A side of a letter: the partner of that name, else the contact, else the text as written. */
function party(r: RowReader, field: 'from' | 'to', lookups: ImportLookups) {
  const name = r.text(field);
  if (name === null) return {};
  const partners = lookups.partners.find(name);
  if (partners.length === 1) return { partnerId: partners[0] };
  const contacts = lookups.contacts.find(name);
  if (partners.length === 0 && contacts.length === 1) return { contactId: contacts[0]!.id };
  // Not an error (a letter may be from anyone), but the preview lists such names.
  r.unmatched.push({ field, name });
  return { text: name };
}

/** An office value (classification, urgency) as the office spells it. */
function officeValue(r: RowReader, field: string, allowed: readonly string[]): string | undefined {
  const text = r.text(field);
  if (text === null) return undefined;
  const found = allowed.find((a) => compactKey(a) === compactKey(text));
  if (found === undefined) r.problem(field, 'choice', `“${text}” is not one of: ${allowed.join('، ')}.`);
  return found ?? text;
}

function prepareLetter(r: RowReader, lookups: ImportLookups, state: FileState): PreparedRow {
  const direction = r.choice('direction', CHOICES.direction);
  if (direction === undefined && r.values.direction === null) {
    r.problem('direction', 'required', 'Incoming, outgoing or internal is needed here.');
  }
  const letterDate = r.date('letterDate', true);
  const attachments = r.number('attachmentsCount');
  const raw = {
    direction,
    secretariat: r.text('secretariat') ?? undefined,
    letterDate,
    senderNumber: r.text('senderNumber'),
    senderDate: r.date('senderDate'),
    from: party(r, 'from', lookups),
    to: party(r, 'to', lookups),
    subject: r.text('subject') ?? '',
    body: r.text('body'),
    language: r.text('language') ?? undefined,
    classification: officeValue(r, 'classification', lookups.classifications),
    urgency: officeValue(r, 'urgency', lookups.urgencies),
    channel: r.choice('channel', CHOICES.channel),
    attachmentsCount: attachments,
    needsReply: r.boolean('needsReply'),
    followUpDate: r.date('followUpDate'),
  };
  const input = r.parse('letters', raw);
  if (input) {
    try {
      checkDates(input.direction, input.letterDate, input.followUpDate ?? null, {
        number: clean(input.senderNumber),
        date: input.senderDate ?? null,
      });
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      const field = error.issues?.[0]?.path[0];
      r.problem(typeof field === 'string' ? field : null, 'invalid', error.message);
    }
  }
  const kept = input ? keptNumber(r, input, lookups, state) : undefined;
  return finish(r, input, { kept });
}

/** The register number a letter row keeps, checked against the pattern, its year and the register. */
function keptNumber(
  r: RowReader,
  input: z.output<typeof letterCreateInput>,
  lookups: ImportLookups,
  state: FileState,
): KeptNumber | undefined {
  const text = r.text('number');
  if (text === null) return undefined;
  const secretariat = clean(input.secretariat) ?? lookups.secretariat;
  const parsed = parseRegisterNumber(lookups.numberPattern, text, secretariat);
  const year = jalaliYearOf(input.letterDate);
  if (parsed === null) {
    r.problem(
      'number',
      'register_number',
      `“${text}” does not follow the office’s pattern ${lookups.numberPattern}.`,
    );
    return undefined;
  }
  if (parsed.year !== null && parsed.year !== year) {
    r.problem(
      'number',
      'register_number',
      `The number is of ${parsed.year} but the letter is dated in ${year}.`,
    );
    return undefined;
  }
  const key = numberKey(secretariat, year, parsed.seq);
  if (state.numbers.has(key)) {
    r.problem('number', 'register_number', alreadyGiven(text));
    return undefined;
  }
  state.numbers.add(key);
  const number = formatRegisterNumber(lookups.numberPattern, { seq: parsed.seq, year, secretariat });
  return { secretariat, jalaliYear: year, seq: parsed.seq, number };
}

const alreadyGiven = (text: string) => `${text} is already given in the register.`;

/**
 * Letters: refuses the rows keeping a number the register already gives (`registered`, from
 * registeredNumbers over the rows' kept numbers), as keptNumber refuses one given earlier in
 * the file. A later row keeping the same number was refused by keptNumber already.
 */
export function refuseRegistered(rows: readonly PreparedRow[], registered: ReadonlySet<string>): void {
  for (const row of rows) {
    const { kept } = row;
    if (!kept || !registered.has(numberKey(kept.secretariat, kept.jalaliYear, kept.seq))) continue;
    const text = row.values.number ?? kept.number;
    row.problems.push({
      row: row.n,
      field: 'number',
      code: 'register_number',
      message: alreadyGiven(text),
      value: text,
    });
    row.input = null;
    delete row.kept;
  }
}

function finish(r: RowReader, input: unknown, extra: Pick<PreparedRow, 'parentRow' | 'kept'>): PreparedRow {
  const ok = input !== null && r.problems.length === 0;
  return {
    n: r.row.n,
    problems: r.problems,
    values: r.values,
    input: ok ? input : null,
    ...(extra.parentRow !== undefined && { parentRow: extra.parentRow }),
    ...(extra.kept !== undefined && { kept: extra.kept }),
    ...(r.unmatched.length > 0 && { unmatched: r.unmatched }),
  };
}

/** Prepares every row of the sheet, in order. */
export function prepareRows(
  target: ImportTarget,
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  calendar: CalendarChoice,
  lookups: ImportLookups,
): PreparedRow[] {
  const state: FileState = {
    fileNames: new Map(),
    partnerRows: new Map(),
    contactKeys: new Set(),
    numbers: new Set(),
  };
  if (target === 'partners') {
    // A parent is named by either of its names, as the export writes it in either language.
    for (const column of [mapping.nameFa, mapping.nameEn]) {
      if (column === undefined) continue;
      rows.forEach((row, index) => {
        const name = cellText(row.cells[column] ?? null);
        if (name !== null && !state.fileNames.has(compactKey(name)))
          state.fileNames.set(compactKey(name), index);
      });
    }
  }
  const prepared = rows.map((row, index) => {
    const r = new RowReader(row, mapping, calendar);
    switch (target) {
      case 'partners':
        return preparePartner(r, lookups, state, index);
      case 'contacts':
        return prepareContact(r, lookups, state);
      case 'letters':
        return prepareLetter(r, lookups, state);
    }
  });
  if (target === 'partners') refuseOrphans(prepared);
  return prepared;
}

/** How many parents in the file stand above a row; null when its parents go round in a circle. */
function depthOf(rows: readonly PreparedRow[], index: number): number | null {
  let depth = 0;
  const seen = new Set<number>([index]);
  for (let at = rows[index]?.parentRow; at !== undefined; at = rows[at]?.parentRow) {
    if (seen.has(at)) return null;
    seen.add(at);
    depth += 1;
  }
  return depth;
}

/** A partner whose parent's row is refused (or whose parents form a circle) is refused too. */
function refuseOrphans(rows: PreparedRow[]): void {
  for (const index of writeOrder(rows, true)) {
    const row = rows[index]!;
    if (row.parentRow === undefined || row.input === null) continue;
    const parent = rows[row.parentRow]!;
    const circle = depthOf(rows, index) === null;
    if (circle || parent.input === null) {
      row.input = null;
      row.problems.push({
        row: row.n,
        field: 'parent',
        code: 'partner_not_found',
        message: circle
          ? 'Its parents in the file form a circle.'
          : `Its parent, on row ${parent.n}, is refused.`,
        value: row.values.parent ?? null,
      });
    }
  }
}

/** The order rows are written in: a partner's parent before it, otherwise the file's order. */
export function writeOrder(rows: readonly PreparedRow[], includeRefused = false): number[] {
  const indices = rows.flatMap((row, i) => (includeRefused || row.input !== null ? [i] : []));
  const depth = new Map(indices.map((i) => [i, depthOf(rows, i) ?? Number.MAX_SAFE_INTEGER]));
  return indices.sort((a, b) => depth.get(a)! - depth.get(b)! || a - b);
}
