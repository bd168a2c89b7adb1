/**
 * import.preview, import.run and import.cancel. The file is read once per path and version
 * (a small cache keyed by size and modification time), so changing the mapping on the
 * preview screen does not read a large workbook again.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import {
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  REQUIRED_IMPORT_FIELDS,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportReport,
  type ImportTarget,
  type importPreviewInput,
  type importRunInput,
} from '../../../../shared/api/import.contract';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit, auditHead } from '../audit/audit.repository';
import type { TaskContext } from '../context';
import type { Database } from '../db/tables';
import { invalid } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import type { HandlerTable } from '../sample/sample.invoke';
import { readImportFile, type ImportBook, type Sheet, type SheetRow } from './import-file';
import type { CalendarChoice } from './import-values';
import { guessMapping } from './import.fields';
import { readLookups, registeredNumbers } from './import.lookups';
import { prepareRows, refuseRegistered, type PreparedRow } from './import.rows';
import { ImportAbort, writeRows } from './import.write';

type PreviewInput = z.output<typeof importPreviewInput>;
type RunInput = z.output<typeof importRunInput>;

const ENTITY = { partners: 'partner', contacts: 'contact', letters: 'letter' } as const;

/**
 * One workbook kept between calls: the last file read, while it is unchanged, and for a few
 * minutes after its last use only (a large register would otherwise stay in memory all day).
 */
class BookCache {
  static readonly KEEP_MS = 5 * 60_000;
  #key: string | null = null;
  #book: Promise<ImportBook> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  async read(path: string, encoding: PreviewInput['encoding']): Promise<ImportBook> {
    const s = await stat(path).catch(() => null);
    const key = s ? `${path}|${s.size}|${s.mtimeMs}|${encoding}` : null;
    this.#forgetLater();
    if (key !== null && key === this.#key && this.#book) return this.#book;
    const book = readImportFile(path, encoding);
    this.#key = key;
    this.#book = book;
    book.catch(() => {
      if (this.#book === book) this.#key = this.#book = null;
    });
    return book;
  }

  #forgetLater(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#key = this.#book = null), BookCache.KEEP_MS);
    this.#timer.unref();
  }
}

function pickSheet(book: ImportBook, name: string | undefined): Sheet {
  const sheet = name === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === name);
  if (!sheet) throw invalid(`The file has no sheet named “${name}”.`, ['sheet']);
  return sheet;
}

/** A given mapping must name the target's fields and columns the sheet has. */
function checkMapping(target: PreviewInput['target'], mapping: ImportMapping, sheet: Sheet): void {
  const fields: readonly string[] = IMPORT_FIELDS[target];
  const width = Math.max(sheet.header.length, ...sheet.rows.slice(0, 100).map((r) => r.cells.length));
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.includes(field)) throw invalid(`${field} is not a field of ${target}.`, ['mapping', field]);
    if (column >= width) throw invalid(`The sheet has no column ${column + 1}.`, ['mapping', field]);
  }
}

function summarise(rows: PreparedRow[], extra: ImportProblem[] = []) {
  const all = [...rows.flatMap((r) => r.problems), ...extra].sort((a, b) => a.row - b.row);
  const refused = new Set(all.map((p) => p.row));
  return {
    problems: all.slice(0, IMPORT_LIMITS.problems),
    problemsTotal: all.length,
    refusedRows: refused.size,
  };
}

async function chooseFile(ctx: TaskContext): Promise<string | null> {
  const chosen = await ctx.platform.chooseFiles({
    title: 'Import',
    filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'txt'] }],
  });
  return chosen?.[0] ?? null;
}

/** Every row of the sheet prepared and checked against the desk, in order. */
async function checkRows(
  db: Kysely<Database> | Transaction<Database>,
  target: ImportTarget,
  sheetRows: readonly SheetRow[],
  mapping: ImportMapping,
  calendar: CalendarChoice,
): Promise<PreparedRow[]> {
  const rows = prepareRows(target, sheetRows, mapping, calendar, await readLookups(db, target));
  if (target === 'letters') {
    const kept = rows.flatMap((r) => (r.kept ? [r.kept] : []));
    refuseRegistered(rows, await registeredNumbers(db, kept));
  }
  return rows;
}

async function preview(
  ctx: TaskContext,
  cache: BookCache,
  input: PreviewInput,
): Promise<ImportPreview | null> {
  const path = input.path ?? (await chooseFile(ctx));
  if (path === null) return null;
  ctx.progress('read', 0, 2);
  const book = await cache.read(path, input.encoding);
  const sheet = pickSheet(book, input.sheet);
  const mapping = input.mapping ?? guessMapping(input.target, sheet.header);
  checkMapping(input.target, mapping, sheet);
  ctx.progress('check', 1, 2);
  const rows = await ctx.db
    .transaction()
    .setAccessMode('read only')
    .execute((tx) => checkRows(tx, input.target, sheet.rows, mapping, input.calendar));
  ctx.progress('check', 2, 2);
  const required = REQUIRED_IMPORT_FIELDS[input.target];
  return {
    path,
    fileName: basename(path),
    format: book.format,
    encoding: book.encoding,
    separator: book.separator,
    sheets: book.sheets.map((s) => s.name),
    sheet: sheet.name,
    headers: sheet.header,
    fields: IMPORT_FIELDS[input.target].map((key) => ({ key, required: required.includes(key) })),
    mapping,
    rows: rows.length,
    valid: rows.filter((r) => r.input !== null).length,
    sample: rows
      .slice(0, IMPORT_LIMITS.sampleRows)
      .map((r) => ({ row: r.n, ok: r.input !== null, values: r.values })),
    ...summarise(rows),
    unmatched: unmatchedNames(rows),
  };
}

