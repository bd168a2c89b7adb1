/**
 * Names. The name a user's file had is kept only as the attachment's display name; when a
 * copy is opened, a file name safe on Windows is made from it, and that file always lands
 * inside the one folder given for it.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { cleanDisplayText } from '../../../../shared/text/persian';
import { DeskError } from '../errors';
import type { FileType } from './content-type';

const MAX_DISPLAY_NAME = 255;
const MAX_FILE_STEM = 100;

/** The last component of a path written with either separator (the file may come from Windows). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** A name as shown in lists: one line, no bidi overrides or control characters, bounded. */
export function displayNameOf(path: string): string {
  const cleaned = cleanDisplayText(baseName(path)).replace(/\s+/g, ' ').trim();
  const bounded = [...cleaned].slice(0, MAX_DISPLAY_NAME).join('');
  return bounded === '' ? 'attachment' : bounded;
}

/** Characters Windows forbids in names, path separators, and invisible direction marks. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
const DIRECTION_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Device names Windows reserves whatever their extension (CON.txt is still CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A file name safe on Windows and Linux for opening a copy: the display name without path
 * separators, forbidden characters, direction marks, reserved device names or trailing dots
 * and spaces, ending in the extension of the type the content really has.
 */
export function safeFileName(displayName: string, type: FileType): string {
  let stem = displayName.replace(DIRECTION_MARKS, '').replace(FORBIDDEN_IN_NAME, '_').trim();
  const dot = stem.lastIndexOf('.');
  if (dot > 0 && type.extensions.includes(stem.slice(dot + 1).toLowerCase())) stem = stem.slice(0, dot);
  stem = [...stem].slice(0, MAX_FILE_STEM).join('');
  stem = stem.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  const device = stem.split('.')[0] ?? '';
  if (RESERVED.test(device.trim())) stem = `_${stem}`;
  if (stem === '') stem = 'attachment';
  return `${stem}.${type.extension}`;
}

/** Joins a name under a folder, and refuses anything that would land outside it. */
export function inside(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(join(root, name));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) {
    throw new DeskError('INTERNAL', 'A file name escaped its folder; nothing was written.');
  }
  return target;
}
