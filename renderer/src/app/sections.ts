/**
 * The sections of the program (DESIGN §2), each shown only when the core it needs is part
 * of the contract this build was made with.
 */
import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChecklist,
  IconFileImport,
  IconFileText,
  IconFolders,
  IconHeartHandshake,
  IconLayoutDashboard,
  IconMail,
  IconSearch,
  IconSettings,
  IconSignature,
  type Icon,
} from '@tabler/icons-react';
import { METHOD_NAMES } from '../../../shared/api/method-names';
import type { MessageKey } from '../i18n/fa';
import type { SectionId } from './routes';

export interface Section {
  id: SectionId;
  label: MessageKey;
  icon: Icon;
  /** The contract method without which the section has nothing to show. */
  requires: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'desk', label: 'nav.desk', icon: IconLayoutDashboard, requires: 'system.info' },
  { id: 'partners', label: 'nav.partners', icon: IconBuildingCommunity, requires: 'partners.list' },
  {
    id: 'relationships',
    label: 'nav.relationships',
    icon: IconHeartHandshake,
    requires: 'relationships.list',
  },
  { id: 'cases', label: 'nav.cases', icon: IconFolders, requires: 'cases.list' },
  { id: 'correspondence', label: 'nav.correspondence', icon: IconMail, requires: 'letters.list' },
  { id: 'agreements', label: 'nav.agreements', icon: IconSignature, requires: 'agreements.list' },
  { id: 'approvals', label: 'nav.approvals', icon: IconChecklist, requires: 'approvals.waiting' },
  { id: 'events', label: 'nav.events', icon: IconCalendarEvent, requires: 'events.list' },
  { id: 'search', label: 'nav.search', icon: IconSearch, requires: 'search.query' },
  { id: 'documents', label: 'nav.documents', icon: IconFileText, requires: 'documents.export' },
  { id: 'import', label: 'nav.import', icon: IconFileImport, requires: 'import.preview' },
  { id: 'settings', label: 'nav.settings', icon: IconSettings, requires: 'settings.get' },
];

const available = new Set<string>(METHOD_NAMES);

/** Whether the contract of this build has a method (for sections and optional features). */
export function hasMethod(name: string): boolean {
  return available.has(name);
}
