/**
 * Writing the prepared rows: each through its domain's own create handler (so every rule,
 * the search index and the register counters behave exactly as for a record typed in),
 * each with its own audit row naming the import, all inside one transaction. In skip-bad
 * mode a row the handler still refuses is rolled back to its savepoint alone; in
 * all-or-nothing mode it takes the whole import back. A cancel takes everything back.
 */
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { ImportMode, ImportProblem, ImportTarget } from '../../../../shared/api/import.contract';
import type { letterCreateInput } from '../../../../shared/api/letters.contract';
import { AuditAppender, type AuditChange } from '../audit/audit.repository';
import type { MutationContext, Mutated, TaskContext } from '../context';
import type { Database } from '../db/tables';
import { toDeskError } from '../errors';
import { knownNames } from '../letters/letter-checks';
import { LetterBatch } from '../letters/letters.batch';
import type { CreateInput } from '../letters/letters.new';
import { createLetter } from '../letters/letters.service';
import { readSettings } from '../settings/settings.repository';
import type { HandlerTable } from '../sample/sample.invoke';
import { writeOrder, type PreparedRow } from './import.rows';

const CREATE_METHOD = {
  partners: 'partners.create',
  contacts: 'contacts.create',
  letters: 'letters.create',
} as const;

/** Thrown to take a whole import back: a refused row in all-or-nothing mode, or a cancel. */
export class ImportAbort extends Error {
  constructor(
    readonly reason: 'cancelled' | 'refused',
    readonly problem: ImportProblem | null = null,
  ) {
    super(reason);
  }
}

export interface WriteOptions {
  target: ImportTarget;
  mode: ImportMode;
  importId: string;
  fileName: string;
  cancelled: () => boolean;
}

/** Creates one row's record; answers what the create handler would answer. */
type RowCreator = (input: unknown, row: PreparedRow) => Promise<Mutated<unknown>>;

/**
 * How the rows of a target are created. Letters go straight to the letters service with
 * what an import of thousands needs: the office's settings read once, partner and contact
 * names read once each, and a kept register number given to the service (not written over
 * the next number afterwards). Partners and contacts go through their create handlers.
 */
async function rowCreator(
  handlers: HandlerTable,
  ctx: MutationContext,
  target: ImportTarget,
): Promise<RowCreator> {
  if (target === 'letters') {
    const letterCtx = { ...ctx, method: CREATE_METHOD.letters };
    const settings = await readSettings(ctx.tx);
    const names = knownNames();
    return (input, row) =>
      createLetter(letterCtx, input as z.output<typeof letterCreateInput>, {
        settings,
        names,
        ...(row.kept !== undefined && { given: row.kept }),
      });
  }
  const method = CREATE_METHOD[target];
  const handler = handlers.get(method) as
    ((ctx: MutationContext, input: unknown) => Promise<Mutated<unknown>>) | undefined;
  if (!handler) throw new Error(`no handler for ${method}`);
  const handlerCtx = { ...ctx, method };
  return (input) => handler(handlerCtx, input);
}

/** Writes one row and its audit row naming the import; answers the new record's id. */
async function writeRow(
  create: RowCreator,
  audit: AuditAppender,
  row: PreparedRow,
  input: unknown,
  options: WriteOptions,
): Promise<string> {
  const result = await create(input, row);
  const id = result.audit.entityId;
  if (id === null) throw new Error(`${CREATE_METHOD[options.target]} answered no id`);
  await audit.append(importedChange(result, row, options));
  return id;
}

/** A row refused while writing, as the report names it; rethrows what is no refusal. */
function refusal(error: unknown, row: PreparedRow): ImportProblem {
  const deskError = toDeskError(error);
  if (deskError.code === 'INTERNAL' || deskError.code === 'STORAGE_FULL' || deskError.code === 'CORRUPT') {
    throw error;
  }
  const field = deskError.issues?.[0]?.path[0];
  return {
    row: row.n,
    field: typeof field === 'string' ? field : null,
    code: 'invalid',
    message: deskError.message,
    value: null,
  };
}

/** The audit change of one imported record: the create's, naming the import and the row. */
function importedChange(result: Mutated<unknown>, row: PreparedRow, options: WriteOptions): AuditChange {
  return {
    ...result.audit,
    after: {
      ...(result.audit.after as object),
      importedFrom: { importId: options.importId, file: options.fileName, row: row.n },
    },
  };
}

/** Letters checked and numbered, then written, per batch; see writeRows. */
const LETTER_BATCH = 250;

