/**
 * Reading one sheet row field by field: each cell as the value its field needs, the value
 * as it would be stored (for the preview), and a problem for each cell that cannot be read;
 * then the create method's own schema over the whole row.
 */
import type { z } from 'zod';
import { contactCreateInput } from '../../../../shared/api/contacts.contract';
import type {
  ImportMapping,
  ImportProblem,
  ImportProblemCode,
  ImportTarget,
} from '../../../../shared/api/import.contract';
import { letterCreateInput } from '../../../../shared/api/letters.contract';
import { partnerCreateInput } from '../../../../shared/api/partners.contract';
import { cellText, type Cell, type SheetRow } from './import-file';
import { readBoolean, readDate, readNumber, type CalendarChoice } from './import-values';

const SCHEMAS = {
  partners: partnerCreateInput,
  contacts: contactCreateInput,
  letters: letterCreateInput,
} as const;

/** The field a schema path belongs to. */
const PATH_FIELD: Record<string, string> = { parentId: 'parent', partnerId: 'partner' };

/** Splits a cell holding several values (emails, phones, languages). */
export function splitList(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/[,;،؛\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class RowReader {
  readonly problems: ImportProblem[] = [];
  readonly values: Record<string, string | null> = {};
  readonly unmatched: { field: 'from' | 'to'; name: string }[] = [];

  constructor(
    readonly row: SheetRow,
    readonly mapping: ImportMapping,
    readonly calendar: CalendarChoice,
  ) {}

  cell(field: string): Cell {
    const column = this.mapping[field];
    return column === undefined ? null : (this.row.cells[column] ?? null);
  }

  text(field: string): string | null {
    const value = cellText(this.cell(field));
    this.values[field] = value;
    return value;
  }

  problem(field: string | null, code: ImportProblemCode, message: string): void {
    const value = field === null ? null : cellText(this.cell(field));
    this.problems.push({ row: this.row.n, field, code, message, value });
  }

  date(field: string, required = false): string | null | undefined {
    const cell = this.cell(field);
    if (cellText(cell) === null) {
      this.values[field] = null;
      if (required) this.problem(field, 'required', 'A date is needed here.');
      return undefined;
    }
    const iso = readDate(cell, this.calendar);
    this.values[field] = iso;
    if (iso === null) this.problem(field, 'date', 'Not a date (year first, Jalali or Gregorian).');
    return iso ?? undefined;
  }

  number(field: string): number | undefined {
    const cell = this.cell(field);
    if (cellText(cell) === null) return undefined;
    const n = readNumber(cell);
    this.values[field] = n === null ? cellText(cell) : String(n);
    if (n === null) this.problem(field, 'number', 'Not a number.');
    return n ?? undefined;
  }

  boolean(field: string): boolean | undefined {
    const cell = this.cell(field);
    if (cellText(cell) === null) return undefined;
    const b = readBoolean(cell);
    this.values[field] = b === undefined ? cellText(cell) : String(b);
    if (b === undefined) this.problem(field, 'choice', 'Not yes or no.');
    return b;
  }

  choice<T extends string>(field: string, choices: { read(text: string): T | undefined }): T | undefined {
    const text = this.text(field);
    if (text === null) return undefined;
    const value = choices.read(text);
    if (value === undefined) this.problem(field, 'choice', `“${text}” is not one of the choices.`);
    else this.values[field] = value;
    return value;
  }

  /** Validates the create input with the method's own schema; answers the parsed input. */
  parse<T extends ImportTarget>(
    target: T,
    raw: Record<string, unknown>,
  ): z.output<(typeof SCHEMAS)[T]> | null {
    const result = SCHEMAS[target].safeParse(raw);
    if (result.success) return result.data as z.output<(typeof SCHEMAS)[T]>;
    // A field already reported (an empty date, an unknown choice) is not reported twice.
    const seen = new Set<string>(this.problems.map((p) => String(p.field)));
    for (const issue of result.error.issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      const field = key === null ? null : (PATH_FIELD[key] ?? key);
      if (seen.has(String(field))) continue;
      seen.add(String(field));
      const required =
        issue.message === 'required' ||
        (issue.code === 'invalid_type' && /received undefined/.test(issue.message));
      this.problem(field, required ? 'required' : 'invalid', issue.message);
    }
    return null;
  }
}
