/**
 * The world map's projection and its fixed layers (the sphere, the graticule and the country
 * outlines of Natural Earth 1:110m from world-atlas). The fixed layers never change, so the
 * renderer's build draws them once (renderer/vite.config.ts) and the page only projects the
 * partners and arcs; projecting 177 countries took a good part of the Desk's first drawing.
 */
import { geoEqualEarth, geoGraticule10, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export function mapProjection(): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
}

export interface WorldOutlines {
  sphere: string;
  graticule: string;
  countries: { key: string; d: string }[];
}

/** The fixed layers as SVG path data, from world-atlas's topology. */
export function drawWorldOutlines(world: unknown): WorldOutlines {
  const topology = world as Topology<{ countries: GeometryCollection }>;
  const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features;
  // A tenth of a unit of the 960-wide drawing is far below a pixel; more digits only weigh.
  const draw = geoPath(mapProjection()).digits(1);
  return {
    sphere: draw({ type: 'Sphere' }) ?? '',
    graticule: draw(geoGraticule10()) ?? '',
    countries: countries.map((f, i) => ({ key: String(f.id ?? i), d: draw(f) ?? '' })),
  };
}
