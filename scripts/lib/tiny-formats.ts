/**
 * Small, real files of the formats the desk accepts (and a few it refuses), written byte by
 * byte so that fixtures and sample data need no image or office program to be made again.
 * Every writer is deterministic: the same input gives the same bytes.
 */
import { deflateSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** An 8-bit RGB PNG; `pixel(x, y)` answers [r, g, b]. */
export function png(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const [r = 0, g = 0, b = 0] = pixel(x, y);
      raw.set(
        [r, g, b].map((v) => Math.max(0, Math.min(255, Math.round(v)))),
        row + 1 + x * 3,
      );
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
  };
  const header = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Canonical Huffman codes from the JPEG BITS/HUFFVAL form. */
function huffmanCodes(bits: number[], values: number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length += 1) {
    for (let i = 0; i < (bits[length - 1] ?? 0); i += 1) codes.set(values[k++]!, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

/**
 * A baseline greyscale JPEG made of flat 8×8 blocks (`shade(bx, by)` answers 0–255 for
 * block bx, by): only the DC coefficients carry data, so no DCT is needed to write it.
 */
export function jpegBlocks(
  blocksWide: number,
  blocksHigh: number,
  shade: (bx: number, by: number) => number,
): Buffer {
  const dcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
  const dcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const acBits = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const acValues = [0x00]; // end of block only
  const dc = huffmanCodes(dcBits, dcValues);
  const eob = huffmanCodes(acBits, acValues).get(0)!;

  const out: number[] = [];
  let acc = 0;
  let count = 0;
  const put = (code: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) {
      acc = (acc << 1) | ((code >> i) & 1);
      count += 1;
      if (count === 8) {
        out.push(acc);
        if (acc === 0xff) out.push(0x00);
        acc = 0;
        count = 0;
      }
    }
  };
  let previous = 0;
  for (let by = 0; by < blocksHigh; by += 1) {
    for (let bx = 0; bx < blocksWide; bx += 1) {
      // With a quantiser of 1, a flat block of value v has DC = 8 × (v − 128).
      const value = Math.round(8 * (Math.max(0, Math.min(255, shade(bx, by))) - 128));
      const diff = value - previous;
      previous = value;
      const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      const { code, length } = dc.get(category)!;
      put(code, length);
      if (category > 0) put(diff > 0 ? diff : diff + (1 << category) - 1, category);
      put(eob.code, eob.length);
    }
  }
  if (count > 0) put((1 << (8 - count)) - 1, 8 - count);

  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const width = blocksWide * 8;
  const height = blocksHigh * 8;
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, ...dcBits, ...dcValues]),
    ...segment(0xc4, [0x10, ...acBits, ...acValues]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...out,
    0xff, 0xd9,
  ]); // prettier-ignore
}

/** An uncompressed 8-bit greyscale baseline TIFF (little-endian). */
export function tiffGray(width: number, height: number, shade: (x: number, y: number) => number): Buffer {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = shade(x, y);
  const tags: [number, number, number, number][] = []; // tag, type, count, value
  const entries = 11;
  const ifdSize = 2 + entries * 12 + 4;
  const resolutionAt = 8 + ifdSize;
  const pixelsAt = resolutionAt + 16;
  tags.push([256, 3, 1, width], [257, 3, 1, height], [258, 3, 1, 8], [259, 3, 1, 1], [262, 3, 1, 1]);
  tags.push([273, 4, 1, pixelsAt], [277, 3, 1, 1], [278, 3, 1, height], [279, 4, 1, pixels.length]);
  tags.push([282, 5, 1, resolutionAt], [283, 5, 1, resolutionAt + 8]);
  const head = Buffer.alloc(pixelsAt);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(entries, 8);
  tags.forEach(([tag, type, n, value], i) => {
    const at = 10 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(n, at + 4);
    if (type === 3) head.writeUInt16LE(value, at + 8);
    else head.writeUInt32LE(value, at + 8);
  });
  head.writeUInt32LE(0, 10 + entries * 12); // no next IFD
  for (const at of [resolutionAt, resolutionAt + 8]) {
    head.writeUInt32LE(72, at);
    head.writeUInt32LE(1, at + 4);
  }
  return Buffer.concat([head, pixels]);
}

/** Escapes text for a PDF literal string (Latin-1 only; the standard fonts have no Persian). */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
}

