/**
 * Which screen shows each section. A section appears in the sidebar only when its core is
 * in the contract and its screen is listed here.
 */
import type { ComponentType } from 'react';
import { AgreementsPage } from '../features/agreements/AgreementsPage';
import { ApprovalsPage } from '../features/approvals/ApprovalsPage';
import { CasesPage } from '../features/cases/CasesPage';
import { CorrespondencePage } from '../features/correspondence/CorrespondencePage';
import { EventsPage } from '../features/events/EventsPage';
import { ImportPage } from '../features/import/ImportPage';
import { DeskPage } from '../features/desk/DeskPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { PartnersPage } from '../features/partners/PartnersPage';
import { RelationshipsPage } from '../features/relationships/RelationshipsPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { Route, SectionId } from './routes';
import { SECTIONS, hasMethod, type Section } from './sections';

export interface PageProps {
  route: Route;
}

export const PAGES: Partial<Record<SectionId, ComponentType<PageProps>>> = {
  desk: DeskPage,
  correspondence: CorrespondencePage,
  partners: PartnersPage,
  relationships: RelationshipsPage,
  cases: CasesPage,
  search: SearchPage,
  settings: SettingsPage,
  documents: DocumentsPage,
  agreements: AgreementsPage,
  approvals: ApprovalsPage,
  events: EventsPage,
  import: ImportPage,
};

export const VISIBLE_SECTIONS: readonly Section[] = SECTIONS.filter(
  (section) => hasMethod(section.requires) && PAGES[section.id] !== undefined,
);
