/**
 * The one desk window, and the guards every web contents gets. The rules themselves live in
 * security.ts; this file only hangs them on Electron's hooks.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_NAME_FA } from '../../shared/product';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  isAllowedNavigation,
  isAllowedRequest,
  permissionCheckHandler,
  permissionRequestHandler,
  webPreferences,
  windowOpenHandler,
  withSecurityHeaders,
} from './security';

export interface WindowOptions {
  preloadPath: string;
  isPackaged: boolean;
  /** The electron-vite dev server URL in development; undefined in packaged builds. */
  devServerUrl?: string;
}

/** The calm background the page paints over, so the window never flashes white. */
const BACKGROUND = '#f4f7f9';

/**
 * Refuses navigation away from the program's pages, new windows, <webview> and downloads.
 * Hung on every web contents as it is created, so nothing escapes it.
 */
export function guardWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  const refuseNavigation = (details: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(details.url, devServerUrl)) details.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler);
}

/**
 * The session answers no permission, reaches no network, downloads nothing and downloads no
 * spell-check dictionaries. Our CSP is put on the program's own responses.
 */
export function guardSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith(`${APP_SCHEME}:`)) {
      callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
    } else {
      callback({});
    }
  });
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    title: APP_NAME_FA,
    backgroundColor: BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    webPreferences: webPreferences(options.preloadPath, options.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  // The page's <title> would otherwise replace the Persian name in the taskbar.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(options.devServerUrl ?? APP_ENTRY_URL);
  return window;
}
