/**
 * Binds the desk to Electron's IPC through one invoke channel. Every call is checked against
 * the window's own top frame before it reaches the desk; the desk itself validates the
 * method name and input against the contract. Contract events flow back on one send channel.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventMessage } from '../../shared/api/channels';
import type { Result } from '../../shared/api/errors';
import { EVENT_NAMES } from '../../shared/api/events';
import type { Desk } from './core';
import { isTrustedSender } from './security';

/** The part of a Desk that the IPC binding uses. */
export type DeskPort = Pick<Desk, 'call' | 'on'>;

export interface IpcOptions {
  /** The one window whose top frame may call; null before it exists or after it closed. */
  getWindow: () => BrowserWindow | null;
  /** The electron-vite dev server URL in development; undefined in packaged builds. */
  devServerUrl?: string;
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'The request did not come from the desk window.' },
};

function fromTheWindow(event: IpcMainInvokeEvent, options: IpcOptions): boolean {
  const window = options.getWindow();
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender !== contents) return false;
  return isTrustedSender(event.senderFrame, contents.mainFrame, options.devServerUrl);
}

/**
 * Registers the call channel and forwards the desk's events to the window. Answers the
 * function that undoes both (for shutdown).
 */
export function bindIpc(desk: DeskPort, options: IpcOptions): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!fromTheWindow(event, options)) return REFUSED;
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'There is no such method.' } };
    }
    return desk.call(method, input);
  });

  const unsubscribers = EVENT_NAMES.map((name) =>
    desk.on(name, (payload) => {
      const window = options.getWindow();
      if (!window || window.isDestroyed()) return;
      const message: EventMessage = { event: name, payload };
      window.webContents.send(EVENT_CHANNEL, message);
    }),
  );

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
