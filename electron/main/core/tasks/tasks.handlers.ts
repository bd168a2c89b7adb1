import { todayIso } from '../../../../shared/dates/jalali';
import { cleanDisplayText, searchKey } from '../../../../shared/text/persian';
import { assertRecordExists } from '../attachments/owners';
import type { MutationContext } from '../context';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { findUser, findUserByUsername } from '../users/users.repository';
import { findTask, insertTask, listTaskRows, updateTask } from './tasks.repository';
import { taskKeys, toTask } from './tasks.service';
import type { UpdateableTaskRow } from './tasks.table';

async function assertAssignee(ctx: MutationContext, assigneeId: string | null | undefined): Promise<void> {
  if (assigneeId === undefined || assigneeId === null) return;
  if (!(await findUser(ctx.tx, assigneeId))) throw notFound('User', assigneeId);
}

const clean = (s: string | null | undefined) => (s === undefined || s === null ? s : cleanDisplayText(s));

export const tasksHandlers = defineHandlers({
  'tasks.create': async (ctx, input) => {
    if (input.ownerType && input.ownerId) await assertRecordExists(ctx.tx, input.ownerType, input.ownerId);
    await assertAssignee(ctx, input.assigneeId);
    const title = cleanDisplayText(input.title);
    if (title.trim() === '') throw invalid('The title is required.', ['title']);
    const notes = clean(input.notes) ?? null;
    const id = newId();
    await insertTask(ctx.tx, {
      id,
      title,
      notes,
      owner_type: input.ownerType ?? null,
      owner_id: input.ownerId ?? null,
      assignee_id: input.assigneeId ?? null,
      due_date: input.dueDate ?? null,
      done: 0,
      done_at: null,
      done_by: null,
      ...taskKeys(title, notes),
      created_by: ctx.actor,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    const task = toTask((await findTask(ctx.tx, id))!, todayIso(ctx.now));
    return { value: task, audit: { entity: 'task', entityId: id, before: null, after: task } };
  },

  'tasks.update': async (ctx, input) => {
    const existing = await findTask(ctx.tx, input.id);
    if (!existing) throw notFound('Task', input.id);
    const today = todayIso(ctx.now);
    const before = toTask(existing, today);
    if (input.ownerType && input.ownerId) await assertRecordExists(ctx.tx, input.ownerType, input.ownerId);
    await assertAssignee(ctx, input.assigneeId);
    const title = input.title !== undefined ? cleanDisplayText(input.title) : existing.title;
    if (title.trim() === '') throw invalid('The title is required.', ['title']);
    const notes = input.notes !== undefined ? (clean(input.notes) ?? null) : existing.notes;
    const patch: UpdateableTaskRow = {
      title,
      notes,
      ...taskKeys(title, notes),
      ...(input.ownerType !== undefined && { owner_type: input.ownerType, owner_id: input.ownerId ?? null }),
      ...(input.assigneeId !== undefined && { assignee_id: input.assigneeId }),
      ...(input.dueDate !== undefined && { due_date: input.dueDate }),
      updated_at: ctx.nowIso,
    };
    await updateTask(ctx.tx, input.id, patch);
    const after = toTask((await findTask(ctx.tx, input.id))!, today);
    return { value: after, audit: { entity: 'task', entityId: input.id, before, after } };
  },

  'tasks.complete': async (ctx, input) => {
    const existing = await findTask(ctx.tx, input.id);
    if (!existing) throw notFound('Task', input.id);
    const today = todayIso(ctx.now);
    const before = toTask(existing, today);
    if (before.done !== input.done) {
      await updateTask(ctx.tx, input.id, {
        done: input.done ? 1 : 0,
        done_at: input.done ? ctx.nowIso : null,
        done_by: input.done ? ctx.actor : null,
        updated_at: ctx.nowIso,
      });
    }
    const after = toTask((await findTask(ctx.tx, input.id))!, today);
    return { value: after, audit: { entity: 'task', entityId: input.id, before, after } };
  },

  'tasks.list': async (ctx, input) => {
    const today = todayIso(ctx.now);
    let assigneeId = input.assigneeId;
    if (input.mine) {
      const me = await findUserByUsername(ctx.tx, ctx.actor);
      // Someone not registered as staff has no tasks assigned to them.
      if (!me) return { items: [], total: 0 };
      if (assigneeId !== undefined && assigneeId !== me.id) return { items: [], total: 0 };
      assigneeId = me.id;
    }
    const { rows, total } = await listTaskRows(
      ctx.tx,
      {
        assigneeId,
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        done: input.done,
        overdue: input.overdue,
        dueFrom: input.dueFrom,
        dueTo: input.dueTo,
        queryKey: input.query === undefined ? undefined : searchKey(input.query),
        today,
      },
      { sort: input.sort, direction: input.direction },
      { limit: input.limit, offset: input.offset },
    );
    return { items: rows.map((row) => toTask(row, today)), total };
  },
});
