/**
 * The outcome report of an event, and the follow-up tasks it asks for, written together so
 * that an outcome never lands without its tasks or the other way round.
 */
import type { z } from 'zod';
import type { eventsContract } from '../../../../shared/api/events.contract';
import type { MutationContext } from '../context';
import { notFound } from '../errors';
import { newId } from '../ids';
import { insertTask } from '../tasks/tasks.repository';
import { taskKeys } from '../tasks/tasks.service';
import type { EventRow } from './events.table';

type OutcomeInput = z.output<(typeof eventsContract)['events.recordOutcome']['input']>;

/** Writes the outcome and creates one task per follow-up, linked to the event; answers the task ids. */
export async function recordOutcome(
  ctx: MutationContext,
  event: EventRow,
  input: OutcomeInput,
): Promise<string[]> {
  const assignees = [
    ...new Set(input.followUps.map((f) => f.assigneeId).filter((a): a is string => Boolean(a))),
  ];
  if (assignees.length > 0) {
    const found = await ctx.tx.selectFrom('users').select('id').where('id', 'in', assignees).execute();
    const missing = assignees.find((a) => !found.some((u) => u.id === a));
    if (missing) throw notFound('User', missing);
  }
  await ctx.tx
    .updateTable('events')
    .set({ outcome: input.outcome, outcome_recorded_at: ctx.nowIso, status: input.status })
    .where('id', '=', event.id)
    .execute();
  const ids: string[] = [];
  for (const followUp of input.followUps) {
    const id = newId();
    await insertTask(ctx.tx, {
      id,
      title: followUp.title,
      notes: null,
      owner_type: 'event',
      owner_id: event.id,
      assignee_id: followUp.assigneeId ?? null,
      due_date: followUp.dueDate ?? null,
      done: 0,
      done_at: null,
      done_by: null,
      ...taskKeys(followUp.title, null),
      created_by: ctx.actor,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    ids.push(id);
  }
  return ids;
}
