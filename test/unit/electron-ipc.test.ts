import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/api/channels';
import type { Result } from '../../shared/api/errors';
import { EVENT_NAMES } from '../../shared/api/events';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn() }));

vi.mock('electron', () => ({ ipcMain }));

const { bindIpc } = await import('../../electron/main/ipc');

type Handler = (event: unknown, method: unknown, input: unknown) => Promise<Result<unknown>>;

interface FakeFrame {
  url: string;
  parent: unknown;
}

function fakeWindow(url = 'app://app/index.html') {
  const mainFrame: FakeFrame = { url, parent: null };
  const webContents = { mainFrame, send: vi.fn() };
  return { webContents, isDestroyed: vi.fn(() => false) };
}

function fakeDesk() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribe = vi.fn();
  return {
    listeners,
    unsubscribe,
    call: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: { appName: 'desk' } })),
    on: vi.fn((name: string, listener: (payload: unknown) => void) => {
      listeners.set(name, listener);
      return unsubscribe;
    }),
  };
}

function bind(window: ReturnType<typeof fakeWindow> | null, desk = fakeDesk()) {
  const unbind = bindIpc(desk as never, { getWindow: () => window as never });
  const handler = ipcMain.handle.mock.calls[0]![1] as Handler;
  return { desk, handler, unbind };
}

describe('bindIpc', () => {
  beforeEach(() => {
    ipcMain.handle.mockClear();
    ipcMain.removeHandler.mockClear();
    ipcMain.on.mockClear();
  });

  it('registers exactly one invoke channel and no other listener', () => {
    bind(fakeWindow());
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]![0]).toBe(CALL_CHANNEL);
    expect(ipcMain.on).not.toHaveBeenCalled();
  });

  it('forwards a call from the window’s top frame to the desk', async () => {
    const window = fakeWindow();
    const { desk, handler } = bind(window);
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const answer = await handler(event, 'system.info', { a: 1 });
    expect(desk.call).toHaveBeenCalledExactlyOnceWith('system.info', { a: 1 });
    expect(answer).toEqual({ ok: true, value: { appName: 'desk' } });
  });

  it('refuses a sub-frame without calling the desk', async () => {
    const window = fakeWindow();
    const { desk, handler } = bind(window);
    const child = { url: 'app://app/index.html', parent: window.webContents.mainFrame };
    const answer = await handler({ sender: window.webContents, senderFrame: child }, 'system.info', {});
    expect(answer.ok).toBe(false);
    expect(desk.call).not.toHaveBeenCalled();
  });

  it('refuses a foreign origin in the top frame without calling the desk', async () => {
    const window = fakeWindow('https://evil.example/');
    const { desk, handler } = bind(window);
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const answer = await handler(event, 'system.info', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(desk.call).not.toHaveBeenCalled();
  });

  it('refuses another web contents, a destroyed frame and a closed window', async () => {
    const window = fakeWindow();
    const { desk, handler } = bind(window);
    const other = fakeWindow();
    expect(
      (
        await handler(
          { sender: other.webContents, senderFrame: other.webContents.mainFrame },
          'system.info',
          {},
        )
      ).ok,
    ).toBe(false);
    expect((await handler({ sender: window.webContents, senderFrame: null }, 'system.info', {})).ok).toBe(
      false,
    );
    window.isDestroyed.mockReturnValue(true);
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect((await handler(event, 'system.info', {})).ok).toBe(false);
    expect(desk.call).not.toHaveBeenCalled();
  });

  it('refuses when there is no window', async () => {
    const { desk, handler } = bind(null);
    const window = fakeWindow();
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect((await handler(event, 'system.info', {})).ok).toBe(false);
    expect(desk.call).not.toHaveBeenCalled();
  });

  it('refuses a method name that is not a string', async () => {
    const window = fakeWindow();
    const { desk, handler } = bind(window);
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await handler(event, { toString: 'x' }, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(desk.call).not.toHaveBeenCalled();
  });

  it('forwards every contract event, and only those, to the window', () => {
    const window = fakeWindow();
    const { desk } = bind(window);
    expect([...desk.listeners.keys()].sort()).toEqual([...EVENT_NAMES].sort());
    desk.listeners.get('changed')!({ entities: ['letter'] });
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, {
      event: 'changed',
      payload: { entities: ['letter'] },
    });
  });

  it('sends nothing to a destroyed window', () => {
    const window = fakeWindow();
    const { desk } = bind(window);
    window.isDestroyed.mockReturnValue(true);
    desk.listeners.get('changed')!({ entities: ['letter'] });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('undoes the handler and the subscriptions', () => {
    const { desk, unbind } = bind(fakeWindow());
    unbind();
    expect(ipcMain.removeHandler).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL);
    expect(desk.unsubscribe).toHaveBeenCalledTimes(EVENT_NAMES.length);
  });
});
