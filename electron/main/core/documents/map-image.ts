/**
 * A small static map for a briefing: the region around a partner city, countries from
 * Natural Earth (world-atlas at 1:110m: enough at this size, and read in milliseconds where
 * 1:50m takes a few hundred), the partner's position in red, the office's own city
 * in blue and the great-circle line between them. Drawn by d3-geo into rings and filled on
 * our own raster canvas at twice the size, then halved for smooth edges — no browser, no
 * network, no native module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  geoEquirectangular,
  geoGraticule10,
  geoPath,
  type GeoContext,
  type GeoPermissibleObjects,
} from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { Canvas, type Point, type Rgb } from './raster';

export interface MapPoint {
  latitude: number;
  longitude: number;
}

const WIDTH = 900;
const HEIGHT = 450;
const SCALE = 2;

const SEA: Rgb = [216, 231, 243];
const LAND: Rgb = [241, 238, 230];
const PARTNER_COUNTRY: Rgb = [250, 226, 214];
const HOME_COUNTRY: Rgb = [222, 233, 214];
const BORDER: Rgb = [168, 168, 168];
const GRATICULE: Rgb = [200, 218, 233];
const ROUTE: Rgb = [150, 70, 70];
const PARTNER: Rgb = [200, 30, 30];
const HOME: Rgb = [31, 56, 100];
const WHITE: Rgb = [255, 255, 255];

/** A shape with its longitude and latitude bounds, so shapes outside the region are skipped. */
interface Bounded {
  shape: GeoPermissibleObjects;
  west: number;
  east: number;
  south: number;
  north: number;
}

interface World {
  countries: Bounded[];
  borders: Bounded[];
}

let world: World | null = null;

function bounded(shape: GeoPermissibleObjects, positions: readonly GeoJSON.Position[]): Bounded {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon = 0, lat = 0] of positions) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return { shape, west, east, south, north };
}

function positionsOf(geometry: GeoJSON.Geometry | null): GeoJSON.Position[] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      return [];
  }
}

/** Natural Earth's countries, and their borders cut into lines, read once. */
function loadWorld(): World {
  if (!world) {
    const path = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
    const collection = feature(topology, topology.objects.countries);
    const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
    world = {
      countries: collection.features.map((f) => bounded(f, positionsOf(f.geometry))),
      borders: borders.coordinates.map((line) => bounded({ type: 'LineString', coordinates: line }, line)),
    };
  }
  return world;
}

/** Whether a shape's bounds meet the region, trying the shape a turn of the globe either way. */
function meets(b: Bounded, region: { west: number; east: number; south: number; north: number }): boolean {
  if (b.north < region.south || b.south > region.north) return false;
  return [-360, 0, 360].some((shift) => b.east + shift >= region.west && b.west + shift <= region.east);
}

/** Collects what d3-geo draws as rings (polygons) or lines, in canvas pixels. */
class Collector implements GeoContext {
  shapes: Point[][] = [];
  #current: Point[] = [];
  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.#current = [[x, y]];
    this.shapes.push(this.#current);
  }
  lineTo(x: number, y: number): void {
    this.#current.push([x, y]);
  }
  closePath(): void {}
  arc(): void {}
  take(): Point[][] {
    const out = this.shapes;
    this.shapes = [];
    return out;
  }
}

function contains(rings: readonly (readonly Point[])[], [px, py]: Point): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The region to show: both points with a margin, at least 50° wide, twice as wide as high. */
function regionOf(points: readonly MapPoint[]): { west: number; east: number; south: number; north: number } {
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const centreLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const centreLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  let lonSpan = Math.max(50, (Math.max(...lons) - Math.min(...lons)) * 1.5);
  let latSpan = Math.max(25, (Math.max(...lats) - Math.min(...lats)) * 1.5);
  lonSpan = Math.min(340, Math.max(lonSpan, latSpan * 2));
  latSpan = lonSpan / 2;
  const south = Math.max(-85, centreLat - latSpan / 2);
  const north = Math.min(85, south + latSpan);
  return { west: centreLon - lonSpan / 2, east: centreLon + lonSpan / 2, south: north - latSpan, north };
}

/**
 * Maps already drawn, by their two positions: a map depends on nothing else, and the same
 * partner is often briefed again (the Persian and the English briefing, a second copy before
 * the meeting). Drawing one costs about a tenth of a second; a few are kept, oldest dropped.
 */
const drawn = new Map<string, Buffer>();
const DRAWN_KEPT = 8;

/**
 * The map as a PNG, 900 × 450 pixels. `home` (the office's own city) is drawn when known
 * and not on the far side of the world from the partner.
 */
export function cityMap(partner: MapPoint, home: MapPoint | null): Buffer {
  const key = JSON.stringify([partner.latitude, partner.longitude, home?.latitude, home?.longitude]);
  const kept = drawn.get(key);
  if (kept) return kept;
  const png = drawMap(partner, home);
  if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, png);
  return png;
}

function drawMap(partner: MapPoint, home: MapPoint | null): Buffer {
  const { countries, borders } = loadWorld();
  const showHome = home !== null && Math.abs(home.longitude - partner.longitude) < 200;
  const region = regionOf(showHome && home ? [partner, home] : [partner]);
  const w = WIDTH * SCALE;
  const h = HEIGHT * SCALE;
  const centreLon = (region.west + region.east) / 2;
  const projection = geoEquirectangular()
    .rotate([-centreLon, 0])
    .fitExtent(
      [
        [0, 0],
        [w, h],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [region.west, region.south],
          [region.east, region.north],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [w, h],
    ]);
  const collector = new Collector();
  const path = geoPath(projection, collector);
  const canvas = new Canvas(w, h, SEA);
  const at = (p: MapPoint): Point => {
    const xy = projection([p.longitude, p.latitude]);
    return xy ? [xy[0], xy[1]] : [-1, -1];
  };
  const partnerAt = at(partner);
  const homeAt = showHome && home ? at(home) : null;

  path(geoGraticule10());
  for (const line of collector.take()) canvas.line(line, 1.5, GRATICULE);
  for (const country of countries) {
    if (!meets(country, region)) continue;
    path(country.shape);
    const rings = collector.take();
    if (rings.length === 0) continue;
    const color = contains(rings, partnerAt)
      ? PARTNER_COUNTRY
      : homeAt && contains(rings, homeAt)
        ? HOME_COUNTRY
        : LAND;
    canvas.fill(rings, color);
  }
  for (const border of borders) if (meets(border, region)) path(border.shape);
  for (const line of collector.take()) canvas.line(line, 1.6, BORDER);
  if (homeAt) {
    path({
      type: 'LineString',
      coordinates: [
        [home!.longitude, home!.latitude],
        [partner.longitude, partner.latitude],
      ],
    });
    for (const line of collector.take()) canvas.line(line, 3, ROUTE);
    canvas.disc(homeAt[0], homeAt[1], 13, WHITE);
    canvas.disc(homeAt[0], homeAt[1], 9, HOME);
  }
  canvas.disc(partnerAt[0], partnerAt[1], 17, WHITE);
  canvas.disc(partnerAt[0], partnerAt[1], 12, PARTNER);
  return canvas.downsample(SCALE).toPng();
}
