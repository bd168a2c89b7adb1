import type { Insertable, Selectable, Updateable } from 'kysely';

export interface TasksTable {
  id: string;
  title: string;
  notes: string | null;
  /** RECORD_TYPES, or null for a task about no record. */
  owner_type: string | null;
  owner_id: string | null;
  /** users.id of the staff member who should do it. */
  assignee_id: string | null;
  due_date: string | null;
  done: number;
  done_at: string | null;
  /** Workstation login of who marked it done. */
  done_by: string | null;
  search_key: string;
  sort_key: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type TaskRow = Selectable<TasksTable>;
export type InsertableTaskRow = Insertable<TasksTable>;
export type UpdateableTaskRow = Updateable<TasksTable>;
