/**
 * Answers asked for before the screen that needs them is drawn. The first screen's calls
 * start as the page starts, while the program's code is still being read, so the desk
 * answers them in that time instead of after it; the screen's queries take the answers up
 * when they mount.
 *
 * An answer is taken once. It is dropped when the core reports any change, and is not taken
 * after a while: a screen never shows an answer older than what it would have asked for.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call, on } from './api';

/** A preloaded answer serves a screen that mounts within this time of the question. */
const FRESH_MS = 15_000;

/** What a question came to, once its answer is here. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Asked {
  asked: number;
  answer: Promise<unknown>;
  outcome?: Outcome<unknown>;
}

const waiting = new Map<string, Asked>();
let listening = false;

function keyOf(method: MethodName, inputKey: string): string {
  return `${method}\n${inputKey}`;
}

/** Asks now; the answer waits for `takePreloaded` with the same method and input. */
export function preload<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  if (!listening) {
    listening = true;
    on('changed', () => waiting.clear());
  }
  const key = keyOf(method, JSON.stringify(input));
  const known = waiting.get(key);
  if (known) return known.answer as Promise<MethodOutput<M>>;
  const answer = call(method, input);
  const entry: Asked = { asked: Date.now(), answer };
  // A failure is the taker's to show; nobody may be there to take it.
  answer.then(
    (value) => (entry.outcome = { ok: true, value }),
    (error: unknown) => (entry.outcome = { ok: false, error }),
  );
  waiting.set(key, entry);
  return answer;
}

/**
 * The preloaded answer for a method and its input, if it has already come, without waiting a
 * turn for it and without taking it: a screen drawn after its answers arrived draws them at
 * once instead of drawing itself empty first (and the screen's query then takes it, once).
 */
export function arrivedPreload<M extends MethodName>(
  method: M,
  inputKey: string,
): Outcome<MethodOutput<M>> | undefined {
  const entry = waiting.get(keyOf(method, inputKey));
  if (!entry?.outcome || Date.now() - entry.asked > FRESH_MS) return undefined;
  return entry.outcome as Outcome<MethodOutput<M>>;
}

/**
 * The preloaded answer for a method and its input as `JSON.stringify` wrote it, once; undefined
 * when none was asked for, it was taken already, or it is too old.
 */
export function takePreloaded<M extends MethodName>(
  method: M,
  inputKey: string,
): Promise<MethodOutput<M>> | undefined {
  const key = keyOf(method, inputKey);
  const entry = waiting.get(key);
  if (!entry) return undefined;
  waiting.delete(key);
  if (Date.now() - entry.asked > FRESH_MS) return undefined;
  return entry.answer as Promise<MethodOutput<M>>;
}
