/**
 * The Persian catalogue, the program's first language. Its keys are the vocabulary of the
 * interface: the English catalogue must have exactly the same ones (checked by the type
 * `Catalogue` in en.ts), and `t()` accepts no other. Each part of the program keeps its
 * words, in both languages side by side, under messages/.
 */
import { agreementsFa } from './messages/agreements';
import { approvalsFa } from './messages/approvals';
import { casesFa } from './messages/cases';
import { commonFa } from './messages/common';
import { deskFa } from './messages/desk';
import { documentsFa } from './messages/documents';
import { eventsFa } from './messages/events';
import { importFa } from './messages/import';
import { lettersFa } from './messages/letters';
import { partnersFa } from './messages/partners';
import { recoveryFa } from './messages/recovery';
import { upgradeFa } from './messages/upgrade';
import { relationshipsFa } from './messages/relationships';
import { searchFa } from './messages/search';
import { settingsFa } from './messages/settings';
import { shellFa } from './messages/shell';
import { welcomeFa } from './messages/welcome';
import { tasksFa } from './messages/tasks';
import { templatesFa } from './messages/templates';

export const fa = {
  ...shellFa,
  ...commonFa,
  ...lettersFa,
  ...partnersFa,
  ...relationshipsFa,
  ...casesFa,
  ...deskFa,
  ...searchFa,
  ...settingsFa,
  ...documentsFa,
  ...agreementsFa,
  ...approvalsFa,
  ...eventsFa,
  ...importFa,
  ...welcomeFa,
  ...tasksFa,
  ...templatesFa,
  ...recoveryFa,
  ...upgradeFa,
} as const;

export type MessageKey = keyof typeof fa;
