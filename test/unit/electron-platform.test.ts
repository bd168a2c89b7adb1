import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  openPath: vi.fn(),
}));

vi.mock('electron', () => ({
  app: { getVersion: () => '1.2.3' },
  dialog: { showOpenDialog: electron.showOpenDialog, showSaveDialog: electron.showSaveDialog },
  shell: { openPath: electron.openPath },
}));

const { createElectronPlatform } = await import('../../electron/main/platform');

const window = { isDestroyed: () => false };

describe('the Electron platform', () => {
  beforeEach(() => {
    for (const fn of Object.values(electron)) fn.mockReset();
  });

  it('answers the version and the workstation name', () => {
    const platform = createElectronPlatform(() => null);
    expect(platform.appVersion()).toBe('1.2.3');
    expect(platform.workstation().length).toBeGreaterThan(0);
  });

  it('asks for files in a dialog modal to the window, null when cancelled', async () => {
    const platform = createElectronPlatform(() => window as never);
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a.xlsx', '/b.xlsx'] });
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    expect(await platform.chooseFiles({ title: 'Import', filters, multiple: true })).toEqual([
      '/a.xlsx',
      '/b.xlsx',
    ]);
    expect(electron.showOpenDialog).toHaveBeenCalledWith(window, {
      title: 'Import',
      filters,
      properties: ['openFile', 'multiSelections'],
    });
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await platform.chooseFiles({ title: 'Import' })).toBeNull();
  });

  it('asks for a folder and a save path', async () => {
    const platform = createElectronPlatform(() => null);
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb'] });
    expect(await platform.chooseFolder({ title: 'Backup' })).toBe('/media/usb');
    expect(electron.showOpenDialog.mock.calls[0]![0]).toMatchObject({
      properties: ['openDirectory', 'createDirectory'],
    });
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/d/brief.docx' });
    expect(await platform.chooseSavePath({ title: 'Save', defaultName: 'brief.docx' })).toBe('/d/brief.docx');
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await platform.chooseSavePath({ title: 'Save', defaultName: 'brief.docx' })).toBeNull();
  });

  it('opens documents and reports the shell’s failure', async () => {
    const platform = createElectronPlatform(() => null);
    electron.openPath.mockResolvedValueOnce('');
    await platform.openPath('C:\\exports\\brief.docx');
    expect(electron.openPath).toHaveBeenCalledWith('C:\\exports\\brief.docx');
    electron.openPath.mockResolvedValueOnce('No application is associated');
    await expect(platform.openPath('C:\\exports\\x.docx')).rejects.toThrow(/could not be opened/);
  });

  it.each(['C:\\x\\setup.exe', 'C:\\x\\a.docm', '\\\\server\\share\\a.docx', 'C:\\x\\a.txt:b.exe'])(
    'never hands %j to the shell',
    async (path) => {
      const platform = createElectronPlatform(() => null);
      await expect(platform.openPath(path)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
      expect(electron.openPath).not.toHaveBeenCalled();
    },
  );
});
