/**
 * Renders resources/icon.svg into the icons the installer and the window use:
 * resources/icon.png (512 px) and resources/icon.ico (16–256 px). Each size is rendered from
 * the vector by Chromium rather than scaled down from one bitmap, and the ICO holds PNG
 * entries (valid since Windows Vista). The generated files are committed; run this again
 * after changing the SVG:
 *
 *   npx tsx scripts/make-icons.ts            (needs Debian's chromium at /usr/bin/chromium)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const RESOURCES = join(import.meta.dirname, '..', 'resources');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const PNG_SIZE = 512;

/** An ICO file whose entries are whole PNG images. */
function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
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

async function main(): Promise<void> {
  const svg = readFileSync(join(RESOURCES, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu'],
  });
  try {
    const render = async (size: number): Promise<Buffer> => {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><html><body style="margin:0">${sized}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      await page.close();
      return png;
    };
    writeFileSync(join(RESOURCES, 'icon.png'), await render(PNG_SIZE));
    const images = [];
    for (const size of ICO_SIZES) images.push({ size, png: await render(size) });
    writeFileSync(join(RESOURCES, 'icon.ico'), icoFromPngs(images));
  } finally {
    await browser.close();
  }
}

await main();
