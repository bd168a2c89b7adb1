/**
 * Handing a stored file to the user: a checked copy with a proper name and extension for
 * the operating system to open, or the checked bytes for an in-app preview.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { PREVIEW_MAX_BYTES, type Attachment } from '../../../../shared/api/attachments.contract';
import type { DeskPaths } from '../context';
import { DeskError } from '../errors';
import { hashFile, storedPath } from './attachment-store';
import { FILE_TYPES } from './content-type';
import { inside, safeFileName } from './safe-name';

const CHUNK = 1024 * 1024;

function damaged(attachment: Attachment): DeskError {
  return new DeskError(
    'CORRUPT',
    `The stored file of ${attachment.displayName} is missing or damaged; restore it from a backup.`,
  );
}

async function openStored(paths: DeskPaths, attachment: Attachment): Promise<FileHandle> {
  try {
    return await open(storedPath(paths.attachmentsDir, attachment.sha256), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw damaged(attachment);
    throw error;
  }
}

/**
 * Copies the stored file to `<temp>/open/<attachment id>/<safe name>`, checking its hash on
 * the way, and answers the copy's path. A copy that does not match is deleted, not opened.
 */
export async function copyForOpening(paths: DeskPaths, attachment: Attachment): Promise<string> {
  const folder = join(paths.tempDir, 'open', attachment.id);
  await mkdir(folder, { recursive: true });
  const target = inside(folder, safeFileName(attachment.displayName, FILE_TYPES[attachment.kind]));
  // Opened before and unchanged: open it again (on Windows it may still be open, and locked,
  // in Word), once the stored file itself is checked.
  if ((await hashFile(target))?.sha256 === attachment.sha256) {
    const stored = await hashFile(storedPath(paths.attachmentsDir, attachment.sha256));
    if (stored?.sha256 !== attachment.sha256) throw damaged(attachment);
    return target;
  }
  const partial = join(paths.tempDir, `open-${randomUUID()}.part`);
  const source = await openStored(paths, attachment);
  try {
    const out = await open(partial, 'wx');
    const hash = createHash('sha256');
    try {
      const buffer = Buffer.alloc(CHUNK);
      for (let position = 0; ;) {
        const { bytesRead } = await source.read(buffer, 0, CHUNK, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        hash.update(buffer.subarray(0, bytesRead));
        let written = 0;
        while (written < bytesRead) {
          written += (await out.write(buffer, written, bytesRead - written)).bytesWritten;
        }
      }
      await out.sync();
    } finally {
      await out.close();
    }
    if (hash.digest('hex') !== attachment.sha256) throw damaged(attachment);
    await rename(partial, target);
    return target;
  } finally {
    await source.close();
    await rm(partial, { force: true });
  }
}

/** The checked bytes of a PDF or image for the preview; larger files are opened instead. */
export async function readForPreview(paths: DeskPaths, attachment: Attachment): Promise<Buffer> {
  if (attachment.size > PREVIEW_MAX_BYTES) {
    throw new DeskError('UNSUPPORTED_FILE', 'This file is too large to preview; open it instead.');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(storedPath(paths.attachmentsDir, attachment.sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw damaged(attachment);
    throw error;
  }
  if (createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) throw damaged(attachment);
  return bytes;
}
