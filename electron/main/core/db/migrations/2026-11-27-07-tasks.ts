/**
 * Follow-up tasks. Frozen: never edit after release; add a new migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('due_date', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    // Title and notes normalised by searchKey(), for the Persian-aware word filter.
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    // The title as a key that sorts in Persian alphabetical order.
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // "My open tasks by due date" (the Desk and the task list's usual view).
  await db.schema
    .createIndex('tasks_assignee')
    .on('tasks')
    .columns(['assignee_id', 'done', 'due_date'])
    .execute();
  // Everyone's open tasks by due date, and counts of open and overdue tasks.
  await db.schema.createIndex('tasks_done_due').on('tasks').columns(['done', 'due_date']).execute();
  // The tasks of one record (its page shows them).
  await db.schema.createIndex('tasks_owner').on('tasks').columns(['owner_type', 'owner_id']).execute();
}
