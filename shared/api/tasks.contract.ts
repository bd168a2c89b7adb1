/**
 * Follow-up tasks: things to do by a date, for a staff member, optionally about a record
 * (a letter to chase, a case to move, a partner to call).
 */
import { z } from 'zod';
import { RECORD_TYPES } from './attachments.contract';
import { method } from './define';
import {
  LIMITS,
  id,
  isoDate,
  isoTimestamp,
  optionalText,
  page,
  paging,
  requiredText,
  sortDirection,
  text,
} from './schema';

export const TASK_SORTS = ['dueDate', 'createdAt', 'title'] as const;

export const task = z.object({
  id,
  title: z.string(),
  notes: z.string().nullable(),
  ownerType: z.enum(RECORD_TYPES).nullable(),
  ownerId: id.nullable(),
  assigneeId: id.nullable(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneAt: isoTimestamp.nullable(),
  doneBy: z.string().nullable(),
  /** Not done and due before today (the workstation's calendar day). */
  overdue: z.boolean(),
  createdBy: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Task = z.infer<typeof task>;

/** A record link is both its kind and its id, or neither (null for both unlinks it). */
function linkedToOneRecord(value: { ownerType?: unknown; ownerId?: unknown }, ctx: z.RefinementCtx): void {
  const hasType = value.ownerType !== undefined && value.ownerType !== null;
  const hasId = value.ownerId !== undefined && value.ownerId !== null;
  if (hasType !== hasId || (value.ownerType === undefined) !== (value.ownerId === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [hasType ? 'ownerId' : 'ownerType'],
      message: 'a record link needs both ownerType and ownerId',
    });
  }
}

const link = {
  ownerType: z.enum(RECORD_TYPES).nullable().optional(),
  ownerId: id.nullable().optional(),
};

export const tasksContract = {
  'tasks.create': method({
    kind: 'mutation',
    input: z
      .strictObject({
        title: requiredText(LIMITS.title),
        notes: optionalText(LIMITS.text),
        ...link,
        assigneeId: id.nullable().optional(),
        dueDate: isoDate.nullable().optional(),
      })
      .superRefine(linkedToOneRecord),
    output: task,
    doc: 'Adds a follow-up task, optionally for a staff member, by a date, about a record.',
  }),
  'tasks.update': method({
    kind: 'mutation',
    input: z
      .strictObject({
        id,
        title: requiredText(LIMITS.title).optional(),
        notes: optionalText(LIMITS.text),
        ...link,
        assigneeId: id.nullable().optional(),
        dueDate: isoDate.nullable().optional(),
      })
      .superRefine(linkedToOneRecord),
    output: task,
    doc: 'Changes a task’s title, notes, record, assignee or due date (null clears).',
  }),
  'tasks.complete': method({
    kind: 'mutation',
    input: z.strictObject({ id, done: z.boolean().default(true) }),
    output: task,
    doc: 'Marks a task done (or, with done: false, open again).',
  }),
  'tasks.list': method({
    kind: 'query',
    input: z
      .strictObject({
        /** Tasks of this staff member; `mine` means the one signed in. */
        assigneeId: id.optional(),
        mine: z.boolean().optional(),
        ...link,
        done: z.boolean().optional(),
        /** Only tasks not done and due before today. */
        overdue: z.boolean().optional(),
        dueFrom: isoDate.optional(),
        dueTo: isoDate.optional(),
        /** Words of the title or notes (Persian-aware). */
        query: text(LIMITS.short).optional(),
        sort: z.enum(TASK_SORTS).default('dueDate'),
        direction: sortDirection.default('asc'),
        ...paging,
      })
      .superRefine(linkedToOneRecord),
    output: page(task),
    doc: 'Tasks by assignee, record, state, due dates or words; undated tasks sort last by due date.',
  }),
} as const;
