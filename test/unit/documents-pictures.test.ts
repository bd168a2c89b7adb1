/**
 * The pictures documents carry, drawn without a browser: the raster canvas (even-odd fill,
 * lines, discs, downsampling, PNG) and the briefing's map of a partner city.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cityMap } from '../../electron/main/core/documents/map-image';
import { Canvas, type Rgb } from '../../electron/main/core/documents/raster';

/** Width, height and RGB pixels of an 8-bit RGB PNG without filters, as Canvas writes it. */
function decodePng(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => Rgb } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([...png.subarray(24, 29)]).toEqual([8, 2, 0, 0, 0]);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  expect(raw.length).toBe((width * 3 + 1) * height);
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      return [raw[i]!, raw[i + 1]!, raw[i + 2]!];
    },
  };
}

const RED: Rgb = [200, 0, 0];
const WHITE: Rgb = [255, 255, 255];

describe('the raster canvas', () => {
  it('fills with the even-odd rule, so a ring keeps its hole', () => {
    const canvas = new Canvas(20, 20, WHITE);
    const square = (a: number, b: number) =>
      [
        [a, a],
        [b, a],
        [b, b],
        [a, b],
      ] as const;
    canvas.fill([square(2, 18), square(7, 13)], RED);
    const png = decodePng(canvas.toPng());
    expect(png).toMatchObject({ width: 20, height: 20 });
    expect(png.pixel(3, 3)).toEqual(RED);
    expect(png.pixel(10, 10)).toEqual(WHITE);
    expect(png.pixel(0, 0)).toEqual(WHITE);
    expect(png.pixel(19, 10)).toEqual(WHITE);
  });

  it('draws lines and discs, and halves with averaged pixels', () => {
    const canvas = new Canvas(40, 40, WHITE);
    canvas.line(
      [
        [0, 10],
        [40, 10],
      ],
      2,
      RED,
    );
    canvas.disc(20, 30, 5, [0, 0, 200]);
    expect(decodePng(canvas.toPng()).pixel(5, 10)).toEqual(RED);
    expect(decodePng(canvas.toPng()).pixel(20, 30)).toEqual([0, 0, 200]);
    const half = decodePng(new Canvas(4, 4, [100, 100, 100]).downsample(2).toPng());
    expect(half).toMatchObject({ width: 2, height: 2 });
    expect(half.pixel(1, 1)).toEqual([100, 100, 100]);
  });
});

describe('the map of a partner city', () => {
  const count = (png: ReturnType<typeof decodePng>, match: (p: Rgb) => boolean) => {
    let n = 0;
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (match(png.pixel(x, y))) n++;
    return n;
  };
  const isPartnerRed = ([r, g, b]: Rgb) => r > 180 && g < 60 && b < 60;
  const isHomeBlue = ([r, g, b]: Rgb) => r < 50 && g < 80 && b > 90;
  const isLand = ([r, g, b]: Rgb) => r === 241 && g === 238 && b === 230;
  const isSea = ([r, g, b]: Rgb) => r === 216 && g === 231 && b === 243;

  it('shows land, sea, the partner in red and the office’s city in blue', () => {
    const png = decodePng(
      cityMap({ latitude: 43.77, longitude: 11.25 }, { latitude: 32.65, longitude: 51.67 }),
    );
    expect(png).toMatchObject({ width: 900, height: 450 });
    expect(count(png, isPartnerRed)).toBeGreaterThan(60);
    expect(count(png, isHomeBlue)).toBeGreaterThan(50);
    expect(count(png, isLand)).toBeGreaterThan(50_000);
    expect(count(png, isSea)).toBeGreaterThan(20_000);
  });

  it('shows the partner alone when the office’s city is unknown, even across the date line', () => {
    const png = decodePng(cityMap({ latitude: -36.85, longitude: 174.76 }, null));
    expect(count(png, isPartnerRed)).toBeGreaterThan(60);
    expect(count(png, isHomeBlue)).toBe(0);
  });
});