/** The names kept as text, by side, most frequent first. */
function unmatchedNames(rows: PreparedRow[]): ImportPreview['unmatched'] {
  const counts = new Map<string, { field: string; name: string; rows: number }>();
  for (const row of rows) {
    for (const { field, name } of row.unmatched ?? []) {
      const key = `${field}\n${name}`;
      const entry = counts.get(key) ?? { field, name, rows: 0 };
      entry.rows += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name))
    .slice(0, IMPORT_LIMITS.problems);
}

async function run(
  handlers: HandlerTable,
  ctx: TaskContext,
  cache: BookCache,
  stops: Set<string>,
  input: RunInput,
): Promise<ImportReport> {
  const importId = newId();
  const fileName = basename(input.path);
  const cancelled = () => ctx.cancelled || (input.runId !== undefined && stops.has(input.runId));
  ctx.progress('read', 0, 1);
  const book = await cache.read(input.path, input.encoding);
  const sheet = pickSheet(book, input.sheet);
  checkMapping(input.target, input.mapping, sheet);
  for (const field of REQUIRED_IMPORT_FIELDS[input.target]) {
    if (input.mapping[field] === undefined)
      throw invalid(`Choose the column that holds ${field}.`, ['mapping', field]);
  }
  if (sheet.rows.length === 0) throw invalid('The sheet has no rows below its header.', ['sheet']);
  const report = (fields: Partial<ImportReport>): ImportReport => ({
    importId,
    fileName,
    target: input.target,
    mode: input.mode,
    rows: sheet.rows.length,
    imported: 0,
    refusedRows: 0,
    problems: [],
    problemsTotal: 0,
    cancelled: false,
    ...fields,
  });
  const prepare = (db: Kysely<Database> | Transaction<Database>) =>
    checkRows(db, input.target, sheet.rows, input.mapping, input.calendar);
  try {
    // The rows are checked before the write transaction, so other calls are not kept waiting
    // for that; the transaction checks them again only when the desk changed meanwhile (every
    // change leaves an audit row, so an unchanged head of the chain means an unchanged desk).
    ctx.progress('check', 0, sheet.rows.length);
    const early = await ctx.db
      .transaction()
      .setAccessMode('read only')
      .execute(async (tx) => ({ head: await auditHead(tx), rows: await prepare(tx) }));
    ctx.progress('check', sheet.rows.length, sheet.rows.length);
    // Calls that came in during the checks go first.
    await new Promise((resolve) => setImmediate(resolve));
    const result = await ctx.transaction(async (tx) => {
      const head = await auditHead(tx);
      const unchanged = head?.seq === early.head?.seq && head?.hash === early.head?.hash;
      const rows = unchanged ? early.rows : await prepare(tx);
      const checked = summarise(rows);
      if (input.mode === 'all-or-nothing' && checked.problemsTotal > 0) return report(checked);
      if (cancelled()) throw new ImportAbort('cancelled');
      const { written, problems } = await writeRows(handlers, ctx, tx, rows, {
        target: input.target,
        mode: input.mode,
        importId,
        fileName,
        cancelled,
      });
      const done = report({ ...summarise(rows, problems), imported: written });
      if (written > 0) {
        await appendAuditSummary(ctx, tx, done);
      }
      return done;
    });
    if (result.imported > 0) {
      ctx.announce(ENTITY[input.target]);
      ctx.announce('import');
    }
    return result;
  } catch (error) {
    if (!(error instanceof ImportAbort)) throw error;
    if (error.reason === 'cancelled') return report({ cancelled: true });
    const problems = error.problem ? [error.problem] : [];
    return report({ problems, problemsTotal: problems.length, refusedRows: problems.length });
  } finally {
    if (input.runId !== undefined) stops.delete(input.runId);
  }
}

/** The import itself in the audit trail, after the rows it wrote, in their transaction. */
async function appendAuditSummary(
  ctx: TaskContext,
  tx: Transaction<Database>,
  done: ImportReport,
): Promise<void> {
  await appendAudit(
    tx,
    { action: 'import.run', actor: ctx.actor, workstation: ctx.workstation, tsUtc: ctx.nowIso },
    {
      entity: 'import',
      entityId: done.importId,
      before: null,
      after: {
        file: done.fileName,
        target: done.target,
        mode: done.mode,
        rows: done.rows,
        imported: done.imported,
        refusedRows: done.refusedRows,
      },
    },
  );
}

/** The import methods of one desk: `handlers` are the domains' own create handlers. */
export function importHandlers(handlers: HandlerTable) {
  const cache = new BookCache();
  /** Runs asked to stop; an entry lives until its run ends. */
  const stops = new Set<string>();
  const running = new Set<string>();
  return defineHandlers({
    'import.preview': async (ctx, input) => {
      const result = await preview(ctx, cache, input);
      return { value: { cancelled: result === null, preview: result }, audit: null };
    },
    'import.run': async (ctx, input) => {
      if (input.runId !== undefined) running.add(input.runId);
      try {
        return { value: await run(handlers, ctx, cache, stops, input), audit: null };
      } finally {
        if (input.runId !== undefined) running.delete(input.runId);
      }
    },
    'import.cancel': async (_ctx, input) => {
      const isRunning = running.has(input.runId);
      if (isRunning) stops.add(input.runId);
      return { value: { running: isRunning }, audit: null };
    },
  });
}
