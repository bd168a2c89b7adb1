/**
 * The renderer's only way into the desk: typed calls over `window.desk`, which the preload
 * (or the browser harness) provides. Failures become `ApiError`s carrying the contract's
 * error code, so screens can translate them into the user's language.
 */
import type { DeskBridge } from '../../../shared/api/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { DeskErrorShape, ErrorCode, ValidationIssue } from '../../../shared/api/errors';
import type { EventName, EventPayload } from '../../../shared/api/events';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[];

  constructor(shape: DeskErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues ?? [];
  }
}

function bridge(): DeskBridge {
  const desk = window.desk;
  if (!desk) throw new ApiError({ code: 'INTERNAL', message: 'The desk is not connected to this window.' });
  return desk;
}

/** Calls one contract method and answers its value; throws ApiError on `{ ok: false }`. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let result;
  try {
    result = await bridge().call(method, input);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Subscribes to a contract event; answers the function that unsubscribes. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const desk = window.desk;
  if (!desk) return () => {};
  return desk.on(event, listener);
}

/** Any thrown value as an ApiError, so screens handle one kind of failure. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
}
