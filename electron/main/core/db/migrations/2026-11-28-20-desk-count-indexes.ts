/**
 * Two indexes widened so that the Desk's counts read index entries only. The letters
 * referred to a user gain their state (`letters_referred_to`): counting a user's open
 * referrals read each of their letters, about 6,000 at office scale (21 ms). The tasks by done
 * and due date gain their assignee (`tasks_done_due`): counting the open tasks, overdue and
 * the user's own, read each open task, about 5,400 (15 ms). Each index keeps its place in
 * every query that used it (the new column comes last), and no index is added, so a
 * registration or a task writes no more entries than before.
 * Frozen: never edit after release; add a new migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('letters_referred_to').execute();
  await db.schema
    .createIndex('letters_referred_to')
    .on('letters')
    .columns(['referred_to_user_id', 'letter_date', 'id', 'state'])
    .execute();
  await db.schema.dropIndex('tasks_done_due').execute();
  await db.schema
    .createIndex('tasks_done_due')
    .on('tasks')
    .columns(['done', 'due_date', 'assignee_id'])
    .execute();
}