/** A one-page A4 PDF with lines of Helvetica text and optional drawing operators. */
export function pdfPage(lines: PdfLine[], drawing = ''): Buffer {
  const text = lines
    .map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf ${l.x} ${l.y} Td ${pdfString(l.text)} Tj ET`)
    .join('\n');
  const content = `${drawing}\n${text}\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A zip with a fixed timestamp, so the same parts give the same bytes. */
export function zip(parts: Record<string, string | Uint8Array>, storedFirst?: string): Buffer {
  const mtime = new Date('2025-01-01T00:00:00Z');
  const files: Zippable = {};
  const names = Object.keys(parts);
  if (storedFirst) names.sort((a, b) => (a === storedFirst ? -1 : b === storedFirst ? 1 : 0));
  for (const name of names) {
    const value = parts[name]!;
    const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    files[name] = [data, { mtime, level: name === storedFirst ? 0 : 6 }];
  }
  return Buffer.from(zipSync(files));
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

/**
 * A version 3 OLE compound file (512-byte sectors) holding small streams in the root's mini
 * stream: the container of Outlook .msg files and of Word 97 documents.
 */
export function compoundFile(streams: { name: string; data: Uint8Array }[]): Buffer {
  if (streams.length > 3) throw new Error('this writer keeps the directory in one sector (3 streams)');
  const miniSize = 64;
  const miniSectors = streams.map((s) => Math.max(1, Math.ceil(s.data.length / miniSize)));
  const miniStream = Buffer.alloc(Math.ceil((miniSectors.reduce((a, b) => a + b, 0) * miniSize) / 512) * 512);
  const miniStart: number[] = [];
  let next = 0;
  streams.forEach((s, i) => {
    if (s.data.length >= 4096) throw new Error('this writer keeps streams in the mini stream');
    miniStart.push(next);
    miniStream.set(s.data, next * miniSize);
    next += miniSectors[i]!;
  });
  const miniUsed = next;
  const miniStreamSectors = miniStream.length / 512;

  // Sectors: 0 FAT, 1 directory, 2 mini FAT, 3.. mini stream.
  const sectors = 3 + miniStreamSectors;
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // this sector holds the FAT
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  fat.writeUInt32LE(END_OF_CHAIN, 8);
  for (let s = 3; s < sectors; s += 1) fat.writeUInt32LE(s + 1 < sectors ? s + 1 : END_OF_CHAIN, s * 4);

  const miniFat = Buffer.alloc(512, 0xff);
  streams.forEach((_, i) => {
    for (let k = 0; k < miniSectors[i]!; k += 1) {
      const at = miniStart[i]! + k;
      miniFat.writeUInt32LE(k + 1 < miniSectors[i]! ? at + 1 : END_OF_CHAIN, at * 4);
    }
  });

  // Siblings form a red-black tree ordered by name length, then by upper-cased name.
  const order = streams
    .map((s, i) => ({ i, key: s.name.toUpperCase() }))
    .sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.i + 1);
  const middle = order[Math.floor(order.length / 2)]!;
  const left = order.slice(0, Math.floor(order.length / 2));
  const right = order.slice(Math.floor(order.length / 2) + 1);

  const directory = Buffer.alloc(512);
  const entry = (
    index: number,
    name: string,
    type: number,
    links: { left: number; right: number; child: number },
    start: number,
    size: number,
  ) => {
    const at = index * 128;
    const nameBytes = Buffer.from(`${name}\0`, 'utf16le');
    nameBytes.copy(directory, at);
    directory.writeUInt16LE(nameBytes.length, at + 0x40);
    directory[at + 0x42] = type;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(links.left, at + 0x44);
    directory.writeUInt32LE(links.right, at + 0x48);
    directory.writeUInt32LE(links.child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, { left: NO_STREAM, right: NO_STREAM, child: middle }, 3, miniUsed * miniSize);
  const chain = (list: number[]): number => (list.length === 0 ? NO_STREAM : list[0]!);
  streams.forEach((s, i) => {
    const id = i + 1;
    const links =
      id === middle
        ? { left: chain(left), right: chain(right), child: NO_STREAM }
        : { left: NO_STREAM, right: NO_STREAM, child: NO_STREAM };
    entry(id, s.name, 2, links, miniStart[i]!, s.data.length);
  });
  for (let unused = streams.length + 1; unused < 4; unused += 1) {
    directory.writeUInt32LE(NO_STREAM, unused * 128 + 0x44);
    directory.writeUInt32LE(NO_STREAM, unused * 128 + 0x48);
    directory.writeUInt32LE(NO_STREAM, unused * 128 + 0x4c);
  }

  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(2, 0x3c); // first mini FAT sector
  header.writeUInt32LE(1, 0x40);
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x48);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0] = sector 0
  for (let i = 1; i < 109; i += 1) header.writeUInt32LE(FREE, 0x4c + i * 4);
  return Buffer.concat([header, fat, directory, miniFat, miniStream]);
}
