/**
 * The content-addressed attachment store (DESIGN §3): every file lives at
 * `attachments/<sha256[0:2]>/<sha256>`, computed from its hash alone, so no name a user
 * typed ever reaches the file system. A file is written to the temp folder, fsynced and
 * renamed into place; the same content is stored once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AttachmentKind } from '../../../../shared/api/attachments.contract';
import type { DeskPaths } from '../context';
import { DeskError } from '../errors';
import { fileSource } from './byte-source';
import { TextCheckError, sniffFile, textChecker } from './content-type';
import { displayNameOf } from './safe-name';
import { extractText } from './text-extract';

const SHA256 = /^[0-9a-f]{64}$/;
const CHUNK = 1024 * 1024;

/** Where the file with this hash lives; refuses anything that is not a hash. */
export function storedPath(attachmentsDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new DeskError('INTERNAL', 'Not a file hash.');
  return join(attachmentsDir, sha256.slice(0, 2), sha256);
}

/**
 * Files that a call in progress has stored or found and is about to reference. Removal
 * after a commit leaves a pinned file alone, so that an attachment added in the meantime
 * never points at a file that was just deleted.
 */
const pins = new Map<string, number>();

function pin(path: string): () => void {
  pins.set(path, (pins.get(path) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (pins.get(path) ?? 1) - 1;
    if (n <= 0) pins.delete(path);
    else pins.set(path, n);
  };
}

/**
 * Deletes a stored file that the database no longer references, unless a call in progress
 * pinned it. Synchronous on purpose: the pin check and the unlink cannot be interleaved with
 * another call's store step.
 */
export function deleteStoredFileIfUnused(paths: DeskPaths, sha256: string): boolean {
  const path = storedPath(paths.attachmentsDir, sha256);
  if (pins.has(path)) return false;
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export interface StoredFile {
  sha256: string;
  size: number;
  kind: AttachmentKind;
  displayName: string;
  /** True when this call wrote the file; false when the same content was already stored. */
  created: boolean;
  /** Searchable text of the content, or null. */
  text: string | null;
  /** Lets removal delete the file again; call after the commit, or after cleaning up. */
  release: () => void;
}

/** File operations the store uses for writing; tests replace `write` to fill the disk. */
export interface StoreIo {
  write(handle: FileHandle, data: Uint8Array): Promise<void>;
}

export const nodeIo: StoreIo = {
  async write(handle, data) {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await handle.write(data, done, data.length - done);
      done += bytesWritten;
    }
  },
};

function unsupported(message: string): DeskError {
  return new DeskError('UNSUPPORTED_FILE', message);
}

/** Makes a rename durable: fsync the folder (POSIX); Windows cannot open folders, and needs not. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Not supported on this platform; the rename itself is atomic.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** SHA-256 and size of a file; null when it does not exist. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await handle.close();
  }
}

/** Hashes a stored file; null when it is missing. */
export async function hashStoredFile(
  paths: DeskPaths,
  sha256: string,
): Promise<{ sha256: string; size: number } | null> {
  return hashFile(storedPath(paths.attachmentsDir, sha256));
}

/**
 * Stores the user's file at `sourcePath`: refuses it when too large (before reading it) or
 * of a kind the desk does not accept (before writing anything), copies it to the temp
 * folder while hashing, fsyncs, and renames it into place unless that content is already
 * stored intact. On any failure the temp file is removed.
 */
export async function storeFile(
  paths: DeskPaths,
  sourcePath: string,
  options: { maxBytes: number },
  io: StoreIo = nodeIo,
): Promise<StoredFile> {
  const displayName = displayNameOf(sourcePath);
  let source: FileHandle;
  try {
    // O_NONBLOCK: a FIFO given as the path must not hang the desk waiting for a writer.
    source = await open(sourcePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new DeskError('NOT_FOUND', `The file ${displayName} does not exist.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw unsupported(`The file ${displayName} cannot be read.`);
    }
    throw error;
  }
  try {
    const stat = await source.stat();
    if (!stat.isFile()) throw unsupported(`${displayName} is not a file.`);
    if (stat.size > options.maxBytes) {
      throw new DeskError(
        'VALIDATION',
        `The file ${displayName} is larger than the attachment size limit (${options.maxBytes} bytes).`,
      );
    }
    const sniffed = await sniffFile(fileSource(source, stat.size), displayName);
    if (!sniffed.ok) throw unsupported(sniffed.reason);
    const copied = await copyToTemp(paths, source, options.maxBytes, sniffed.text, io);
    try {
      // The copy is what gets stored: decide again on its bytes, in case the file changed
      // between the first look and the copy.
      const copy = await open(copied.tempPath, 'r');
      try {
        const again = await sniffFile(fileSource(copy, copied.size), displayName);
        if (!again.ok || again.kind !== sniffed.kind) {
          throw unsupported(again.ok ? 'The file changed while it was read.' : again.reason);
        }
      } finally {
        await copy.close();
      }
      const target = storedPath(paths.attachmentsDir, copied.sha256);
      const release = pin(target);
      try {
        const existing = await hashFile(target);
        let created = false;
        if (existing?.sha256 === copied.sha256) {
          await unlink(copied.tempPath);
        } else {
          // Absent, or present but damaged: the fresh copy takes its place.
          await mkdir(dirname(target), { recursive: true });
          await rename(copied.tempPath, target);
          await syncFolder(dirname(target));
          created = existing === null;
        }
        const stored = await open(target, 'r');
        let text: string | null;
        try {
          text = await extractText(sniffed.kind, fileSource(stored, copied.size));
        } finally {
          await stored.close();
        }
        return {
          sha256: copied.sha256,
          size: copied.size,
          kind: sniffed.kind,
          displayName,
          created,
          text,
          release,
        };
      } catch (error) {
        release();
        throw error;
      }
    } finally {
      await rm(copied.tempPath, { force: true });
    }
  } finally {
    await source.close();
  }
}

async function copyToTemp(
  paths: DeskPaths,
  source: FileHandle,
  maxBytes: number,
  check: Parameters<typeof textChecker>[0] | null,
  io: StoreIo,
): Promise<{ tempPath: string; sha256: string; size: number }> {
  await mkdir(paths.tempDir, { recursive: true });
  const tempPath = join(paths.tempDir, `attachment-${randomUUID()}.part`);
  const out = await open(tempPath, 'wx');
  let closed = false;
  try {
    const hash = createHash('sha256');
    const checker = check ? textChecker(check) : null;
    const buffer = Buffer.alloc(CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, CHUNK, size);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      size += bytesRead;
      if (size > maxBytes) {
        throw new DeskError('VALIDATION', 'The file grew past the attachment size limit while it was read.');
      }
      checker?.push(chunk);
      hash.update(chunk);
      await io.write(out, chunk);
    }
    checker?.end();
    await out.sync();
    await out.close();
    closed = true;
    return { tempPath, sha256: hash.digest('hex'), size };
  } catch (error) {
    if (!closed) await out.close().catch(() => {});
    await rm(tempPath, { force: true });
    if (error instanceof TextCheckError)
      throw unsupported('The file is not a document type the desk accepts.');
    throw error;
  }
}

/** Removes what an interrupted call left in the temp folder (run when the desk opens). */
export async function cleanTempDir(paths: Pick<DeskPaths, 'tempDir'>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(paths.tempDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    // A copy still open in Word on Windows cannot be removed; it goes the next time.
    await rm(join(paths.tempDir, name), { recursive: true, force: true }).catch(() => {});
  }
}

/** Every file in the attachment folder, as paths relative to it (with `/`). */
export async function listStoredFiles(attachmentsDir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(folder, entry.name), rel);
      else out.push(rel);
    }
  };
  if ((await lstat(attachmentsDir).catch(() => null))?.isDirectory()) await walk(attachmentsDir, '');
  return out.sort();
}
