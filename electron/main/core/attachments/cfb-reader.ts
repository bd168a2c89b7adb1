/**
 * Just enough of the OLE compound file format (MS-CFB) to list the names of its storages
 * and streams: an Outlook message (.msg) is recognised by its property and substg streams,
 * while Word 97 documents, Excel 97 workbooks (which may carry macros) and anything else
 * in a compound file are refused.
 */
import type { ByteSource } from './byte-source';

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;

export class CfbFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CfbFormatError';
  }
}

/** Names of every storage and stream in the file (flat, without their tree). */
export async function listCfbNames(src: ByteSource, maxEntries = 50_000): Promise<string[]> {
  try {
    return await readNames(src, maxEntries);
  } catch (error) {
    // A truncated sector read short: the DataView says so with a RangeError.
    if (error instanceof RangeError) throw new CfbFormatError('truncated compound file');
    throw error;
  }
}

async function readNames(src: ByteSource, maxEntries: number): Promise<string[]> {
  const header = await src.read(0, 512);
  if (header.length < 512 || CFB_SIGNATURE.some((b, i) => header[i] !== b)) {
    throw new CfbFormatError('not a compound file');
  }
  const dv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new CfbFormatError('unknown sector size');
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((src.size - sectorSize) / sectorSize) + 1;
  const fatSectorCount = dv.getUint32(0x2c, true);
  const firstDirSector = dv.getUint32(0x30, true);
  let difatSector = dv.getUint32(0x44, true);
  if (fatSectorCount > sectorCount) throw new CfbFormatError('FAT larger than the file');

  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const readSector = async (n: number) => {
    if (n > MAX_REGULAR_SECTOR || sectorOffset(n) >= src.size) {
      throw new CfbFormatError('sector outside the file');
    }
    return src.read(sectorOffset(n), sectorSize);
  };

  // Where the FAT sectors are: the first 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i += 1) {
    fatSectors.push(dv.getUint32(0x4c + i * 4, true));
  }
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatSectorCount && difatSector <= MAX_REGULAR_SECTOR) {
    if (seenDifat.has(difatSector)) throw new CfbFormatError('DIFAT loops');
    seenDifat.add(difatSector);
    const bytes = await readSector(difatSector);
    const sv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatSectorCount; i += 1) {
      fatSectors.push(sv.getUint32(i * 4, true));
    }
    difatSector = sv.getUint32(perSector * 4, true);
  }
  if (fatSectors.length < fatSectorCount) throw new CfbFormatError('FAT incomplete');

  const fat: number[] = [];
  for (const n of fatSectors) {
    const bytes = await readSector(n);
    const sv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < sectorSize / 4; i += 1) fat.push(sv.getUint32(i * 4, true));
  }

  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector = firstDirSector; sector !== END_OF_CHAIN;) {
    if (sector > MAX_REGULAR_SECTOR || seen.has(sector)) throw new CfbFormatError('directory chain broken');
    seen.add(sector);
    const bytes = await readSector(sector);
    const sv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 128 <= bytes.length; at += 128) {
      const type = bytes[at + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const nameBytes = Math.min(64, sv.getUint16(at + 0x40, true));
      const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + Math.max(0, nameBytes - 2)));
      names.push(name);
      if (names.length > maxEntries) throw new CfbFormatError('too many entries');
    }
    const next = fat[sector];
    if (next === undefined) throw new CfbFormatError('directory chain leaves the FAT');
    sector = next;
  }
  return names;
}

/** An Outlook message keeps its properties in `__properties_version1.0` and `__substg1.0_*` streams. */
export function looksLikeOutlookMessage(names: readonly string[]): boolean {
  return names.includes('__properties_version1.0') && names.some((name) => name.startsWith('__substg1.0_'));
}
