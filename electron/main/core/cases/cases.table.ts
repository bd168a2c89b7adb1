import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface CasesTable {
  id: string;
  title: string;
  /** CASE_KINDS. */
  kind: string;
  /** CASE_STATUSES. */
  status: string;
  /** CASE_PRIORITIES. */
  priority: string;
  /** users.id of the staff member responsible. */
  owner_id: string | null;
  due_on: string | null;
  relationship_id: string | null;
  /** COOPERATION_AREAS: the area this work serves. */
  area: string | null;
  description: string | null;
  opened_on: string;
  /** Set when the case becomes done or cancelled, cleared when it reopens. */
  closed_on: string | null;
  search_key: Generated<string>;
  /** sortKey() of the Persian name (title), so lists sort in Persian alphabetical order. */
  sort_key: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface CasePartnersTable {
  case_id: string;
  partner_id: string;
}

export interface CaseTagsTable {
  case_id: string;
  tag: string;
}

export type CaseRow = Selectable<CasesTable>;
export type InsertableCaseRow = Insertable<CasesTable>;
export type UpdateableCaseRow = Updateable<CasesTable>;
