/** A Platform for tests: dialogs answer with paths chosen by the test, opened files are recorded. */
import type { FileFilter, Platform } from '../../electron/main/core/platform/platform.port';

export interface FakePlatform extends Platform {
  /** What the next chooseFiles answers (null = the user cancelled). */
  nextFiles: string[] | null;
  /** What the next chooseSavePath answers. */
  nextSavePath: string | null;
  /** What the next chooseFolder answers. */
  nextFolder: string | null;
  opened: string[];
  lastFilters: FileFilter[] | undefined;
}

export function fakePlatform(overrides: Partial<FakePlatform> = {}): FakePlatform {
  const platform: FakePlatform = {
    nextFiles: null,
    nextSavePath: null,
    nextFolder: null,
    opened: [],
    lastFilters: undefined,
    workstation: () => 'TEST-PC',
    appVersion: () => '0.1.0-test',
    async chooseFiles(options) {
      platform.lastFilters = options.filters;
      return platform.nextFiles;
    },
    async chooseSavePath(options) {
      platform.lastFilters = options.filters;
      return platform.nextSavePath;
    },
    async chooseFolder() {
      return platform.nextFolder;
    },
    async openPath(path) {
      platform.opened.push(path);
    },
    ...overrides,
  };
  return platform;
}
