/**
 * Which screen shows each section. A section appears in the sidebar only when its core is
 * in the contract and its screen is listed in page-loaders.ts.
 */
import { lazy, type ComponentType } from 'react';
import { PAGE_LOADERS, type PageProps } from './page-loaders';
import type { SectionId } from './routes';
import { SECTIONS, hasMethod, type Section } from './sections';

export type { PageProps };

export const PAGES: Partial<Record<SectionId, ComponentType<PageProps>>> = Object.fromEntries(
  Object.entries(PAGE_LOADERS).map(([section, load]) => [section, lazy(load)]),
);

export const VISIBLE_SECTIONS: readonly Section[] = SECTIONS.filter(
  (section) => hasMethod(section.requires) && PAGES[section.id] !== undefined,
);
