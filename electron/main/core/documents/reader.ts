/**
 * Documents read the desk through the same query handlers and input schemas the renderer's
 * calls go through, inside one read-only transaction, so a document shows exactly what the
 * screens show (computed statuses, dormancy, passport warnings, waiting days) and sees one
 * consistent moment of the data.
 */
import type { Transaction } from 'kysely';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import { contract } from '../../../../shared/api/contract';
import type { QueryContext, TaskContext } from '../context';
import type { Database } from '../db/tables';

/** Every domain handler by method name (the composition root's table, of every kind). */
export type HandlerTable = ReadonlyMap<string, (ctx: never, input: unknown) => Promise<unknown>>;
type QueryHandler = (ctx: QueryContext, input: unknown) => Promise<unknown>;

/** The query methods, by name. */
export type QueryMethod = {
  [M in MethodName]: (typeof contract)[M]['kind'] extends 'query' ? M : never;
}[MethodName];

export interface Reader {
  /** Runs a query method as a call would, inside this reader's transaction. */
  query<M extends QueryMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The transaction itself, for the few aggregates no domain answers (see report.repository.ts). */
  tx: Transaction<Database>;
  /** Today on the workstation's wall clock, as the desk's clock says. */
  now: Date;
}

/** Runs `fn` with a reader over one read-only transaction. */
export async function withReader<T>(
  handlers: HandlerTable,
  ctx: TaskContext,
  fn: (reader: Reader) => Promise<T>,
): Promise<T> {
  return ctx.db
    .transaction()
    .setAccessMode('read only')
    .execute(async (tx) => {
      const base: QueryContext = { ...ctx, tx };
      const reader: Reader = {
        tx,
        now: ctx.now,
        async query(method, input) {
          // Only query methods are named here (QueryMethod), so the handler takes a QueryContext.
          const handler = handlers.get(method) as QueryHandler | undefined;
          if (!handler) throw new Error(`no handler for ${method}`);
          const parsed = (contract[method].input as { parse(v: unknown): unknown }).parse(input);
          return (await handler({ ...base, method }, parsed)) as never;
        },
      };
      return fn(reader);
    });
}
