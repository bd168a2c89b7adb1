/**
 * export.list: every row of a filtered list, read through the list's own query handler (so
 * the sheet holds exactly what the screen's filter finds), written to an .xlsx sheet: right
 * to left for Persian, the header bold and frozen, dates in the user's calendar.
 *
 * Dates: a Jalali sheet writes them as text such as ۱۴۰۴/۰۲/۱۵ (Persian digits in a Persian
 * sheet), which is what Persian offices type and what the import reads back; a Gregorian
 * sheet writes real Excel dates, which sort and filter in Excel and import back as they are.
 * The export is recorded in the audit trail with its list, filter and file name.
 */
import { basename, dirname, extname, isAbsolute } from 'node:path';
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { exportListInput, ExportList, ExportListResult } from '../../../../shared/api/export.contract';
import { toJalali, todayIso } from '../../../../shared/dates/jalali';
import { toPersianDigits } from '../../../../shared/text/digits';
import type { TaskContext, TaskDone } from '../context';
import { writeAtomically } from '../documents/document-file';
import { withReader, type HandlerTable, type Reader } from '../documents/reader';
import { invalid } from '../errors';
import { defineHandlers } from '../registrar';
import { columnsOf, type Column, type ExportValue, type Language } from './export.columns';

type ExportInput = z.output<typeof exportListInput>;

const PAGE = 500;

const SHEET_NAMES: Record<ExportList, [fa: string, en: string]> = {
  letters: ['نامه‌ها', 'Letters'],
  partners: ['طرف‌ها', 'Partners'],
  contacts: ['افراد', 'Contacts'],
  events: ['رویدادها', 'Events'],
  approvals: ['مجوزهای در انتظار', 'Waiting approvals'],
};

class Stopped extends Error {}

/** Every item the list's filter finds, page by page, in one read-only transaction. */
async function readAll(reader: Reader, input: ExportInput, ctx: TaskContext): Promise<unknown[]> {
  if (input.list === 'approvals') {
    return reader.query('approvals.waiting', { limit: 500, ...input.filter });
  }
  const items: unknown[] = [];
  for (let offset = 0; ; offset += PAGE) {
    if (ctx.cancelled) throw new Stopped();
    const page =
      input.list === 'letters'
        ? await reader.query('letters.list', { ...input.filter, limit: PAGE, offset })
        : input.list === 'partners'
          ? await reader.query('partners.list', { ...input.filter, limit: PAGE, offset })
          : input.list === 'contacts'
            ? await reader.query('contacts.list', { ...input.filter, limit: PAGE, offset })
            : await reader.query('events.list', { ...input.filter, limit: PAGE, offset });
    items.push(...page.items);
    ctx.progress('read', items.length, page.total);
    if (page.items.length < PAGE || items.length >= page.total) return items;
  }
}

function jalaliText(iso: string, language: Language): string {
  const { year, month, day } = toJalali(iso);
  const text = `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
  return language === 'fa' ? toPersianDigits(text) : text;
}

function cellValue(value: ExportValue, date: boolean, calendar: 'jalali' | 'gregorian', language: Language) {
  if (value === null || value === '') return null;
  if (!date || typeof value !== 'string') return value;
  if (calendar === 'jalali') return jalaliText(value, language);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The workbook's bytes. */
async function buildWorkbook(
  list: ExportList,
  items: unknown[],
  language: Language,
  calendar: 'jalali' | 'gregorian',
  creator: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  const sheet = workbook.addWorksheet(SHEET_NAMES[list][language === 'fa' ? 0 : 1], {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, rightToLeft: language === 'fa' }],
  });
  const columns = columnsOf(list, language) as Column<unknown>[];
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    ...(c.date && calendar === 'gregorian' && { style: { numFmt: 'yyyy-mm-dd' } }),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', readingOrder: language === 'fa' ? 'rtl' : 'ltr' };
  for (const item of items) {
    sheet.addRow(columns.map((c) => cellValue(c.value(item), c.date === true, calendar, language)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Refuses a path that cannot take the sheet. */
async function checkTarget(path: string): Promise<void> {
  if (!isAbsolute(path)) throw invalid('The file’s path must be a full path.', ['path']);
  if (extname(path).toLowerCase() !== '.xlsx')
    throw invalid('An Excel workbook’s name ends in .xlsx.', ['path']);
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) throw invalid(`The folder ${dirname(path)} does not exist.`, ['path']);
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isFile())
    throw invalid(`${basename(path)} is not a file that can be replaced.`, ['path']);
}

async function chooseTarget(ctx: TaskContext, list: ExportList, language: Language): Promise<string | null> {
  const today = todayIso(ctx.now);
  const day = language === 'fa' ? jalaliText(today, 'en').replace(/\//g, '-') : today;
  const chosen = await ctx.platform.chooseSavePath({
    title: language === 'fa' ? 'ذخیره فهرست در Excel' : 'Save the list as Excel',
    defaultName: `${SHEET_NAMES[list][language === 'fa' ? 0 : 1]} ${day}.xlsx`,
    filters: [{ name: language === 'fa' ? 'کارپوشه Excel' : 'Excel workbook', extensions: ['xlsx'] }],
  });
  if (chosen === null) return null;
  return extname(chosen).toLowerCase() === '.xlsx' ? chosen : `${chosen}.xlsx`;
}

const CANCELLED: TaskDone<ExportListResult> = {
  value: { cancelled: true, path: null, rows: 0, bytes: 0 },
  audit: null,
};

async function exportList(
  handlers: HandlerTable,
  ctx: TaskContext,
  input: ExportInput,
): Promise<TaskDone<ExportListResult>> {
  if (input.path !== undefined) await checkTarget(input.path);
  const calendar = input.calendar ?? (input.language === 'fa' ? 'jalali' : 'gregorian');
  ctx.progress('read', 0, 1);
  let items: unknown[];
  try {
    items = await withReader(handlers, ctx, (reader) => readAll(reader, input, ctx));
  } catch (error) {
    if (error instanceof Stopped) return CANCELLED;
    throw error;
  }
  if (ctx.cancelled) return CANCELLED;
  ctx.progress('build', items.length, items.length);
  const bytes = await buildWorkbook(input.list, items, input.language, calendar, 'City Diplomacy Desk');
  if (ctx.cancelled) return CANCELLED;
  const target = input.path ?? (await chooseTarget(ctx, input.list, input.language));
  if (target === null) return CANCELLED;
  if (input.path === undefined) await checkTarget(target);
  ctx.progress('save', items.length, items.length);
  await writeAtomically(target, bytes);
  const { limit: _limit, offset: _offset, ...filter } = input.filter as Record<string, unknown>;
  return {
    value: { cancelled: false, path: target, rows: items.length, bytes: bytes.length },
    audit: {
      entity: 'export',
      entityId: null,
      before: null,
      after: {
        list: input.list,
        filter,
        language: input.language,
        calendar,
        file: basename(target),
        rows: items.length,
      },
    },
  };
}

/** `handlers` are the domains' own, through which the lists are read. */
export function exportHandlers(handlers: HandlerTable) {
  return defineHandlers({
    'export.list': (ctx, input) => exportList(handlers, ctx, input),
  });
}
