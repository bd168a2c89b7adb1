/**
 * Hash routes: `#/<section>`, `#/<section>/<id>`, `#/<section>/new`, `#/<section>/<id>/edit`,
 * with optional `?key=value` filters. The hash keeps the page reloadable and needs no server.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const SECTION_IDS = [
  'desk',
  'partners',
  'relationships',
  'cases',
  'correspondence',
  'agreements',
  'approvals',
  'events',
  'search',
  'documents',
  'import',
  'settings',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export interface Route {
  section: SectionId;
  /** A record id, or 'new' for the creation form. */
  id?: string;
  /** 'edit' for the edit form of the record. */
  action?: 'edit';
  params?: Record<string, string>;
}

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

/** Reads a location hash; anything unknown becomes null (the caller shows "not found"). */
export function parseHash(hash: string): Route | null {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [section = 'desk', id, action] = parts;
  if (!isSectionId(section) || parts.length > 3) return null;
  if (action !== undefined && action !== 'edit') return null;
  const route: Route = { section };
  if (id) route.id = id;
  if (action) route.action = action;
  if (query) route.params = Object.fromEntries(new URLSearchParams(query));
  return route;
}

export function routeHref(route: Route): string {
  let href = `#/${route.section}`;
  if (route.id) href += `/${encodeURIComponent(route.id)}`;
  if (route.action) href += `/${route.action}`;
  const query = route.params ? new URLSearchParams(route.params).toString() : '';
  return query ? `${href}?${query}` : href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The current route (null when the hash names nothing) and a function to go elsewhere. */
export function useRoute(): [Route | null, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHref(route);
  }, []);
  return [parseHash(hash), navigate];
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Goes to a route without adding a history entry (filters typed into a list). */
export function replaceRoute(route: Route): void {
  window.location.replace(routeHref(route));
}
