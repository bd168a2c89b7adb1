/**
 * Renders resources/icon.svg into the icons the installer and the window use:
 * resources/icon.png (512 px) and resources/icon.ico (16–256 px). Each size is drawn from
 * the vector by resvg (a pinned renderer, so the same SVG always gives the same bytes on
 * every machine) rather than scaled down from one bitmap, and the ICO holds PNG entries
 * (valid since Windows Vista). The generated files are committed, and
 * test/unit/builder-config.test.ts checks they are exactly what this script makes; run it
 * again after changing the SVG:
 *
 *   npx tsx scripts/make-icons.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const RESOURCES = join(import.meta.dirname, '..', 'resources');
export const SVG_FILE = join(RESOURCES, 'icon.svg');
/** Explorer, the taskbar, the Start menu and the installer pick their size from these. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const PNG_SIZE = 512;

/** The SVG drawn as a square PNG of `size` pixels, transparent around the emblem. */
export function renderPng(svg: string | Buffer, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0, 0, 0, 0)',
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  if (image.width !== size || image.height !== size)
    throw new Error(`icon.svg must be square; it drew ${image.width}×${image.height}.`);
  return image.asPng();
}

/** An ICO file whose entries are whole PNG images. */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, png }, i) => {
    const entry = i * 16;
    if (size < 1 || size > 256) throw new Error(`An ICO entry cannot be ${size} px.`);
    directory.writeUInt8(size === 256 ? 0 : size, entry); // 0 means 256
    directory.writeUInt8(size === 256 ? 0 : size, entry + 1);
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3); // reserved
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...images.map((image) => image.png)]);
}

/** Both icons, as this script writes them. */
export function makeIcons(svg: string | Buffer): { png: Buffer; ico: Buffer } {
  return {
    png: renderPng(svg, PNG_SIZE),
    ico: icoFromPngs(ICO_SIZES.map((size) => ({ size, png: renderPng(svg, size) }))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { png, ico } = makeIcons(readFileSync(SVG_FILE));
  writeFileSync(join(RESOURCES, 'icon.png'), png);
  writeFileSync(join(RESOURCES, 'icon.ico'), ico);
  console.log(
    `resources/icon.png (${PNG_SIZE} px) and resources/icon.ico (${ICO_SIZES.join(', ')} px) written.`,
  );
}