/**
 * Writes every row that has an input; answers how many were written and the problems of
 * rows refused while writing. Throws ImportAbort to roll the transaction back.
 *
 * Letters go in batches (LetterBatch): each letter is checked and numbered as createLetter
 * does it, then the batch's rows and audit rows are written in multi-row statements. Should
 * writing a batch fail (a number the database refuses), the batch is taken back to its
 * savepoint and written again a letter at a time, so the report names the row.
 */
export async function writeRows(
  handlers: HandlerTable,
  ctx: TaskContext,
  tx: Transaction<Database>,
  rows: PreparedRow[],
  options: WriteOptions,
): Promise<{ written: number; problems: ImportProblem[] }> {
  const inner: MutationContext = { ...ctx, tx };
  const audit = new AuditAppender(tx, {
    action: 'import.run',
    actor: ctx.actor,
    workstation: ctx.workstation,
    tsUtc: ctx.nowIso,
  });
  const create = await rowCreator(handlers, inner, options.target);
  const created = new Map<number, string>();
  const problems: ImportProblem[] = [];
  const order = writeOrder(rows);
  const total = order.length;
  let written = 0;

  const refuse = (problem: ImportProblem) => {
    if (options.mode === 'all-or-nothing') throw new ImportAbort('refused', problem);
    problems.push(problem);
  };

  /** One row through its create, alone (skip-bad takes it back to its savepoint). */
  const writeOne = async (index: number) => {
    const row = rows[index]!;
    let input = row.input;
    if (row.parentRow !== undefined) {
      const parentId = created.get(row.parentRow);
      if (parentId === undefined) {
        refuse({
          row: row.n,
          field: 'parent',
          code: 'partner_not_found',
          message: 'Its parent’s row was refused.',
          value: row.values.parent ?? null,
        });
        return;
      }
      input = { ...(input as object), parentId };
    }
    // Only skip-bad needs to take one row back alone; all-or-nothing takes everything back.
    const alone = options.mode === 'skip-bad';
    if (alone) await sql`SAVEPOINT import_row`.execute(tx);
    try {
      created.set(index, await writeRow(create, audit, row, input, options));
      if (alone) await sql`RELEASE import_row`.execute(tx);
      written += 1;
    } catch (error) {
      if (alone) {
        await sql`ROLLBACK TO import_row`.execute(tx);
        await sql`RELEASE import_row`.execute(tx);
        audit.forget();
      }
      refuse(refusal(error, row));
    }
  };

  const checkpoint = () => {
    if (options.cancelled()) throw new ImportAbort('cancelled');
    ctx.progress('write', written, total);
  };

  if (options.target === 'letters') {
    // A batch's letters are indexed as it is written (LetterBatch.flush), inside its
    // savepoint, so the index grows with the progress the user sees instead of all at once
    // before the commit. A letter written alone after a refused batch is indexed by createLetter.
    const batch = new LetterBatch(inner, await readSettings(tx));
    for (let start = 0; start < order.length; start += LETTER_BATCH) {
      checkpoint();
      const indices = order.slice(start, start + LETTER_BATCH);
      const problemsBefore = problems.length;
      await sql`SAVEPOINT import_batch`.execute(tx);
      try {
        const changes: AuditChange[] = [];
        for (const index of indices) {
          const row = rows[index]!;
          try {
            const result = await batch.add(row.input as CreateInput, row.kept);
            changes.push(importedChange(result, row, options));
          } catch (error) {
            refuse(refusal(error, row));
          }
        }
        await batch.flush();
        await audit.appendMany(changes);
        await sql`RELEASE import_batch`.execute(tx);
        written += changes.length;
      } catch (error) {
        if (error instanceof ImportAbort) throw error;
        const deskError = toDeskError(error);
        if (deskError.code === 'STORAGE_FULL' || deskError.code === 'CORRUPT') throw error;
        await sql`ROLLBACK TO import_batch`.execute(tx);
        await sql`RELEASE import_batch`.execute(tx);
        batch.discard();
        audit.forget();
        problems.length = problemsBefore;
        for (const index of indices) await writeOne(index);
      }
    }
  } else {
    for (const index of order) {
      if (written % 100 === 0) checkpoint();
      await writeOne(index);
    }
  }
  if (options.cancelled()) throw new ImportAbort('cancelled');
  ctx.progress('write', total, total);
  // The search index follows every written record before the transaction commits.
  ctx.progress('indexing', 0, 0);
  return { written, problems };
}
