/**
 * A world map drawn from offline Natural Earth data (world-atlas, 1:110m), with partner
 * cities as points and relationships as great-circle arcs. Every point is a link to its
 * record, reachable by keyboard; nothing is fetched, the outlines are bundled.
 */
import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldText from 'world-atlas/countries-110m.json?raw';
import classes from './WorldMap.module.css';

export interface MapPoint {
  id: string;
  label: string;
  lon: number;
  lat: number;
  own: boolean;
  href: string;
}

export interface MapLink {
  id: string;
  from: [number, number];
  to: [number, number];
  label: string;
  color: string;
  href: string;
}

const WIDTH = 960;
const HEIGHT = 470;

let countries: Feature<Geometry>[] | null = null;
/** Parsed once, on the first map drawn. */
function worldCountries(): Feature<Geometry>[] {
  if (!countries) {
    const topology = JSON.parse(worldText) as Topology<{ countries: GeometryCollection }>;
    countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features;
  }
  return countries;
}

export interface WorldMapProps {
  label: string;
  points: MapPoint[];
  links: MapLink[];
  testId?: string;
}

export function WorldMap({ label, points, links, testId }: WorldMapProps) {
  const { path, outlines, graticule, sphere, project } = useMemo(() => {
    const projection = geoEqualEarth().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      { type: 'Sphere' },
    );
    const draw = geoPath(projection);
    return {
      path: draw,
      outlines: worldCountries().map((f, i) => ({ key: String(f.id ?? i), d: draw(f) ?? '' })),
      graticule: draw(geoGraticule10()) ?? '',
      sphere: draw({ type: 'Sphere' }) ?? '',
      project: (lon: number, lat: number) => projection([lon, lat]),
    };
  }, []);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={classes.map}
      role="group"
      aria-label={label}
      data-testid={testId}
    >
      <path d={sphere} className={classes.sphere} />
      <path d={graticule} className={classes.graticule} />
      <g aria-hidden>
        {outlines.map((o) => (
          <path key={o.key} d={o.d} className={classes.country} />
        ))}
      </g>
      <g>
        {links.map((link) => (
          <a
            key={link.id}
            href={link.href}
            aria-label={link.label}
            data-testid="map-link"
            className={classes.linkAnchor}
          >
            <title>{link.label}</title>
            <path
              d={path({ type: 'LineString', coordinates: [link.from, link.to] }) ?? ''}
              className={classes.link}
              style={{ stroke: link.color }}
            />
          </a>
        ))}
      </g>
      <g>
        {points.map((point) => {
          const at = project(point.lon, point.lat);
          if (!at) return null;
          return (
            <a
              key={point.id}
              href={point.href}
              aria-label={point.label}
              data-testid="map-point"
              data-own={point.own || undefined}
              className={classes.pointAnchor}
            >
              <title>{point.label}</title>
              <circle
                cx={at[0]}
                cy={at[1]}
                r={point.own ? 7 : 5}
                className={point.own ? classes.own : classes.point}
              />
            </a>
          );
        })}
      </g>
    </svg>
  );
}
