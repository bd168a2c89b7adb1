/**
 * CSV as offices have it: UTF-8 with or without a byte-order mark, or Windows-1256 (what
 * older Persian Excel saves as "CSV"), separated by commas, semicolons or tabs, with quoted
 * fields that may hold separators, doubled quotes and line breaks.
 */
import iconv from 'iconv-lite';
import { IMPORT_LIMITS } from '../../../../shared/api/import.contract';
import { DeskError } from '../errors';

export type CsvEncoding = 'utf-8' | 'windows-1256';

/**
 * The file's text. `auto` reads a byte-order mark or valid UTF-8 as UTF-8 and anything else
 * as Windows-1256: a 1256 file with Persian letters is almost never valid UTF-8, while plain
 * ASCII reads the same either way.
 */
export function decodeCsv(
  bytes: Uint8Array,
  encoding: 'auto' | CsvEncoding,
): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (encoding === 'windows-1256') return { text: from1256(body), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') {
      throw new DeskError(
        'UNSUPPORTED_FILE',
        'The file is not valid UTF-8 text; choose Windows-1256 for it.',
      );
    }
    return { text: from1256(body), encoding: 'windows-1256' };
  }
}

/**
 * Windows-1256 has no Persian ی and ک: Persian files in it use the Arabic ي and ك for them,
 * so the text is read back with the Persian letters a Persian keyboard types today.
 */
function from1256(bytes: Uint8Array): string {
  return iconv
    .decode(Buffer.from(bytes), 'windows-1256')
    .replace(/\u064a/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9');
}

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator used most on the first line outside quotes; a comma when none is. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/** Splits CSV text into records of fields (RFC 4180, plus lone CR or LF line ends). */
export function parseCsv(
  text: string,
  separator = detectSeparator(text),
): { rows: string[][]; separator: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    field = '';
    rows.push(row);
    row = [];
    if (rows.length > IMPORT_LIMITS.rows + 1) {
      throw new DeskError(
        'UNSUPPORTED_FILE',
        `The file has more than ${IMPORT_LIMITS.rows} rows; split it into smaller files.`,
      );
    }
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      row.push(field);
      field = '';
      if (row.length > IMPORT_LIMITS.columns) {
        throw new DeskError('UNSUPPORTED_FILE', `The file has more than ${IMPORT_LIMITS.columns} columns.`);
      }
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return { rows, separator };
}
