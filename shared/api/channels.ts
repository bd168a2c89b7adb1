/**
 * The two IPC channels between the preload and the main process. They are spelled here and
 * nowhere else: the renderer never sees them (it only has window.desk).
 */

/** Renderer → main: `invoke(CALL_CHANNEL, method, input)` answers a Result. */
export const CALL_CHANNEL = 'desk:call';

/** Main → renderer: `send(EVENT_CHANNEL, { event, payload })` for contract events only. */
export const EVENT_CHANNEL = 'desk:event';

/** What travels on EVENT_CHANNEL. */
export interface EventMessage {
  event: string;
  payload: unknown;
}
