/** The English catalogue: exactly the keys of the Persian one (a missing key fails typecheck). */
import type { MessageKey } from './fa';
import { agreementsEn } from './messages/agreements';
import { approvalsEn } from './messages/approvals';
import { casesEn } from './messages/cases';
import { commonEn } from './messages/common';
import { deskEn } from './messages/desk';
import { documentsEn } from './messages/documents';
import { eventsEn } from './messages/events';
import { importEn } from './messages/import';
import { lettersEn } from './messages/letters';
import { partnersEn } from './messages/partners';
import { recoveryEn } from './messages/recovery';
import { upgradeEn } from './messages/upgrade';
import { relationshipsEn } from './messages/relationships';
import { searchEn } from './messages/search';
import { settingsEn } from './messages/settings';
import { shellEn } from './messages/shell';
import { welcomeEn } from './messages/welcome';
import { tasksEn } from './messages/tasks';
import { templatesEn } from './messages/templates';

export type Catalogue = { readonly [K in MessageKey]: string };

export const en: Catalogue = {
  ...shellEn,
  ...commonEn,
  ...lettersEn,
  ...partnersEn,
  ...relationshipsEn,
  ...casesEn,
  ...deskEn,
  ...searchEn,
  ...settingsEn,
  ...documentsEn,
  ...agreementsEn,
  ...approvalsEn,
  ...eventsEn,
  ...importEn,
  ...welcomeEn,
  ...tasksEn,
  ...templatesEn,
  ...recoveryEn,
  ...upgradeEn,
};
