/** Files the e2e journeys attach: real PNG and PDF bytes, written to a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of a letterhead-like picture: a teal band over white, with a darker stripe. */
export function pngBytes(width = 240, height = 160): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = y < height / 4;
      const stripe = y > height / 2 && y < height / 2 + 6 && x > width / 8 && x < (width * 7) / 8;
      const [r, g, b] = band ? [2, 106, 129] : stripe ? [60, 60, 60] : [250, 250, 248];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes a file under a fresh temporary folder and answers its absolute path. */
export function tempFile(name: string, bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-files-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
