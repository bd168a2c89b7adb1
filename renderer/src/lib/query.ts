/**
 * Small hooks over the API: a query that reloads when the core reports changes, and a
 * mutation that remembers whether it is running and how it failed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call, on, toApiError, type ApiError } from './api';
import { arrivedPreload, takePreloaded } from './preload';

export interface QueryState<T> {
  /** The answer for the current input; undefined while the first answer is on its way. */
  data: T | undefined;
  /** The last answer for any input, kept while a new one loads (lists do not flicker). */
  previous: T | undefined;
  error: ApiError | null;
  loading: boolean;
  refresh: () => void;
}

interface Loaded<T> {
  key: string | null;
  version: number;
  data: T | undefined;
  error: ApiError | null;
}

export interface QueryOptions {
  /** Reload only when one of these record kinds changed; any change when omitted. */
  entities?: readonly string[];
}

/**
 * Calls a query method and keeps its answer. `input` null means "not yet" (for example a
 * detail view without an id). The answer reloads after every `changed` event that concerns
 * the given record kinds.
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  options: QueryOptions = {},
): QueryState<MethodOutput<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [version, setVersion] = useState(0);
  // An answer asked for as the page started (lib/preload) that is already here is drawn in the
  // first render: the screen is not drawn empty first and again a turn later.
  const [loaded, setLoaded] = useState<Loaded<MethodOutput<M>>>(() => {
    const arrived = key === null ? undefined : arrivedPreload(method, key);
    if (!arrived) return { key: null, version: -1, data: undefined, error: null };
    return arrived.ok
      ? { key, version: 0, data: arrived.value, error: null }
      : { key, version: 0, data: undefined, error: toApiError(arrived.error) };
  });
  /** The input whose preloaded answer the first render drew, until the effect has taken it. */
  const drawnFirst = useRef(loaded.key);
  const entities = options.entities?.join('\n') ?? null;

  useEffect(() => {
    if (key === null) return;
    if (version === 0 && key === drawnFirst.current) {
      drawnFirst.current = null;
      takePreloaded(method, key);
      return;
    }
    drawnFirst.current = null;
    let live = true;
    // The first answer may have been asked for as the page started (lib/preload); a reload
    // after a change or a refresh always asks again.
    const answer =
      (version === 0 ? takePreloaded(method, key) : undefined) ??
      call(method, JSON.parse(key) as MethodInput<M>);
    answer.then(
      (data) => live && setLoaded({ key, version, data, error: null }),
      (error: unknown) => live && setLoaded({ key, version, data: undefined, error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [method, key, version]);

  useEffect(
    () =>
      on('changed', (payload) => {
        const wanted = entities?.split('\n');
        if (!wanted || payload.entities.some((entity) => wanted.includes(entity))) setVersion((v) => v + 1);
      }),
    [entities],
  );

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const current = loaded.key === key;
  return {
    data: current ? loaded.data : undefined,
    previous: loaded.data,
    error: current ? loaded.error : null,
    loading: key !== null && (!current || loaded.version !== version),
    refresh,
  };
}

export interface MutationState<M extends MethodName> {
  run: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
  pending: boolean;
  error: ApiError | null;
  reset: () => void;
}

/** A mutation method ready to run; `run` throws the ApiError after recording it. */
export function useMutation<M extends MethodName>(method: M): MutationState<M> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (input: MethodInput<M>) => {
      setPending(true);
      setError(null);
      try {
        return await call(method, input);
      } catch (thrown) {
        const apiError = toApiError(thrown);
        setError(apiError);
        throw apiError;
      } finally {
        setPending(false);
      }
    },
    [method],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
