/**
 * Runs contract methods inside one open transaction, through the same handlers and input
 * schemas the renderer's calls go through, so sample records obey every rule real ones do.
 */
import type { Transaction } from 'kysely';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import { contract } from '../../../../shared/api/contract';
import type { MutationContext, Mutated, TaskContext } from '../context';
import type { Database } from '../db/tables';

type Handler = (ctx: never, input: unknown) => Promise<unknown>;
export type HandlerTable = ReadonlyMap<string, Handler>;

export type Invoke = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export function invoker(handlers: HandlerTable, ctx: TaskContext, tx: Transaction<Database>): Invoke {
  const inner: MutationContext = { ...ctx, tx };
  return async (method, input) => {
    const spec = contract[method];
    if (spec.kind === 'task') throw new Error(`${method} cannot run inside sample.load`);
    const handler = handlers.get(method);
    if (!handler) throw new Error(`no handler for ${method}`);
    const parsed = (spec.input as { parse(v: unknown): unknown }).parse(input);
    const result = await (handler as (ctx: MutationContext, input: unknown) => Promise<unknown>)(
      { ...inner, method },
      parsed,
    );
    return (spec.kind === 'mutation' ? (result as Mutated<unknown>).value : result) as never;
  };
}
