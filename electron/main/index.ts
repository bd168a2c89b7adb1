/**
 * The main process: lifecycle and wiring only. One instance, the app:// scheme over the
 * built renderer, a session that reaches no network, the desk opened on the local data
 * folder, and the desk closed cleanly before the program exits. Behaviour lives in core/;
 * security rules live in security.ts.
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Menu, app, dialog, protocol, session, type BrowserWindow } from 'electron';
import { APP_NAME } from '../../shared/product';
import { DamagedDeskError, openDesk, restoreDamagedDesk, systemClock, type Desk } from './core';
import { damagedDeskPort } from './core/backup/backup.damaged-port';
import { upgradePort } from './core/system/upgrade-port';
import { bindIpc } from './ipc';
import { createElectronPlatform } from './platform';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  SINGLE_INSTANCE,
  contentTypeFor,
  dataDirFor,
  devServerOrigin,
  resolveAppUrl,
  securityHeaders,
} from './security';
import { createMainWindow, guardSession, guardWebContents } from './window';

/** Built by electron-vite next to this file: out/main, out/preload, out/renderer. */
const RENDERER_DIR = join(import.meta.dirname, '..', 'renderer');
const PRELOAD_PATH = join(import.meta.dirname, '..', 'preload', 'index.cjs');

/** Only an unpackaged build may load the page from the electron-vite dev server. */
const devServerUrl =
  !app.isPackaged && devServerOrigin(process.env.ELECTRON_RENDERER_URL)
    ? process.env.ELECTRON_RENDERER_URL
    : undefined;

let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;
let unbindIpc: (() => void) | null = null;
let shutdown: Promise<void> | null = null;

/** An update quicker than this opens the window straight onto the desk. */
const UPGRADE_SCREEN_AFTER_MS = 400;

/** Tells the user why the desk cannot start (in words, never a stack) and exits. */
function fail(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

/** During development the desk lives in the project's .desk-data folder. */
function chooseDataDir(): string | null {
  if (!app.isPackaged) return join(process.cwd(), '.desk-data');
  try {
    return dataDirFor(process.env, process.platform);
  } catch (error) {
    fail(APP_NAME, error);
    return null;
  }
}

function installMenu(): void {
  // Windows and Linux need no menu; macOS needs its application and edit menus for
  // quitting and for copy and paste to work at all.
  if (process.platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]));
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: securityHeaders() });
    }
    const file = resolveAppUrl(request.url, RENDERER_DIR);
    if (!file) return new Response(null, { status: 404, headers: securityHeaders() });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': contentTypeFor(file), ...securityHeaders() },
      });
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
  });
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(dataDir: string): Promise<void> {
  await app.whenReady();
  guardSession(session.defaultSession, devServerUrl);
  serveRenderer();
  installMenu();
  const options = {
    dataDir,
    actor: userInfo().username,
    platform: createElectronPlatform(() => mainWindow),
    clock: systemClock,
    // Packaged: the installer's resources folder (electron-builder extraResources).
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
  };
  // A desk that needs its structure updated is backed up and updated before it opens; if that
  // takes more than a moment, the window opens on the upgrade screen meanwhile.
  const upgrade = upgradePort();
  let upgradeShown = false;
  let upgradeTimer: ReturnType<typeof setTimeout> | undefined;
  const showUpgrade = () => {
    upgradeShown = true;
    unbindIpc = bindIpc(upgrade, { getWindow: () => mainWindow, devServerUrl });
    openWindow();
  };
  const onUpgrade = (progress: Parameters<typeof upgrade.report>[0]) => {
    upgrade.report(progress);
    if (!upgradeShown && upgradeTimer === undefined)
      upgradeTimer = setTimeout(showUpgrade, UPGRADE_SCREEN_AFTER_MS);
  };
  let opened: Desk;
  try {
    opened = await openDesk({ ...options, onUpgrade });
  } catch (error) {
    clearTimeout(upgradeTimer);
    // A damaged desk file opens the window on the damaged-desk screen, which names the file
    // and offers the verified backups; a failed update is told on the upgrade screen, which
    // says the desk was left as it was; anything else cannot be helped from the window.
    if (error instanceof DamagedDeskError) {
      unbindIpc?.();
      unbindIpc = null;
      return showDamaged(options, error);
    }
    if (upgradeShown) return upgrade.fail(error instanceof Error ? error.message : String(error));
    fail(`${APP_NAME}: ${join(dataDir, 'desk.sqlite')}`, error);
    return;
  }
  clearTimeout(upgradeTimer);
  unbindIpc?.();
  unbindIpc = null;
  attachDesk(opened);
}

function openWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    mainWindow.reload();
    return;
  }
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, isPackaged: app.isPackaged, devServerUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function attachDesk(opened: Desk): void {
  desk = opened;
  unbindIpc = bindIpc(opened, { getWindow: () => mainWindow, devServerUrl });
  openWindow();
}

function showDamaged(options: Parameters<typeof openDesk>[0], error: DamagedDeskError): void {
  const port = damagedDeskPort({
    error,
    restore: (backupId) => restoreDamagedDesk({ ...options, backupId }),
    onRestored: () => {
      unbindIpc?.();
      unbindIpc = null;
      openDesk(options).then(attachDesk, (reopenError: unknown) =>
        fail(`${APP_NAME}: ${error.file}`, reopenError),
      );
    },
  });
  unbindIpc = bindIpc(port, { getWindow: () => mainWindow, devServerUrl });
  openWindow();
}

/** Stops answering the page, then lets calls in flight finish and closes the database. */
async function closeDesk(): Promise<void> {
  unbindIpc?.();
  unbindIpc = null;
  const open = desk;
  desk = null;
  if (open) await open.close();
}

function main(): void {
  // Before `ready`: the scheme's privileges, the sandbox for every renderer, and the
  // Chromium profile under the local data folder (the single-instance lock lives there too).
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.enableSandbox();
  const dataDir = chooseDataDir();
  if (dataDir === null) return;
  app.setPath('userData', join(dataDir, 'browser-profile'));

  if (SINGLE_INSTANCE && !app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!desk && !unbindIpc) return;
    event.preventDefault();
    shutdown ??= closeDesk()
      .catch((error: unknown) => console.error('[desk] closing failed', error))
      .finally(() => app.quit());
  });

  start(dataDir).catch((error: unknown) => fail(APP_NAME, error));
}

main();
