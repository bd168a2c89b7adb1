/**
 * Cases: the unit of the office's work — an outgoing trip, an incoming delegation, a forum,
 * a cultural week, an agreement negotiation, an incoming request — with an owner, a
 * deadline, and everything linked to it.
 */
import { z } from 'zod';
import { method } from './define';
import { partnerRef } from './partners.contract';
import { COOPERATION_AREAS, timelineInput, timelineItem } from './relationships.contract';
import {
  LIMITS,
  byId,
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

export const CASE_KINDS = [
  'outgoing_delegation',
  'incoming_delegation',
  'forum',
  'cultural_week',
  'agreement_negotiation',
  'incoming_request',
  'other',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = ['open', 'waiting', 'done', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses of work still to do: these can be overdue. */
export const CASE_OPEN_STATUSES = ['open', 'waiting'] as const satisfies readonly CaseStatus[];

/** From least to most pressing; sorting by priority follows this order. */
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** `title` sorts in Persian alphabetical order; `priority` and `status` in the order of their lists. */
export const CASE_SORT_FIELDS = [
  'title',
  'dueOn',
  'priority',
  'status',
  'openedOn',
  'createdAt',
  'updatedAt',
] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

export const CASE_LIMITS = { partners: 50, tags: 30, tag: 60 } as const;

/** A staff member as a case names them. */
export const caseOwner = z.object({ id, nameFa: z.string(), nameEn: z.string().nullable() });

/** The relationship a case serves, named by its two sides. */
export const caseRelationship = z.object({ id, ownUnit: partnerRef, partner: partnerRef });

export const caseRecord = z.object({
  id,
  title: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  owner: caseOwner.nullable(),
  dueOn: isoDate.nullable(),
  /** Still open or waiting after its due date. */
  overdue: z.boolean(),
  openedOn: isoDate,
  /** The day it became done or cancelled. */
  closedOn: isoDate.nullable(),
  relationship: caseRelationship.nullable(),
  area: z.enum(COOPERATION_AREAS).nullable(),
  partners: z.array(partnerRef),
  tags: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Case = z.infer<typeof caseRecord>;

const tag = requiredText(CASE_LIMITS.tag);

const caseFields = {
  title: requiredText(LIMITS.title),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  /** A registered staff member (users.id). */
  ownerId: id.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  /** Default today. */
  openedOn: isoDate.optional(),
  /** The relationship this work serves; its partner is linked to the case as well. */
  relationshipId: id.nullable().optional(),
  /** The area of cooperation this work serves. */
  area: z.enum(COOPERATION_AREAS).nullable().optional(),
  partnerIds: z.array(id).max(CASE_LIMITS.partners).default([]),
  /** Free labels; the same tag written twice (or in another spelling) is kept once. */
  tags: z.array(tag).max(CASE_LIMITS.tags).default([]),
  description: optionalText(LIMITS.text),
};

export const caseCreateInput = z.strictObject({
  ...caseFields,
  status: caseFields.status.default('open'),
  priority: caseFields.priority.default('normal'),
});
export type CaseCreateInput = z.input<typeof caseCreateInput>;

/** Fields left out stay as they are; lists given replace the case's list; null clears. */
export const caseUpdateInput = z.strictObject({
  id,
  ...caseFields,
  title: caseFields.title.optional(),
  kind: caseFields.kind.optional(),
  status: caseFields.status.optional(),
  priority: caseFields.priority.optional(),
  partnerIds: z.array(id).max(CASE_LIMITS.partners).optional(),
  tags: z.array(tag).max(CASE_LIMITS.tags).optional(),
});
export type CaseUpdateInput = z.input<typeof caseUpdateInput>;

export const caseListInput = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  /** Only open and waiting cases (ignored when status is given). */
  openOnly: z.boolean().optional(),
  kind: z.enum(CASE_KINDS).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  ownerId: id.optional(),
  relationshipId: id.optional(),
  partnerId: id.optional(),
  tag: requiredText(CASE_LIMITS.tag).optional(),
  /** Due dates from and to, both inclusive. */
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  /** Only cases still open or waiting after their due date. */
  overdue: z.boolean().optional(),
  /** Words of the title, description or tags; Persian spelling variants match. */
  text: text(200).optional(),
  sort: z
    .strictObject({ field: z.enum(CASE_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'dueOn', direction: 'asc' }),
  ...paging,
});
export type CaseListInput = z.input<typeof caseListInput>;

export const casesContract = {
  'cases.create': method({
    kind: 'mutation',
    input: caseCreateInput,
    output: caseRecord,
    doc: 'Opens a case; the owner must be a registered user and linked records must exist.',
  }),
  'cases.update': method({
    kind: 'mutation',
    input: caseUpdateInput,
    output: caseRecord,
    doc: 'Changes a case; done or cancelled sets its closing day, reopening clears it.',
  }),
  'cases.get': method({
    kind: 'query',
    input: byId,
    output: caseRecord,
    doc: 'One case with its owner, relationship, partners and tags.',
  }),
  'cases.list': method({
    kind: 'query',
    input: caseListInput,
    output: page(caseRecord),
    doc: 'Cases filtered by status, kind, priority, owner, relationship, partner, tag, due dates and text.',
  }),
  'cases.timeline': method({
    kind: 'query',
    input: timelineInput,
    output: page(timelineItem),
    doc: 'Everything linked to a case — its opening and closing, letters, agreements, events — newest first.',
  }),
} as const;
