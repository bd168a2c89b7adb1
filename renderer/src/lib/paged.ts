/**
 * A long list read page by page as the user scrolls: the register may hold 100,000 letters,
 * and the screen only ever asks for the rows near what is visible. The list starts over
 * when its filter changes or when the core reports a change to its kind of record.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call, on, toApiError, type ApiError } from './api';

/** Methods answering `{ items, total }` and taking `limit` and `offset`. */
export type ListMethod = {
  [M in MethodName]: MethodOutput<M> extends { items: unknown[]; total: number }
    ? MethodInput<M> extends { limit?: number; offset?: number }
      ? M
      : never
    : never;
}[MethodName];

export type ListItem<M extends ListMethod> = MethodOutput<M> extends { items: (infer I)[] } ? I : never;
export type ListFilter<M extends ListMethod> = Omit<MethodInput<M>, 'limit' | 'offset'>;

interface Pages<I> {
  key: string;
  total: number | undefined;
  pages: Map<number, I[]>;
  error: ApiError | null;
}

export interface PagedList<I> {
  /** The number of records matching the filter; undefined until the first page came. */
  total: number | undefined;
  /** The row at an index, or undefined while its page is loading. */
  get(index: number): I | undefined;
  /** Asks for the pages covering rows start..end (inclusive). */
  ensure(start: number, end: number): void;
  error: ApiError | null;
  /** True until the first page of the current filter arrived. */
  loading: boolean;
  refresh(): void;
}

export function usePagedList<M extends ListMethod>(
  method: M,
  filter: ListFilter<M>,
  options: { entities?: readonly string[]; pageSize?: number } = {},
): PagedList<ListItem<M>> {
  const pageSize = options.pageSize ?? 100;
  const [version, setVersion] = useState(0);
  const key = `${version}\n${JSON.stringify(filter)}`;
  const [state, setState] = useState<Pages<ListItem<M>>>({
    key: '',
    total: undefined,
    pages: new Map(),
    error: null,
  });
  const inFlight = useRef(new Set<string>());
  const entities = options.entities?.join('\n') ?? null;

  const load = useCallback(
    (page: number) => {
      const ticket = `${key}\n${page}`;
      if (inFlight.current.has(ticket)) return;
      inFlight.current.add(ticket);
      const input = {
        ...JSON.parse(key.slice(key.indexOf('\n') + 1)),
        limit: pageSize,
        offset: page * pageSize,
      };
      call(method, input as MethodInput<M>).then(
        (answer) => {
          inFlight.current.delete(ticket);
          const { items, total } = answer as unknown as { items: ListItem<M>[]; total: number };
          setState((prev) => {
            const base = prev.key === key ? prev : { key, total: undefined, pages: new Map(), error: null };
            const pages = new Map(base.pages);
            pages.set(page, items);
            return { key, total, pages, error: null };
          });
        },
        (error: unknown) => {
          inFlight.current.delete(ticket);
          setState((prev) => ({
            ...(prev.key === key ? prev : { pages: new Map(), total: undefined }),
            key,
            error: toApiError(error),
          }));
        },
      );
    },
    [key, method, pageSize],
  );

  // The first page of every new filter.
  useEffect(() => {
    load(0);
  }, [load]);

  useEffect(
    () =>
      on('changed', (payload) => {
        const wanted = entities?.split('\n');
        if (!wanted || payload.entities.some((entity) => wanted.includes(entity))) setVersion((v) => v + 1);
      }),
    [entities],
  );

  const current = state.key === key;
  // While a refresh after a change loads, the rows of the previous answer stay on screen.
  const shown =
    current || state.key.slice(state.key.indexOf('\n')) === key.slice(key.indexOf('\n')) ? state : null;
  const ensure = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(Math.max(0, start) / pageSize); page <= Math.floor(end / pageSize); page++) {
        if (!current || !state.pages.has(page)) load(page);
      }
    },
    [current, load, pageSize, state.pages],
  );

  return {
    total: shown?.total,
    get: (index) => shown?.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    ensure,
    error: current ? state.error : null,
    loading: !shown || shown.total === undefined,
    refresh: () => setVersion((v) => v + 1),
  };
}
