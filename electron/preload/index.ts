/**
 * The preload: puts `window.desk = { call, on }` in the page and nothing else. It runs
 * sandboxed, so it has no Node; it holds no ipcRenderer reference the page could reach, and
 * it lets the page subscribe to contract events only.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '../../shared/api/bridge';
import { BRIDGE_NAME } from '../../shared/api/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/api/channels';
import { EVENT_NAMES, type EventName } from '../../shared/api/events';

type AnyListener = (payload: unknown) => void;

const listeners = new Map<EventName, Set<AnyListener>>();

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (!isEventName(event)) return;
  for (const listener of listeners.get(event) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      // One page listener failing must not stop the others from hearing the event.
      console.error(`[desk] listener for ${event} failed`, error);
    }
  }
});

const bridge: DeskBridge = {
  call: ((method: unknown, input: unknown) =>
    ipcRenderer.invoke(CALL_CHANNEL, method, input)) as DeskBridge['call'],
  on: ((event: unknown, listener: unknown) => {
    if (!isEventName(event)) throw new TypeError(`There is no event named ${String(event)}.`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const own = listener as AnyListener;
    set.add(own);
    return () => {
      set.delete(own);
    };
  }) as DeskBridge['on'],
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
