/**
 * Writing the prepared rows: each through its domain's own create handler (so every rule,
 * the search index and the register counters behave exactly as for a record typed in),
 * each with its own audit row naming the import, all inside one transaction. In skip-bad
 * mode a row the handler still refuses is rolled back to its savepoint alone; in
 * all-or-nothing mode it takes the whole import back. A cancel takes everything back.
 */
import { sql, type Transaction } from 'kysely';
import type { ImportMode, ImportProblem, ImportTarget } from '../../../../shared/api/import.contract';
import type { Letter } from '../../../../shared/api/letters.contract';
import { appendAudit, type AuditStamp } from '../audit/audit.repository';
import type { MutationContext, Mutated, TaskContext } from '../context';
import type { Database } from '../db/tables';
import { toDeskError } from '../errors';
import { letterSearchKey } from '../letters/letter-checks';
import type { HandlerTable } from '../sample/sample.invoke';
import { writeOrder, type KeptNumber, type PreparedRow } from './import.rows';

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

/**
 * Gives a letter the register number it had in the imported register. The letter was just
 * registered with the next number of its year; that number is given back by setting the
 * counter to what it was before (or to the kept number when that is higher), so the desk's
 * own numbering continues without a gap after the highest number it holds.
 */
async function keepRegisterNumber(
  tx: Transaction<Database>,
  letter: Letter,
  kept: KeptNumber,
  counterBefore: number,
): Promise<Letter> {
  await tx
    .updateTable('letters')
    .set({
      seq: kept.seq,
      number: kept.number,
      search_key: letterSearchKey(letter.subject, kept.number, letter.senderNumber),
    })
    .where('id', '=', letter.id)
    .execute();
  await tx
    .updateTable('register_counters')
    .set({ last_seq: Math.max(counterBefore, kept.seq) })
    .where('secretariat', '=', kept.secretariat)
    .where('jalali_year', '=', kept.jalaliYear)
    .execute();
  return { ...letter, seq: kept.seq, number: kept.number };
}

/** Writes one row through its create handler and records it; answers the new record's id. */
async function writeRow(
  handlers: HandlerTable,
  ctx: MutationContext,
  stamp: AuditStamp,
  row: PreparedRow,
  input: unknown,
  options: WriteOptions,
): Promise<string> {
  const method = CREATE_METHOD[options.target];
  const handler = handlers.get(method) as
    ((ctx: MutationContext, input: unknown) => Promise<Mutated<unknown>>) | undefined;
  if (!handler) throw new Error(`no handler for ${method}`);
  const result = await handler({ ...ctx, method }, input);
  const id = result.audit.entityId;
  if (id === null) throw new Error(`${method} answered no id`);
  let after = result.audit.after;
  if (row.kept) {
    // The letter took the next number of its year, so the counter stood one below it.
    const letter = result.value as Letter;
    after = await keepRegisterNumber(ctx.tx, letter, row.kept, letter.seq - 1);
  }
  await appendAudit(ctx.tx, stamp, {
    ...result.audit,
    after: {
      ...(after as object),
      importedFrom: { importId: options.importId, file: options.fileName, row: row.n },
    },
  });
  return id;
}

/**
 * Writes every row that has an input; answers how many were written and the problems of
 * rows refused while writing. Throws ImportAbort to roll the transaction back.
 */
export async function writeRows(
  handlers: HandlerTable,
  ctx: TaskContext,
  tx: Transaction<Database>,
  rows: PreparedRow[],
  options: WriteOptions,
): Promise<{ written: number; problems: ImportProblem[] }> {
  const inner: MutationContext = { ...ctx, tx };
  const stamp: AuditStamp = {
    action: 'import.run',
    actor: ctx.actor,
    workstation: ctx.workstation,
    tsUtc: ctx.nowIso,
  };
  const created = new Map<number, string>();
  const problems: ImportProblem[] = [];
  const total = rows.filter((r) => r.input !== null).length;
  let written = 0;
  for (const index of writeOrder(rows)) {
    const row = rows[index]!;
    if (row.input === null) continue;
    if (written % 100 === 0) {
      if (options.cancelled()) throw new ImportAbort('cancelled');
      ctx.progress('write', written, total);
    }
    let input = row.input;
    if (row.parentRow !== undefined) {
      const parentId = created.get(row.parentRow);
      if (parentId === undefined) {
        const problem: ImportProblem = {
          row: row.n,
          field: 'parent',
          code: 'partner_not_found',
          message: 'Its parent’s row was refused.',
          value: row.values.parent ?? null,
        };
        if (options.mode === 'all-or-nothing') throw new ImportAbort('refused', problem);
        problems.push(problem);
        continue;
      }
      input = { ...(input as object), parentId };
    }
    // Only skip-bad needs to take one row back alone; all-or-nothing takes everything back.
    const alone = options.mode === 'skip-bad';
    if (alone) await sql`SAVEPOINT import_row`.execute(tx);
    try {
      created.set(index, await writeRow(handlers, inner, stamp, row, input, options));
      if (alone) await sql`RELEASE import_row`.execute(tx);
      written += 1;
    } catch (error) {
      if (alone) {
        await sql`ROLLBACK TO import_row`.execute(tx);
        await sql`RELEASE import_row`.execute(tx);
      }
      const deskError = toDeskError(error);
      if (
        deskError.code === 'INTERNAL' ||
        deskError.code === 'STORAGE_FULL' ||
        deskError.code === 'CORRUPT'
      ) {
        throw error;
      }
      const field = deskError.issues?.[0]?.path[0];
      const problem: ImportProblem = {
        row: row.n,
        field: typeof field === 'string' ? field : null,
        code: 'invalid',
        message: deskError.message,
        value: null,
      };
      if (options.mode === 'all-or-nothing') throw new ImportAbort('refused', problem);
      problems.push(problem);
    }
  }
  if (options.cancelled()) throw new ImportAbort('cancelled');
  ctx.progress('write', total, total);
  // The search index follows every written record before the transaction commits.
  ctx.progress('indexing', 0, 0);
  return { written, problems };
}
