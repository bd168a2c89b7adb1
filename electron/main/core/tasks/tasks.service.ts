import type { Task } from '../../../../shared/api/tasks.contract';
import { searchKey } from '../../../../shared/text/persian';
import { sortKey } from '../../../../shared/text/sort-key';
import type { TaskRow } from './tasks.table';

export function toTask(row: TaskRow, today: string): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    ownerType: row.owner_type as Task['ownerType'],
    ownerId: row.owner_id,
    assigneeId: row.assignee_id,
    dueDate: row.due_date,
    done: row.done === 1,
    doneAt: row.done_at,
    doneBy: row.done_by,
    overdue: row.done === 0 && row.due_date !== null && row.due_date < today,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The search and sort keys of a task, kept in step with its title and notes. */
export function taskKeys(title: string, notes: string | null): { search_key: string; sort_key: string } {
  return { search_key: searchKey(`${title} ${notes ?? ''}`), sort_key: sortKey(title) };
}
