/**
 * The Electron side of the core's Platform port: native dialogs attached to the desk window,
 * opening a finished document in its default program, the workstation's name and version.
 */
import { hostname } from 'node:os';
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { DeskError } from './core/errors';
import type { FileFilter, Platform } from './core/platform/platform.port';
import { isSafeToOpen } from './security';

function filtersOf(filters: FileFilter[] | undefined): Electron.FileFilter[] | undefined {
  return filters?.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

/** Dialogs are modal to the desk window when it is open. */
async function showOpen(
  getWindow: () => BrowserWindow | null,
  options: OpenDialogOptions,
): Promise<string[] | null> {
  const window = getWindow();
  const result =
    window && !window.isDestroyed()
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

export function createElectronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    workstation: () => hostname(),
    appVersion: () => app.getVersion(),

    async chooseFiles({ title, filters, multiple }) {
      return showOpen(getWindow, {
        title,
        filters: filtersOf(filters),
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
    },

    async chooseFolder({ title }) {
      const paths = await showOpen(getWindow, {
        title,
        properties: ['openDirectory', 'createDirectory'],
      });
      return paths?.[0] ?? null;
    },

    async chooseSavePath({ title, defaultName, filters }) {
      const options = { title, defaultPath: defaultName, filters: filtersOf(filters) };
      const window = getWindow();
      const result =
        window && !window.isDestroyed()
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    async openPath(path) {
      if (!isSafeToOpen(path)) {
        throw new DeskError('UNSUPPORTED_FILE', 'The desk does not open this kind of file.');
      }
      const failure = await shell.openPath(path);
      if (failure) throw new Error(`The file could not be opened: ${failure}`);
    },
  };
}
