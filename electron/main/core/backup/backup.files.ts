/**
 * File work for backups: hashing, durable copies (fsync before the copy counts as written),
 * durable small files, and syncing a folder after a rename.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

const CHUNK = 1024 * 1024;

export interface FileDigest {
  sha256: string;
  size: number;
}

/** SHA-256 and size of a file, read in chunks. */
export async function hashFile(path: string): Promise<FileDigest> {
  const handle = await open(path, 'r');
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

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done);
    done += bytesWritten;
  }
}

/**
 * Copies `from` to a new file `to` (refusing to overwrite), fsyncs it, and answers the
 * digest of the bytes written. On failure the partial copy is removed.
 */
export async function copyFileDurable(from: string, to: string): Promise<FileDigest> {
  await mkdir(dirname(to), { recursive: true });
  const source = await open(from, 'r');
  let target: FileHandle | undefined;
  try {
    target = await open(to, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, CHUNK, size);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await writeAll(target, chunk);
      size += bytesRead;
    }
    await target.sync();
    await target.close();
    target = undefined;
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    await target?.close().catch(() => {});
    await rm(to, { force: true }).catch(() => {});
    throw error;
  } finally {
    await source.close();
  }
}

/**
 * Writes a small file completely: a temp file beside it, fsync, rename, folder sync. The temp
 * name is unique, so two writers of the same file (a background verification and one the user
 * asked for) never rename each other's half-written temp file; the last rename wins.
 */
export async function writeFileDurable(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await writeAll(handle, Buffer.from(text, 'utf8'));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncFolder(dirname(path));
}

/** Makes renames in a folder durable (POSIX); Windows cannot open folders and needs not. */
export async function syncFolder(folder: string): Promise<void> {
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

/** True when `path` is a plain file (not a link, not a folder). */
export async function isPlainFile(path: string): Promise<boolean> {
  const stat = await lstat(path).catch(() => null);
  return stat !== null && stat.isFile();
}

/** True when `path` is a plain folder (not a link). */
export async function isPlainFolder(path: string): Promise<boolean> {
  const stat = await lstat(path).catch(() => null);
  return stat !== null && stat.isDirectory();
}
