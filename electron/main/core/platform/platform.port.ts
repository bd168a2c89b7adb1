/**
 * What only the desktop can do, passed into the core so that the core never imports
 * Electron. Electron implements it in electron/main/platform.ts; tests pass a fake that
 * answers with chosen paths.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  /** The workstation's name, written into every audit row. */
  workstation(): string;
  /** The program's version, as the installer knows it. */
  appVersion(): string;
  /** Asks the user for files to open; null when cancelled. */
  chooseFiles(options: {
    title: string;
    filters?: FileFilter[];
    multiple?: boolean;
  }): Promise<string[] | null>;
  /** Asks the user where to save a file; null when cancelled. */
  chooseSavePath(options: {
    title: string;
    defaultName: string;
    filters?: FileFilter[];
  }): Promise<string | null>;
  /** Asks the user for a folder (a USB drive for a backup, say); null when cancelled. */
  chooseFolder(options: { title: string }): Promise<string | null>;
  /** Opens a file in the operating system's default program for its type. */
  openPath(path: string): Promise<void>;
}

/** The source of "now"; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
