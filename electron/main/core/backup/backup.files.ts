/**
 * File work for backups: hashing, durable copies (unbuffered on request where the system
 * allows, fsync before the copy counts as written), durable small files, and syncing a folder
 * after a rename.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeskError } from '../errors';

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

async function writeAll(handle: FileHandle, data: Uint8Array, position?: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const at = position === undefined ? undefined : position + done;
    const { bytesWritten } = await handle.write(data, done, data.length - done, at);
    done += bytesWritten;
  }
}

/** Bytes read and written at a time when copying a file. */
const COPY_CHUNK = 4 * 1024 * 1024;
/**
 * What an unbuffered write's memory, offset and length are multiples of (so any block size up
 * to it will do).
 */
const DIRECT_ALIGN = 64 * 1024;
/** WebAssembly memory comes in pages of this size. */
const WASM_PAGE = 64 * 1024;

/** WebAssembly's memory (Node and Electron have it; the Node type declarations leave it out). */
const { Memory } = (
  globalThis as unknown as {
    WebAssembly: { Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer } };
  }
).WebAssembly;

/**
 * Two copy chunks in memory that starts on a page boundary. An unbuffered write (O_DIRECT)
 * is refused (EINVAL) from memory that is not aligned to the disk's blocks, and a Buffer's
 * memory comes from malloc, which does not align it; WebAssembly memory is mapped in whole
 * pages of its own.
 */
function alignedChunks(): [Buffer, Buffer] {
  const memory = new Memory({ initial: (2 * COPY_CHUNK) / WASM_PAGE });
  return [Buffer.from(memory.buffer, 0, COPY_CHUNK), Buffer.from(memory.buffer, COPY_CHUNK, COPY_CHUNK)];
}

/** The aligned chunks of the last unbuffered copy, for the next one (a backup's many files). */
let spareAligned: [Buffer, Buffer] | null = null;

/**
 * The two chunks a copy reads into: aligned ones for unbuffered writes (the spare pair, or a
 * new one while another copy holds it), ordinary ones no larger than the file otherwise.
 */
function takeChunks(direct: boolean, total: number): [Buffer, Buffer] {
  if (!direct) {
    const size = Math.max(1, Math.min(COPY_CHUNK, total));
    return [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  }
  const pair = spareAligned ?? alignedChunks();
  spareAligned = null;
  return pair;
}

function isRefusedFlag(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EINVAL';
}

/**
 * The new file a copy writes; unbuffered when asked and the system allows it (O_DIRECT:
 * Linux; Node offers no way on Windows or macOS). A large copy that is kept rather than read
 * soon then goes to the disk without passing through the system's file cache: much cheaper
 * than cached writes on some machines (a 2.8 GB desk: 2–3 s instead of 12 s on the reference
 * machine), it leaves the cache to the live desk, and a later verification reads the copy
 * from the disk. A file system that refuses unbuffered writes (at open or at the first
 * write) gets ordinary ones. The file is created first, exclusively, so an existing file is
 * never overwritten whichever way it is then written.
 */
class CopyTarget {
  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    private direct: boolean,
  ) {}

  static async create(path: string, unbuffered: boolean): Promise<CopyTarget> {
    const created = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
    if (!unbuffered || constants.O_DIRECT === undefined) return new CopyTarget(path, created, false);
    await created.close();
    try {
      try {
        return new CopyTarget(path, await open(path, constants.O_WRONLY | constants.O_DIRECT), true);
      } catch (error) {
        if (!isRefusedFlag(error)) throw error;
      }
      return new CopyTarget(path, await open(path, constants.O_WRONLY), false);
    } catch (error) {
      await rm(path, { force: true }).catch(() => {});
      throw error;
    }
  }

  /** True while writes go past the system's cache. */
  get unbuffered(): boolean {
    return this.direct;
  }

  /** Writes `length` bytes of `chunk` at `position` (a multiple of COPY_CHUNK). */
  async write(chunk: Buffer, length: number, position: number): Promise<void> {
    if (this.direct) {
      // The last chunk is written whole to the next block and cut back in finish().
      const padded = Math.ceil(length / DIRECT_ALIGN) * DIRECT_ALIGN;
      chunk.fill(0, length, padded);
      try {
        return await writeAll(this.handle, chunk.subarray(0, padded), position);
      } catch (error) {
        if (!isRefusedFlag(error)) throw error;
        await this.handle.close();
        this.handle = await open(this.path, constants.O_WRONLY);
        this.direct = false;
      }
    }
    await writeAll(this.handle, chunk.subarray(0, length), position);
  }

  /** Cuts the file to `size` and syncs it. */
  async finish(size: number): Promise<void> {
    await this.handle.truncate(size);
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export interface CopyOptions {
  /** Changes the bytes of the copy as they pass (the database header's journal mode, say). */
  patch?: (chunk: Buffer, position: number, length: number) => void;
  /** Told after each chunk; may throw to stop the copy (it is then removed). */
  copied?: (done: number, total: number) => void;
  /**
   * Writes past the system's file cache where the system allows it: for a large copy that
   * is kept rather than read soon (a copy read back at once finds it in the cache otherwise).
   */
  unbuffered?: boolean;
}

/**
 * Copies `from` to a new file `to` (refusing to overwrite), fsyncs it, and answers the
 * digest of the bytes written. The next chunk is read while the last one is written. A
 * source that changes size while it is copied fails the copy. On failure the partial copy is
 * removed.
 */
export async function copyFileDurable(
  from: string,
  to: string,
  options: CopyOptions = {},
): Promise<FileDigest> {
  await mkdir(dirname(to), { recursive: true });
  const source = await open(from, 'r');
  let target: CopyTarget | undefined;
  let aligned: [Buffer, Buffer] | null = null;
  try {
    const total = (await source.stat()).size;
    target = await CopyTarget.create(to, options.unbuffered === true);
    const out = target;
    const hash = createHash('sha256');
    const chunks = takeChunks(out.unbuffered, total);
    if (out.unbuffered) aligned = chunks;
    let writing: Promise<void> = Promise.resolve();
    let size = 0;
    for (let turn = 0; ; turn += 1) {
      const chunk = chunks[turn % 2]!;
      const { bytesRead } = await source.read(chunk, 0, chunk.length, size);
      if (bytesRead === 0) break;
      options.patch?.(chunk, size, bytesRead);
      hash.update(chunk.subarray(0, bytesRead));
      await writing;
      const at = size;
      writing = out.write(chunk, bytesRead, at);
      writing.catch(() => {}); // awaited at the next turn or after the loop
      size += bytesRead;
      options.copied?.(size, total);
    }
    await writing;
    if (size !== total) {
      throw new DeskError('INTERNAL', `${from} changed size while it was being copied.`);
    }
    await target.finish(size);
    await target.close();
    target = undefined;
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    // Only a copy this call created is removed (never a file that was there before it).
    if (target) {
      await target.close().catch(() => {});
      await rm(to, { force: true }).catch(() => {});
    }
    throw error;
  } finally {
    await source.close();
    // An unfinished write only reads its chunk, into a copy that is removed.
    if (aligned) spareAligned = aligned;
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
