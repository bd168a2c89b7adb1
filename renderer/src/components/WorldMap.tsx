/**
 * A world map drawn from offline Natural Earth data (world-atlas, 1:110m), with partner
 * cities as points and relationships as great-circle arcs. Every point is a link to its
 * record, reachable by keyboard; nothing is fetched, the outlines are bundled.
 */
import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import world from 'virtual:world-outlines';
import classes from './WorldMap.module.css';
import { MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH, mapProjection } from './world-outlines';

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

export interface WorldMapProps {
  label: string;
  points: MapPoint[];
  links: MapLink[];
  testId?: string;
}

export function WorldMap({ label, points, links, testId }: WorldMapProps) {
  const { path, project } = useMemo(() => {
    const projection = mapProjection();
    return {
      path: geoPath(projection),
      project: (lon: number, lat: number) => projection([lon, lat]),
    };
  }, []);
  const { sphere, graticule, countries: outlines } = world;

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
