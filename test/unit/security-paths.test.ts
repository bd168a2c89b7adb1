import { describe, expect, it } from 'vitest';
import { dataDirFor, isNetworkPath, isSafeToOpen } from '../../electron/main/security';

describe('dataDirFor', () => {
  it('uses %LOCALAPPDATA%\\City Diplomacy Desk on Windows', () => {
    expect(dataDirFor({ LOCALAPPDATA: 'C:\\Users\\reza\\AppData\\Local' }, 'win32')).toBe(
      'C:\\Users\\reza\\AppData\\Local\\City Diplomacy Desk',
    );
    expect(dataDirFor({ LOCALAPPDATA: 'D:/Profiles/reza/AppData/Local' }, 'win32')).toBe(
      'D:\\Profiles\\reza\\AppData\\Local\\City Diplomacy Desk',
    );
  });

  it.each([
    '\\\\server\\share\\AppData\\Local',
    '//server/share/AppData/Local',
    '\\\\?\\UNC\\server\\share\\Local',
    '\\\\.\\pipe\\x',
  ])('refuses the network path %j on Windows', (local) => {
    expect(() => dataDirFor({ LOCALAPPDATA: local }, 'win32')).toThrow(/network share/);
  });

  it('refuses a missing or relative LOCALAPPDATA on Windows', () => {
    expect(() => dataDirFor({}, 'win32')).toThrow(/LOCALAPPDATA/);
    expect(() => dataDirFor({ LOCALAPPDATA: '  ' }, 'win32')).toThrow(/LOCALAPPDATA/);
    expect(() => dataDirFor({ LOCALAPPDATA: 'AppData\\Local' }, 'win32')).toThrow(/local drive/);
  });

  it('never uses the roaming profile on Windows', () => {
    const dir = dataDirFor(
      { LOCALAPPDATA: 'C:\\Users\\r\\AppData\\Local', APPDATA: 'C:\\Users\\r\\AppData\\Roaming' },
      'win32',
    );
    expect(dir).not.toMatch(/Roaming/);
  });

  it('uses the XDG data home elsewhere', () => {
    expect(dataDirFor({ XDG_DATA_HOME: '/data/xdg', HOME: '/home/r' }, 'linux')).toBe(
      '/data/xdg/city-diplomacy-desk',
    );
    expect(dataDirFor({ HOME: '/home/r' }, 'linux')).toBe('/home/r/.local/share/city-diplomacy-desk');
    expect(dataDirFor({ XDG_DATA_HOME: 'relative', HOME: '/home/r' }, 'linux')).toBe(
      '/home/r/.local/share/city-diplomacy-desk',
    );
    expect(() => dataDirFor({}, 'linux')).toThrow(/HOME/);
  });
});

describe('isNetworkPath', () => {
  it('recognises UNC and device paths', () => {
    expect(isNetworkPath('\\\\server\\share\\x.docx')).toBe(true);
    expect(isNetworkPath('//server/share/x.docx')).toBe(true);
    expect(isNetworkPath('C:\\Users\\x.docx')).toBe(false);
    expect(isNetworkPath('/home/r/x.docx')).toBe(false);
  });
});

describe('isSafeToOpen', () => {
  it.each([
    'C:\\Users\\r\\Documents\\briefing.docx',
    'C:\\Users\\r\\Documents\\نامه ۱۴۰۳.pdf',
    'D:/exports/letters.xlsx',
    '/home/r/photo.jpg',
    'C:\\Users\\r\\AppData\\Local\\City Diplomacy Desk\\backups',
  ])('opens the document %j', (path) => {
    expect(isSafeToOpen(path)).toBe(true);
  });

  it.each([
    'C:\\Users\\r\\Downloads\\invoice.exe',
    'C:\\x\\run.BAT',
    'C:\\x\\setup.msi',
    'C:\\x\\script.ps1',
    'C:\\x\\macro.docm',
    'C:\\x\\sheet.xlsm',
    'C:\\x\\page.hta',
    'C:\\x\\shortcut.lnk',
    'C:\\x\\screen.scr',
    'C:\\x\\code.js',
    'C:\\x\\code.vbs',
    'C:\\x\\disk.iso',
    'C:\\x\\trailing.exe.',
    'C:\\x\\trailing.exe . .',
    'C:\\x\\letter.txt:hidden.exe',
    '\\\\server\\share\\letter.docx',
    '//server/share/letter.docx',
    '',
    'C:\\x\\nul\0.docx',
  ])('refuses %j', (path) => {
    expect(isSafeToOpen(path)).toBe(false);
  });
});
