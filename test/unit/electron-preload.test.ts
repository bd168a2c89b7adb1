import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskBridge } from '../../shared/api/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/api/channels';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
  on: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, on: electron.on },
}));

type Deliver = (event: unknown, message: unknown) => void;

async function loadPreload(): Promise<{ bridge: DeskBridge; deliver: Deliver }> {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  electron.invoke.mockReset();
  electron.on.mockClear();
  await import('../../electron/preload/index');
  const [name, bridge] = electron.exposeInMainWorld.mock.calls[0] as [string, DeskBridge];
  expect(name).toBe('desk');
  const subscription = electron.on.mock.calls.find(([channel]) => channel === EVENT_CHANNEL);
  expect(subscription).toBeDefined();
  return { bridge, deliver: subscription![1] as Deliver };
}

describe('the preload', () => {
  let bridge: DeskBridge;
  let deliver: Deliver;

  beforeEach(async () => {
    ({ bridge, deliver } = await loadPreload());
  });

  it('exposes only window.desk, with call and on and nothing else', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('listens on the event channel only', () => {
    expect(electron.on.mock.calls.map(([channel]) => channel)).toEqual([EVENT_CHANNEL]);
  });

  it('sends calls through the one call channel', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: { appName: 'x' } });
    const answer = await bridge.call('system.info', {});
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL, 'system.info', {});
    expect(answer).toEqual({ ok: true, value: { appName: 'x' } });
  });

  it('refuses to subscribe to an event outside the contract', () => {
    const on = bridge.on as (event: string, listener: () => void) => () => void;
    expect(() => on('desk:call', () => {})).toThrow(/no event named/);
    expect(() => on('__proto__', () => {})).toThrow(/no event named/);
    expect(() => on('toString', () => {})).toThrow(/no event named/);
  });

  it('refuses a listener that is not a function', () => {
    const on = bridge.on as (event: string, listener: unknown) => () => void;
    expect(() => on('progress', 'alert(1)')).toThrow(/function/);
  });

  it('delivers contract events to their listeners until they unsubscribe', () => {
    const progress = vi.fn();
    const changed = vi.fn();
    const stop = bridge.on('progress', progress);
    bridge.on('changed', changed);
    const payload = { taskId: 't', method: 'backup.run', phase: 'copy', done: 1, total: 2 };
    deliver({}, { event: 'progress', payload });
    expect(progress).toHaveBeenCalledExactlyOnceWith(payload);
    expect(changed).not.toHaveBeenCalled();
    stop();
    deliver({}, { event: 'progress', payload });
    expect(progress).toHaveBeenCalledTimes(1);
  });

  it('drops messages that name no contract event', () => {
    const changed = vi.fn();
    bridge.on('changed', changed);
    deliver({}, { event: 'secret', payload: {} });
    deliver({}, null);
    deliver({}, 'changed');
    expect(changed).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws', () => {
    const failing = vi.fn(() => {
      throw new Error('boom');
    });
    const healthy = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    bridge.on('changed', failing);
    bridge.on('changed', healthy);
    deliver({}, { event: 'changed', payload: { entities: ['letter'] } });
    expect(healthy).toHaveBeenCalledExactlyOnceWith({ entities: ['letter'] });
    quiet.mockRestore();
  });
});
