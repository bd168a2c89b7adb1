import type { Insertable, Selectable, Updateable } from 'kysely';

export interface ApprovalAuthoritiesTable {
  id: string;
  /** A stable key for the authorities the program ships with; null for ones the office added. */
  key: string | null;
  name_fa: string;
  name_en: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface ApprovalTemplatesTable {
  id: string;
  name_fa: string;
  name_en: string;
  /** The case kind this template is the default for, or null. */
  case_kind: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApprovalTemplateStepsTable {
  template_id: string;
  position: number;
  authority_id: string;
}

export interface ApprovalChainsTable {
  id: string;
  case_id: string;
  template_id: string | null;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ApprovalStepsTable {
  id: string;
  chain_id: string;
  position: number;
  authority_id: string;
  submitted_on: string | null;
  submitted_letter_id: string | null;
  /** APPROVAL_DECISIONS. */
  decision: string;
  decided_on: string | null;
  decision_letter_id: string | null;
  skipped: number;
  skip_reason: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApprovalDecisionsTable {
  id: string;
  step_id: string;
  authority_id: string;
  submitted_on: string;
  decided_on: string;
  decision: string;
  letter_id: string | null;
  created_at: string;
}

export type AuthorityRow = Selectable<ApprovalAuthoritiesTable>;
export type TemplateRow = Selectable<ApprovalTemplatesTable>;
export type ChainRow = Selectable<ApprovalChainsTable>;
export type StepRow = Selectable<ApprovalStepsTable>;
export type InsertableStepRow = Insertable<ApprovalStepsTable>;
export type UpdateableStepRow = Updateable<ApprovalStepsTable>;
