/**
 * Reading the file an import comes from: an .xlsx workbook (exceljs) or a CSV file, into
 * sheets of plain cells with the row numbers a spreadsheet program shows. The file's content
 * decides what it is, not its name: a password-protected workbook (an OLE compound file with
 * EncryptionInfo and EncryptedPackage streams, as Office writes it), an Excel 97–2003 file or
 * a damaged zip each answer a clear error before anything else happens.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute } from 'node:path';
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '../../../../shared/api/import.contract';
import { bufferSource } from '../attachments/byte-source';
import { CFB_SIGNATURE, CfbFormatError, listCfbNames } from '../attachments/cfb-reader';
import { DeskError, invalid, notFound } from '../errors';
import { decodeCsv, parseCsv, type CsvEncoding } from './import-csv';

/** A cell as read: text, a number, a truth value, a date (Excel date cells), or empty. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number as the spreadsheet program shows it. */
  n: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  /** The first non-empty row, as text. */
  header: string[];
  /** The non-empty rows below the header. */
  rows: SheetRow[];
}

export interface ImportBook {
  format: 'xlsx' | 'csv';
  encoding: CsvEncoding | null;
  separator: string | null;
  sheets: Sheet[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

const unsupported = (message: string) => new DeskError('UNSUPPORTED_FILE', message);

/** Reads the file at `path`; every way it can be unusable answers a DeskError. */
export async function readImportFile(path: string, encoding: 'auto' | CsvEncoding): Promise<ImportBook> {
  if (!isAbsolute(path)) throw invalid('The file path must be a full path.', ['path']);
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw invalid(`${name} is not a file.`, ['path']);
    size = s.size;
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw notFound('File', path);
  }
  if (size === 0) throw unsupported(`${name} is empty.`);
  if (size > IMPORT_LIMITS.fileBytes) {
    throw unsupported(
      `${name} is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB; split it into smaller files.`,
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  if (startsWith(bytes, CFB_SIGNATURE)) return refuseCompound(name, bytes);
  if (startsWith(bytes, ZIP_SIGNATURE))
    return { format: 'xlsx', encoding: null, separator: null, sheets: await readXlsx(name, bytes) };
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') {
    throw new DeskError('CORRUPT', `${name} is damaged or is not an Excel workbook.`);
  }
  if (bytes.includes(0)) throw unsupported(`${name} is not a text (CSV) file or an Excel workbook.`);
  const decoded = decodeCsv(bytes, encoding);
  const { rows, separator } = parseCsv(decoded.text);
  return {
    format: 'csv',
    encoding: decoded.encoding,
    separator,
    sheets: [
      toSheet(
        basename(path, extname(path)) || name,
        rows.map((cells, i) => ({ n: i + 1, cells })),
        name,
      ),
    ],
  };
}

async function refuseCompound(name: string, bytes: Uint8Array): Promise<never> {
  let names: string[];
  try {
    names = await listCfbNames(bufferSource(bytes));
  } catch (error) {
    if (error instanceof CfbFormatError) throw new DeskError('CORRUPT', `${name} is damaged.`);
    throw error;
  }
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) {
    throw unsupported(
      `${name} is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again, then import that copy.`,
    );
  }
  throw unsupported(`${name} is an Excel 97–2003 file; open it in Excel and save it as an .xlsx workbook.`);
}

type XlsxValue = ExcelJS.CellValue | undefined;

/** A cell of exceljs as plain data: rich text joined, a formula's result, a link's text. */
function plainCell(value: XlsxValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCell(value.result as XlsxValue);
  if ('hyperlink' in value) return plainCell(value.text as XlsxValue);
  return null;
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new DeskError('CORRUPT', `${name} is damaged or is not an Excel workbook.`);
  }
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.rowCount > IMPORT_LIMITS.rows + 1) {
      throw unsupported(
        `The sheet “${worksheet.name}” has more than ${IMPORT_LIMITS.rows} rows; split it into smaller files.`,
      );
    }
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as XlsxValue[];
      const cells: Cell[] = [];
      const last = Math.min(values.length - 1, IMPORT_LIMITS.columns);
      for (let c = 1; c <= last; c += 1) cells.push(plainCell(values[c]));
      rows.push({ n, cells });
    });
    sheets.push(toSheet(worksheet.name, rows, name));
  }
  if (sheets.length === 0) throw unsupported(`${name} has no worksheets.`);
  return sheets;
}

function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Splits off the header (the first non-empty row) and drops empty rows, keeping row numbers. */
function toSheet(sheetName: string, all: SheetRow[], fileName: string): Sheet {
  const rows = all.filter((r) => !r.cells.every(isBlank));
  if (rows.length - 1 > IMPORT_LIMITS.rows) {
    throw unsupported(`${fileName} has more than ${IMPORT_LIMITS.rows} rows; split it into smaller files.`);
  }
  const [head, ...body] = rows;
  if (head && head.cells.length > IMPORT_LIMITS.columns) {
    throw unsupported(`${fileName} has more than ${IMPORT_LIMITS.columns} columns.`);
  }
  return { name: sheetName, header: (head?.cells ?? []).map((c) => cellText(c) ?? ''), rows: body };
}

/** A cell as trimmed text (ASCII digits for numbers, YYYY-MM-DD for dates); null when empty. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === '' ? null : text;
}
