/**
 * Just enough of the zip format to decide what an Office or OpenDocument file is: the
 * central directory (names, sizes, where each entry starts) read from the end of the file,
 * and single entries inflated with fflate under a hard bound on their output.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from './byte-source';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else is not read. */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip offsets out of range');
  return Number(value);
}

async function locateDirectory(src: ByteSource): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(src.size, 22 + MAX_COMMENT + 20);
  const tailStart = src.size - tailLength;
  const tail = await src.read(tailStart, tailLength);
  const dv = view(tail);
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (dv.getUint32(at, true) !== EOCD) continue;
    let count = dv.getUint16(at + 10, true);
    let size = dv.getUint32(at + 12, true);
    let offset = dv.getUint32(at + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      if (at < 20 || dv.getUint32(at - 20, true) !== ZIP64_LOCATOR) {
        throw new ZipFormatError('zip64 locator missing');
      }
      const record = view(await src.read(u64(dv, at - 20 + 8), 56));
      if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD) {
        throw new ZipFormatError('zip64 directory record missing');
      }
      count = u64(record, 32);
      size = u64(record, 40);
      offset = u64(record, 48);
    }
    if (offset + size > src.size) throw new ZipFormatError('central directory lies outside the file');
    return { offset, size, count };
  }
  throw new ZipFormatError('no end of central directory');
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  return new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(bytes);
}

/** Reads the central directory; refuses directories larger than the bounds given. */
export async function readZipDirectory(
  src: ByteSource,
  bounds?: { maxEntries: number; maxDirectoryBytes: number },
): Promise<ZipEntry[]> {
  try {
    return await readDirectory(src, bounds);
  } catch (error) {
    // A record cut short by the end of the file: the DataView says so with a RangeError.
    if (error instanceof RangeError) throw new ZipFormatError('truncated zip');
    throw error;
  }
}

async function readDirectory(
  src: ByteSource,
  bounds: { maxEntries: number; maxDirectoryBytes: number } = {
    maxEntries: 20_000,
    maxDirectoryBytes: 16 * 1024 * 1024,
  },
): Promise<ZipEntry[]> {
  const { offset, size, count } = await locateDirectory(src);
  if (count > bounds.maxEntries || size > bounds.maxDirectoryBytes) {
    throw new ZipFormatError('zip directory too large');
  }
  const dir = await src.read(offset, size);
  const dv = view(dir);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= dir.length && entries.length < count) {
    if (dv.getUint32(at, true) !== CENTRAL) throw new ZipFormatError('damaged central directory');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressed = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localOffset = dv.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > dir.length) throw new ZipFormatError('damaged central directory');
    const name = decodeName(dir.subarray(nameStart, extraStart), (flags & 0x0800) !== 0);
    // Zip64: the real values sit in extra field 0x0001, in this order, only for those that overflowed.
    for (let e = extraStart; e + 4 <= extraStart + extraLength;) {
      const tag = dv.getUint16(e, true);
      const length = dv.getUint16(e + 2, true);
      if (tag === 0x0001) {
        let p = e + 4;
        const end = p + length;
        if (uncompressed === 0xffffffff && p + 8 <= end) {
          uncompressed = u64(dv, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= end) {
          compressedSize = u64(dv, p);
          p += 8;
        }
        if (localOffset === 0xffffffff && p + 8 <= end) localOffset = u64(dv, p);
      }
      e += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size: uncompressed, localOffset });
    at = next;
  }
  if (entries.length !== count) throw new ZipFormatError('central directory is shorter than announced');
  return entries;
}

/**
 * Reads one entry's content. Output beyond `maxBytes` is refused (or cut off when
 * `truncate` is set), however large the entry claims or turns out to be.
 */
export async function readZipEntry(
  src: ByteSource,
  entry: ZipEntry,
  options: { maxBytes: number; truncate?: boolean },
): Promise<Uint8Array> {
  try {
    return await readEntry(src, entry, options);
  } catch (error) {
    if (error instanceof RangeError) throw new ZipFormatError('truncated zip');
    throw error;
  }
}

async function readEntry(
  src: ByteSource,
  entry: ZipEntry,
  options: { maxBytes: number; truncate?: boolean },
): Promise<Uint8Array> {
  if ((entry.flags & 0x0001) !== 0) throw new ZipFormatError('encrypted entry');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError('unknown compression');
  const header = view(await src.read(entry.localOffset, 30));
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL) {
    throw new ZipFormatError('damaged local header');
  }
  const dataStart = entry.localOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (dataStart + entry.compressedSize > src.size) throw new ZipFormatError('entry lies outside the file');

  const chunks: Uint8Array[] = [];
  let total = 0;
  let full = false;
  const take = (data: Uint8Array) => {
    if (full) return;
    const room = options.maxBytes - total;
    if (data.length > room) {
      if (!options.truncate) throw new ZipFormatError('entry too large');
      chunks.push(data.subarray(0, room));
      total += room;
      full = true;
      return;
    }
    chunks.push(data);
    total += data.length;
  };

  const step = 64 * 1024;
  if (entry.method === 0) {
    for (let done = 0; done < entry.compressedSize && !full; done += step) {
      take(await src.read(dataStart + done, Math.min(step, entry.compressedSize - done)));
    }
  } else {
    const inflater = new Inflate((data) => take(data));
    for (let done = 0; done < entry.compressedSize && !full; done += step) {
      const length = Math.min(step, entry.compressedSize - done);
      const chunk = await src.read(dataStart + done, length);
      try {
        inflater.push(chunk, done + length >= entry.compressedSize);
      } catch (error) {
        if (error instanceof ZipFormatError) throw error;
        throw new ZipFormatError('damaged compressed data');
      }
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
