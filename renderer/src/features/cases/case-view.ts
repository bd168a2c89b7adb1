/** How cases are coloured on every screen. */
import type { CasePriority, CaseStatus } from '../../../../shared/api/cases.contract';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  open: 'blue',
  waiting: 'yellow',
  done: 'teal',
  cancelled: 'gray',
};

export const PRIORITY_COLORS: Record<CasePriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
