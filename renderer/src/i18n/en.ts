/** The English catalogue: exactly the keys of the Persian one (a missing key fails typecheck). */
import type { MessageKey } from './fa';

export type Catalogue = { readonly [K in MessageKey]: string };

export const en: Catalogue = {
  'app.name': 'City Diplomacy Desk',
  'app.office': 'International Affairs',

  'nav.label': 'Sections',
  'nav.desk': 'Desk',
  'nav.partners': 'Partners',
  'nav.relationships': 'Relationships',
  'nav.cases': 'Cases',
  'nav.correspondence': 'Correspondence',
  'nav.agreements': 'Agreements',
  'nav.approvals': 'Approvals',
  'nav.events': 'Events',
  'nav.search': 'Search',
  'nav.documents': 'Documents',
  'nav.settings': 'Settings',

  'header.search.label': 'Search everything',
  'header.search.placeholder': 'Search…',
  'header.language': 'Language',
  'header.language.fa': 'فارسی',
  'header.language.en': 'English',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.notFound': 'This page does not exist.',
  'common.backToDesk': 'Back to the desk',

  'desk.title': 'Desk',
  'desk.greeting': 'Hello, {name}',
  'desk.greeting.anonymous': 'Welcome',
  'desk.today': 'Today',
  'desk.system.title': 'About this desk',
  'desk.system.appVersion': 'Program version',
  'desk.system.schemaVersion': 'Database version',
  'desk.system.sqliteVersion': 'SQLite version',
  'desk.system.dataDir': 'Data folder',
  'desk.system.workstation': 'Workstation',
  'desk.system.actor': 'System user',
  'desk.system.user': 'Registered user',
  'desk.system.notRegistered': 'This user is not yet on the staff list.',

  'errors.title': 'That did not work',
  'errors.VALIDATION': 'Some of the information is missing or not valid. Check the marked fields.',
  'errors.NOT_FOUND': 'This record was not found; someone may have deleted it.',
  'errors.CONFLICT': 'This change conflicts with what is already recorded (for example, a duplicate).',
  'errors.STORAGE_FULL': 'The disk is full. Nothing was saved; free some space and try again.',
  'errors.CORRUPT': 'The data file is damaged or does not belong to this program. Nothing was changed.',
  'errors.UNSUPPORTED_FILE': 'This kind of file is not accepted.',
  'errors.INTERNAL': 'Something unexpected went wrong. Nothing was saved.',
};
