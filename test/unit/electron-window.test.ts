import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

const created = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      created.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show = vi.fn();
  }
  return { BrowserWindow };
});

const { createMainWindow, guardSession, guardWebContents } = await import('../../electron/main/window');

type Prevented = { url: string; preventDefault: ReturnType<typeof vi.fn> };
const event = (url = ''): Prevented => ({ url, preventDefault: vi.fn() });

function fakeContents() {
  const emitter = new EventEmitter();
  const contents = Object.assign(emitter, { setWindowOpenHandler: vi.fn() });
  return contents;
}

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const capture =
    (name: string) =>
    (handler: (...args: never[]) => unknown): void => {
      handlers[name] = handler;
    };
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(capture('permissionRequest')),
    setPermissionCheckHandler: vi.fn(capture('permissionCheck')),
    setDevicePermissionHandler: vi.fn(capture('devicePermission')),
    setDisplayMediaRequestHandler: vi.fn(capture('displayMedia')),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: {
      onBeforeRequest: vi.fn(capture('beforeRequest')),
      onHeadersReceived: vi.fn(capture('headers')),
    },
  });
  return { session, handlers };
}

describe('guardWebContents', () => {
  it('stops navigation and redirects away from the program’s pages', () => {
    const contents = fakeContents();
    guardWebContents(contents as never, undefined);
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = event('https://example.org/');
      contents.emit(name, away);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const script = event('javascript:alert(1)');
      contents.emit(name, script);
      expect(script.preventDefault, name).toHaveBeenCalled();
      const home = event('app://app/index.html');
      contents.emit(name, home);
      expect(home.preventDefault, name).not.toHaveBeenCalled();
    }
  });

  it('refuses webviews and new windows', () => {
    const contents = fakeContents();
    guardWebContents(contents as never, undefined);
    const attach = event();
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
  });
});

describe('guardSession', () => {
  let session: ReturnType<typeof fakeSession>['session'];
  let handlers: ReturnType<typeof fakeSession>['handlers'];

  beforeEach(() => {
    ({ session, handlers } = fakeSession());
    guardSession(session as never, undefined);
  });

  it('denies permissions, devices and screen capture, and turns spell checking off', () => {
    const callback = vi.fn();
    (handlers.permissionRequest as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(
      {},
      'media',
      callback,
    );
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.permissionCheck as () => boolean)()).toBe(false);
    expect((handlers.devicePermission as () => boolean)()).toBe(false);
    const streams = vi.fn();
    (handlers.displayMedia as (r: unknown, cb: (s: unknown) => void) => void)({}, streams);
    expect(streams).toHaveBeenCalledWith(null);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('cancels every request that would leave the program', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        callback,
      );
      return callback.mock.calls[0]![0] as { cancel: boolean };
    };
    expect(decide('https://fonts.googleapis.com/')).toEqual({ cancel: true });
    expect(decide('http://10.0.0.1/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('app://app/index.html')).toEqual({ cancel: false });
  });

  it('puts the CSP on the program’s own responses', () => {
    const headersFor = (url: string) => {
      const callback = vi.fn();
      (handlers.headers as (d: unknown, cb: (r: unknown) => void) => void)(
        { url, responseHeaders: { 'content-security-policy': ['default-src *'] } },
        callback,
      );
      return callback.mock.calls[0]![0] as { responseHeaders?: Record<string, string[]> };
    };
    const own = headersFor('app://app/index.html');
    expect(own.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(own.responseHeaders).not.toHaveProperty('content-security-policy');
  });

  it('refuses downloads', () => {
    const download = event();
    session.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    created.windows.length = 0;
  });

  it('opens the sandboxed window on app://app/index.html, hidden until ready', () => {
    createMainWindow({ preloadPath: '/out/preload/index.cjs', isPackaged: true });
    const window = created.windows[0]!;
    expect(window.options).toMatchObject({
      width: 1280,
      height: 820,
      minWidth: 1024,
      minHeight: 700,
      title: 'میز دیپلماسی شهری',
      show: false,
      webPreferences: {
        preload: '/out/preload/index.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    expect(window.loaded).toEqual(['app://app/index.html']);
  });

  it('loads the development server when one is given', () => {
    createMainWindow({ preloadPath: '/p.cjs', isPackaged: false, devServerUrl: 'http://127.0.0.1:5173' });
    expect(created.windows[0]!.loaded).toEqual(['http://127.0.0.1:5173']);
  });
});
