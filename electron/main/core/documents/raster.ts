/**
 * A small raster canvas for the pictures documents carry (the map of a partner's city):
 * polygons filled by scanline with the even-odd rule, thick lines, discs, a box-filter
 * downsample for smooth edges, and PNG encoding with Node's own zlib. No native module,
 * no browser: it runs wherever the core runs, offline.
 */
import { crc32, deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];
/** Closed rings of points; a polygon with holes is its outer ring and its holes. */
export type Rings = readonly (readonly Point[])[];

export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;

  constructor(width: number, height: number, background: Rgb) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 3);
    this.pixels.set(background, 0);
    // Doubling copies: a per-pixel loop over a few million bytes is needlessly slow.
    for (let filled = 3; filled < this.pixels.length; filled *= 2) {
      this.pixels.copyWithin(filled, 0, Math.min(filled, this.pixels.length - filled));
    }
  }

  #span(y: number, x0: number, x1: number, color: Rgb): void {
    const from = Math.max(0, Math.ceil(x0 - 0.5));
    const to = Math.min(this.width - 1, Math.floor(x1 - 0.5));
    const [r, g, b] = color;
    const px = this.pixels;
    for (let i = (y * this.width + from) * 3, end = (y * this.width + to) * 3; i <= end; i += 3) {
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
    }
  }

  /** Fills the rings with the even-odd rule, sampling each pixel at its centre. */
  fill(rings: Rings, color: Rgb): void {
    // Edges as [top, bottom, x at top, dx per row], sorted by top; an active list walks down.
    const edges: [number, number, number, number][] = [];
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[(i + 1) % ring.length]!;
        if (a[1] === b[1]) continue;
        const [top, bottom] = a[1] < b[1] ? [a, b] : [b, a];
        const slope = (bottom[0] - top[0]) / (bottom[1] - top[1]);
        edges.push([top[1], bottom[1], top[0], slope]);
      }
    }
    if (edges.length === 0) return;
    edges.sort((p, q) => p[0] - q[0]);
    const first = Math.max(0, Math.floor(edges[0]![0]));
    let last = 0;
    for (const e of edges) last = Math.max(last, e[1]);
    const bottomRow = Math.min(this.height - 1, Math.ceil(last));
    let next = 0;
    let active: [number, number, number, number][] = [];
    const crossings: number[] = [];
    for (let y = first; y <= bottomRow; y++) {
      const cy = y + 0.5;
      while (next < edges.length && edges[next]![0] <= cy) active.push(edges[next++]!);
      active = active.filter((e) => e[1] > cy);
      crossings.length = 0;
      for (const e of active) if (e[0] <= cy) crossings.push(e[2] + (cy - e[0]) * e[3]);
      crossings.sort((p, q) => p - q);
      for (let i = 0; i + 1 < crossings.length; i += 2)
        this.#span(y, crossings[i]!, crossings[i + 1]!, color);
    }
  }

  /** A line about `width` pixels wide through the points, stamped as squares every half pixel. */
  line(points: readonly Point[], width: number, color: Rgb): void {
    const half = width / 2;
    for (let i = 0; i + 1 < points.length; i++) {
      const [x0, y0] = points[i]!;
      const [x1, y1] = points[i + 1]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2));
      for (let s = 0; s <= steps; s++) {
        const x = x0 + ((x1 - x0) * s) / steps;
        const y = y0 + ((y1 - y0) * s) / steps;
        const top = Math.max(0, Math.round(y - half));
        const bottom = Math.min(this.height - 1, Math.round(y + half) - 1);
        for (let row = top; row <= bottom; row++) this.#span(row, x - half, x + half, color);
      }
    }
  }

  disc(cx: number, cy: number, radius: number, color: Rgb): void {
    const top = Math.max(0, Math.floor(cy - radius));
    const bottom = Math.min(this.height - 1, Math.ceil(cy + radius));
    for (let y = top; y <= bottom; y++) {
      const dy = y + 0.5 - cy;
      const half = Math.sqrt(Math.max(0, radius * radius - dy * dy));
      if (half > 0) this.#span(y, cx - half, cx + half, color);
    }
  }

  /** The canvas `factor` times smaller, each pixel the mean of the block it covers. */
  downsample(factor: number): Canvas {
    const width = Math.floor(this.width / factor);
    const height = Math.floor(this.height / factor);
    const out = new Canvas(width, height, [0, 0, 0]);
    const area = factor * factor;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let dy = 0; dy < factor; dy++) {
          let i = ((y * factor + dy) * this.width + x * factor) * 3;
          for (let dx = 0; dx < factor; dx++, i += 3) {
            r += this.pixels[i]!;
            g += this.pixels[i + 1]!;
            b += this.pixels[i + 2]!;
          }
        }
        const o = (y * width + x) * 3;
        out.pixels[o] = Math.round(r / area);
        out.pixels[o + 1] = Math.round(g / area);
        out.pixels[o + 2] = Math.round(b / area);
      }
    }
    return out;
  }

  /** An 8-bit RGB PNG of the canvas. */
  toPng(): Buffer {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (stride + 1)] = 0;
      raw.set(this.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 6 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}
