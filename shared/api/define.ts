/**
 * How a contract method is declared. `kind` tells the core how to run it:
 * - `query` reads inside a transaction and writes nothing;
 * - `mutation` runs in one write transaction together with exactly one audit row;
 * - `task` is long work (backup, import, reindex) that manages its own transactions and
 *   reports progress through events; it still ends with one audit row when it changed data.
 */
import type { z } from 'zod';

export type MethodKind = 'query' | 'mutation' | 'task';

export interface MethodSpec<
  K extends MethodKind = MethodKind,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  kind: K;
  input: I;
  output: O;
  /** One sentence for the reader of the contract and the generated docs. */
  doc: string;
}

export function method<K extends MethodKind, I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<K, I, O>,
): MethodSpec<K, I, O> {
  return spec;
}
