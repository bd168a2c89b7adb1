/**
 * Where each section's screen is loaded from. A screen's code is read when the screen is first
 * opened, not before the first paint; the entry starts loading the screen it opens on at once
 * (main.tsx), together with the program.
 */
import type { ComponentType } from 'react';
import type { Route, SectionId } from './routes';

export interface PageProps {
  route: Route;
}

type PageModule = Promise<{ default: ComponentType<PageProps> }>;

const IMPORTS: Partial<Record<SectionId, () => PageModule>> = {
  desk: () => import('../features/desk/DeskPage').then((m) => ({ default: m.DeskPage })),
  correspondence: () =>
    import('../features/correspondence/CorrespondencePage').then((m) => ({ default: m.CorrespondencePage })),
  partners: () => import('../features/partners/PartnersPage').then((m) => ({ default: m.PartnersPage })),
  relationships: () =>
    import('../features/relationships/RelationshipsPage').then((m) => ({ default: m.RelationshipsPage })),
  cases: () => import('../features/cases/CasesPage').then((m) => ({ default: m.CasesPage })),
  search: () => import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })),
  settings: () => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  documents: () => import('../features/documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })),
  agreements: () =>
    import('../features/agreements/AgreementsPage').then((m) => ({ default: m.AgreementsPage })),
  approvals: () => import('../features/approvals/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })),
  events: () => import('../features/events/EventsPage').then((m) => ({ default: m.EventsPage })),
  import: () => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })),
};

/** The screens whose code has arrived, by section. */
const loaded: Partial<Record<SectionId, ComponentType<PageProps>>> = {};

/** Loads a section's screen; once it has arrived, `loadedPage` answers it. */
export const PAGE_LOADERS: Partial<Record<SectionId, () => PageModule>> = Object.fromEntries(
  Object.entries(IMPORTS).map(([section, load]) => [
    section,
    () =>
      load().then((module) => {
        loaded[section as SectionId] = module.default;
        return module;
      }),
  ]),
);

/** A section's screen if its code has already arrived, without waiting a turn for it. */
export function loadedPage(section: SectionId): ComponentType<PageProps> | undefined {
  return loaded[section];
}
