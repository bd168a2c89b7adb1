/** Follow-up tasks. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { InsertableTaskRow, TaskRow, UpdateableTaskRow } from './tasks.table';

type Db = Kysely<Database> | Transaction<Database>;

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTask(tx: Transaction<Database>, row: InsertableTaskRow): Promise<void> {
  await tx.insertInto('tasks').values(row).execute();
}

export async function updateTask(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableTaskRow,
): Promise<void> {
  await tx.updateTable('tasks').set(patch).where('id', '=', id).execute();
}

export interface TaskFilter {
  assigneeId?: string | undefined;
  ownerType?: string | null | undefined;
  ownerId?: string | null | undefined;
  done?: boolean | undefined;
  /** Not done and due before `today`. */
  overdue?: boolean | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  /** searchKey() of the words to find in the title or notes. */
  queryKey?: string | undefined;
  /** The calendar day that "overdue" is counted from. */
  today: string;
}

export interface TaskSort {
  sort: 'dueDate' | 'createdAt' | 'title';
  direction: 'asc' | 'desc';
}

function filtered(db: Db, filter: TaskFilter) {
  let q = db.selectFrom('tasks');
  if (filter.assigneeId !== undefined) q = q.where('assignee_id', '=', filter.assigneeId);
  if (filter.ownerType !== undefined && filter.ownerType !== null)
    q = q.where('owner_type', '=', filter.ownerType);
  if (filter.ownerId !== undefined && filter.ownerId !== null) q = q.where('owner_id', '=', filter.ownerId);
  if (filter.done !== undefined) q = q.where('done', '=', filter.done ? 1 : 0);
  if (filter.overdue === true) q = q.where('done', '=', 0).where('due_date', '<', filter.today);
  if (filter.overdue === false) {
    q = q.where((eb) =>
      eb.or([eb('done', '=', 1), eb('due_date', 'is', null), eb('due_date', '>=', filter.today)]),
    );
  }
  if (filter.dueFrom !== undefined) q = q.where('due_date', '>=', filter.dueFrom);
  if (filter.dueTo !== undefined) q = q.where('due_date', '<=', filter.dueTo);
  for (const word of (filter.queryKey ?? '').split(' ').filter(Boolean)) {
    const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<boolean>`search_key LIKE ${`%${escaped}%`} ESCAPE '\\'`);
  }
  return q;
}

/** One page of tasks with the total; undated tasks come last when sorted by due date. */
export async function listTaskRows(
  db: Db,
  filter: TaskFilter,
  sort: TaskSort,
  page: { limit: number; offset: number },
): Promise<{ rows: TaskRow[]; total: number }> {
  let q = filtered(db, filter).selectAll();
  const dir = sort.direction;
  if (sort.sort === 'dueDate') q = q.orderBy(sql`due_date IS NULL`).orderBy('due_date', dir);
  else if (sort.sort === 'title') q = q.orderBy('sort_key', dir);
  else q = q.orderBy('created_at', dir);
  const rows = await q.orderBy('id', dir).limit(page.limit).offset(page.offset).execute();
  const count = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** For the Desk: one person's tasks not done and due before `today`, the longest overdue first. */
export async function overdueTasksOf(
  db: Db,
  assigneeId: string,
  today: string,
  limit: number,
): Promise<TaskRow[]> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('assignee_id', '=', assigneeId)
    .where('done', '=', 0)
    .where('due_date', '<', today)
    .orderBy('due_date')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Counts of tasks not done: all of them, those overdue, and (for one person) theirs. */
export async function countOpenTasks(
  db: Db,
  today: string,
  assigneeId: string | null,
): Promise<{ open: number; overdue: number; mine: number; myOverdue: number }> {
  const row = await countOpenTasksQuery(db, today, assigneeId).executeTakeFirstOrThrow();
  return {
    open: Number(row.open),
    overdue: Number(row.overdue ?? 0),
    mine: Number(row.mine ?? 0),
    myOverdue: Number(row.myOverdue ?? 0),
  };
}

/**
 * The statement of countOpenTasks, exported so tests can EXPLAIN it: it reads the entries of
 * the open tasks in `tasks_done_due` alone, which holds their due dates and assignees.
 */
export function countOpenTasksQuery(db: Db, today: string, assigneeId: string | null) {
  return db
    .selectFrom('tasks')
    .where('done', '=', 0)
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<number>(eb.case().when('assignee_id', '=', assigneeId).then(1).else(0).end()).as('mine'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('assignee_id', '=', assigneeId), eb('due_date', '<', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('myOverdue'),
    ]);
}
