/**
 * Where a document goes and how it gets there: the path the user chose in the save dialog
 * (or one given), checked, and the file written beside it under a temporary name, flushed,
 * then renamed over the target, so a manager never finds half a document.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { Platform } from '../platform/platform.port';
import { DeskError, invalid } from '../errors';

/** The save dialog's answer for `defaultName`, or null when the user cancelled. */
export async function chooseTarget(
  platform: Platform,
  defaultName: string,
  language: 'fa' | 'en',
): Promise<string | null> {
  const chosen = await platform.chooseSavePath({
    title: language === 'fa' ? 'ذخیره سند Word' : 'Save the Word document',
    defaultName,
    filters: [{ name: language === 'fa' ? 'سند Word' : 'Word document', extensions: ['docx'] }],
  });
  if (chosen === null) return null;
  // A name typed without the extension gets it, as the filter promised.
  return extname(chosen).toLowerCase() === '.docx' ? chosen : `${chosen}.docx`;
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Refuses a path that cannot take the document: not absolute, not a .docx, in a folder
 * that does not exist, or naming a folder or a device.
 */
export async function checkTarget(path: string): Promise<void> {
  if (!isAbsolute(path)) throw invalid('The document’s path must be a full path.', ['path']);
  if (extname(path).toLowerCase() !== '.docx')
    throw invalid('A Word document’s name ends in .docx.', ['path']);
  if ((await kindOf(dirname(path))) !== 'folder') {
    throw invalid(`The folder ${dirname(path)} does not exist.`, ['path']);
  }
  const existing = await kindOf(path);
  if (existing === 'folder' || existing === 'other') {
    throw invalid(`${basename(path)} is not a file that can be replaced.`, ['path']);
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Writes `data` to `path` through a temporary file in the same folder. */
export async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.docx-part`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = errorCode(error);
    if (code === 'EBUSY' || (code === 'EPERM' && (await kindOf(path)) === 'file')) {
      throw new DeskError(
        'CONFLICT',
        `${basename(path)} is open in another program; close it and save again.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw invalid(`The folder ${dirname(path)} cannot be written to.`, ['path']);
    }
    throw error;
  }
}
