/**
 * Which screen shows each section. A section appears in the sidebar only when its core is
 * in the contract and its screen is listed in page-loaders.ts.
 */
import { lazy, type ComponentType } from 'react';
import { PAGE_LOADERS, loadedPage, type PageProps } from './page-loaders';
import type { SectionId } from './routes';
import { SECTIONS, hasMethod, type Section } from './sections';

export type { PageProps };

type PageModule = ReturnType<NonNullable<(typeof PAGE_LOADERS)[SectionId]>>;

/**
 * A section's screen, loaded when it is first drawn. A screen whose code has already arrived (the
 * one the window opens on, fetched by main.tsx alongside the program) is handed to React.lazy as a
 * thenable that answers at once, which React takes without suspending: a promise, even a settled
 * one, answers a turn later, so the shell would first show the loading fallback, and React holds
 * back what replaces a fallback until 300 ms after it appeared.
 */
function lazyPage(section: SectionId, load: () => PageModule): ComponentType<PageProps> {
  return lazy(() => {
    const arrived = loadedPage(section);
    if (!arrived) return load();
    const answered = {
      then: (take: (module: { default: ComponentType<PageProps> }) => void) => take({ default: arrived }),
    };
    return answered as unknown as PageModule;
  });
}

export const PAGES: Partial<Record<SectionId, ComponentType<PageProps>>> = Object.fromEntries(
  Object.entries(PAGE_LOADERS).map(([section, load]) => [section, lazyPage(section as SectionId, load)]),
);

export const VISIBLE_SECTIONS: readonly Section[] = SECTIONS.filter(
  (section) => hasMethod(section.requires) && PAGES[section.id] !== undefined,
);
