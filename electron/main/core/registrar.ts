/**
 * One registry of handlers, checked against the contract at start: a method defined twice,
 * or a contract method with no handler, stops the desk from opening.
 */
import type { MethodKindOf, MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';
import { METHOD_NAMES, contract } from '../../../shared/api/contract';
import type { Mutated, MutationContext, QueryContext, TaskContext, TaskDone } from './context';

export type HandlerFn<M extends MethodName> =
  MethodKindOf<M> extends 'query'
    ? (ctx: QueryContext, input: ParsedInput<M>) => Promise<MethodOutput<M>>
    : MethodKindOf<M> extends 'mutation'
      ? (ctx: MutationContext, input: ParsedInput<M>) => Promise<Mutated<MethodOutput<M>>>
      : (ctx: TaskContext, input: ParsedInput<M>) => Promise<TaskDone<MethodOutput<M>>>;

export type HandlerMap<K extends MethodName = MethodName> = { [M in K]: HandlerFn<M> };

/** Declares a domain's handlers; the types come from the contract, keyed by method name. */
export function defineHandlers<K extends MethodName>(map: { [M in K]: HandlerFn<M> }): {
  [M in K]: HandlerFn<M>;
} {
  return map;
}

type AnyHandler = (ctx: never, input: never) => Promise<unknown>;

export class Registry {
  readonly #handlers = new Map<MethodName, AnyHandler>();

  constructor(maps: readonly Partial<Record<MethodName, unknown>>[]) {
    for (const map of maps) {
      for (const [name, fn] of Object.entries(map)) {
        if (!Object.prototype.hasOwnProperty.call(contract, name)) {
          throw new Error(`handler ${name} is not in the contract`);
        }
        if (this.#handlers.has(name as MethodName)) throw new Error(`method ${name} is defined twice`);
        if (typeof fn !== 'function') throw new Error(`handler ${name} is not a function`);
        this.#handlers.set(name as MethodName, fn as AnyHandler);
      }
    }
    const missing = METHOD_NAMES.filter((name) => !this.#handlers.has(name));
    if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  }

  get(name: MethodName): AnyHandler {
    const fn = this.#handlers.get(name);
    if (!fn) throw new Error(`no handler for ${name}`);
    return fn;
  }

  get size(): number {
    return this.#handlers.size;
  }
}
