/**
 * The surface the preload puts on `window.desk`, typed from the contract. The preload
 * implements it, the renderer's API module calls it, and the browser test harness binds the
 * same shape to a real Desk.
 */
import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './errors';
import type { EventName, EventPayload } from './events';

export interface DeskBridge {
  /** Calls one contract method; always resolves, failures come back as `{ ok: false, error }`. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /**
   * Subscribes to a contract event; answers the function that unsubscribes. Names outside
   * the event contract are refused with an error.
   */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_NAME = 'desk';
