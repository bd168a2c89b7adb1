/**
 * Forums, summits, cultural weeks and delegations: the events the office takes part in or
 * hosts, with their programme, the people who travel, the gifts given and received, and the
 * outcome.
 */
import { z } from 'zod';
import { method } from './define';
import { partnerRef } from './partners.contract';
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

export const EVENT_KINDS = [
  'forum',
  'conference',
  'cultural_week',
  'exhibition',
  'incoming_delegation',
  'outgoing_delegation',
  'visit',
  'online_meeting',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_ROLES = ['attendee', 'speaker', 'organiser', 'exhibitor', 'host'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

export const EVENT_STATUSES = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const PROGRAMME_TYPES = [
  'concert',
  'exhibition',
  'film',
  'lecture',
  'workshop',
  'food',
  'craft',
  'meeting',
  'other',
] as const;
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number];

export const PROGRAMME_STATUSES = ['planned', 'confirmed', 'done', 'cancelled'] as const;

export const VISA_STATUSES = ['not_needed', 'to_apply', 'applied', 'granted', 'refused'] as const;
export type VisaStatus = (typeof VISA_STATUSES)[number];

export const DELEGATION_ROLES = [
  'head',
  'member',
  'interpreter',
  'press',
  'protocol',
  'artist',
  'other',
] as const;

export const GIFT_DIRECTIONS = ['given', 'received'] as const;

export const EVENT_SORT_FIELDS = ['startDate', 'title', 'kind', 'createdAt'] as const;

/** A passport should be valid for six months after the journey ends. */
export const PASSPORT_MARGIN_MONTHS = 6;

const time = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'not a time (HH:MM)' });

const currency = z
  .string()
  .max(3)
  .regex(/^[A-Z]{3}$/, { message: 'not a currency code (e.g. IRR, EUR)' });

export const programmeItem = z.object({
  id,
  eventId: id,
  title: z.string(),
  type: z.enum(PROGRAMME_TYPES),
  date: isoDate,
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  venue: z.string().nullable(),
  responsible: z.string().nullable(),
  partner: partnerRef.nullable(),
  status: z.enum(PROGRAMME_STATUSES),
  notes: z.string().nullable(),
});
export type ProgrammeItem = z.infer<typeof programmeItem>;

export const delegationMember = z.object({
  id,
  eventId: id,
  name: z.string(),
  position: z.string().nullable(),
  internal: z.boolean(),
  userId: id.nullable(),
  role: z.enum(DELEGATION_ROLES),
  passportNumber: z.string().nullable(),
  passportExpiry: isoDate.nullable(),
  visaStatus: z.enum(VISA_STATUSES),
  invitationLetterId: id.nullable(),
  travelFrom: isoDate.nullable(),
  travelTo: isoDate.nullable(),
  notes: z.string().nullable(),
  /** Set when the passport expires within six months of the journey's end (or is missing). */
  passportWarning: z.enum(['missing', 'expires_soon', 'expired']).nullable(),
});
export type DelegationMember = z.infer<typeof delegationMember>;

export const gift = z.object({
  id,
  eventId: id,
  direction: z.enum(GIFT_DIRECTIONS),
  description: z.string(),
  giver: z.string(),
  receiver: z.string(),
  date: isoDate.nullable(),
  estimatedValue: z.number().nullable(),
  currency: z.string().nullable(),
  registryNumber: z.string().nullable(),
});
export type Gift = z.infer<typeof gift>;

export const eventSummary = z.object({
  id,
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  startDate: isoDate,
  endDate: isoDate,
  ourRole: z.enum(EVENT_ROLES),
  host: partnerRef.nullable(),
  venue: z.string().nullable(),
  registrationDeadline: isoDate.nullable(),
  programmeCount: z.number().int(),
  delegationCount: z.number().int(),
  warningCount: z.number().int(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const eventRecord = eventSummary.extend({
  organiser: partnerRef.nullable(),
  objectives: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeRecordedAt: isoTimestamp.nullable(),
  reciprocal: z.object({ id, title: z.string(), startDate: isoDate }).nullable(),
  /** Events that name this one as the event they answer. */
  answeredBy: z.array(z.object({ id, title: z.string(), startDate: isoDate })),
  caseId: id.nullable(),
  relationshipId: id.nullable(),
  partners: z.array(partnerRef),
  programme: z.array(programmeItem),
  delegation: z.array(delegationMember),
  gifts: z.array(gift),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type EventRecord = z.infer<typeof eventRecord>;

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: requiredText(LIMITS.title),
  status: z.enum(EVENT_STATUSES).optional(),
  startDate: isoDate,
  endDate: isoDate,
  ourRole: z.enum(EVENT_ROLES),
  hostPartnerId: id.nullable().optional(),
  organiserPartnerId: id.nullable().optional(),
  venue: optionalText(LIMITS.title),
  registrationDeadline: isoDate.nullable().optional(),
  objectives: optionalText(LIMITS.text),
  reciprocalEventId: id.nullable().optional(),
  caseId: id.nullable().optional(),
  relationshipId: id.nullable().optional(),
  partnerIds: z.array(id).max(50).optional(),
};

const programmeFields = {
  title: requiredText(LIMITS.title),
  type: z.enum(PROGRAMME_TYPES),
  date: isoDate,
  startTime: time.nullable().optional(),
  endTime: time.nullable().optional(),
  venue: optionalText(LIMITS.title),
  responsible: optionalText(LIMITS.name),
  partnerId: id.nullable().optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  notes: optionalText(LIMITS.text),
};

const memberFields = {
  name: requiredText(LIMITS.name),
  position: optionalText(LIMITS.name),
  userId: id.nullable().optional(),
  role: z.enum(DELEGATION_ROLES).optional(),
  passportNumber: optionalText(30),
  passportExpiry: isoDate.nullable().optional(),
  visaStatus: z.enum(VISA_STATUSES).optional(),
  invitationLetterId: id.nullable().optional(),
  travelFrom: isoDate.nullable().optional(),
  travelTo: isoDate.nullable().optional(),
  notes: optionalText(LIMITS.text),
};

const giftFields = {
  direction: z.enum(GIFT_DIRECTIONS),
  description: requiredText(LIMITS.title),
  giver: requiredText(LIMITS.name),
  receiver: requiredText(LIMITS.name),
  date: isoDate.nullable().optional(),
  estimatedValue: z.number().min(0).max(1e15).nullable().optional(),
  currency: currency.nullable().optional(),
  registryNumber: optionalText(60),
};

function partial<T extends Record<string, z.ZodType>>(fields: T) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

export const eventListInput = z.strictObject({
  kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
  roles: z.array(z.enum(EVENT_ROLES)).max(EVENT_ROLES.length).optional(),
  statuses: z.array(z.enum(EVENT_STATUSES)).max(EVENT_STATUSES.length).optional(),
  /** Events overlapping this period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  partnerId: id.optional(),
  caseId: id.optional(),
  relationshipId: id.optional(),
  text: text(LIMITS.short).optional(),
  sort: z
    .strictObject({ field: z.enum(EVENT_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'startDate', direction: 'desc' }),
  ...paging,
});

export const eventsContract = {
  'events.create': method({
    kind: 'mutation',
    input: z.strictObject(eventFields),
    output: eventRecord,
    doc: 'Records a forum, conference, cultural week, exhibition, delegation, visit or online meeting.',
  }),
  'events.update': method({
    kind: 'mutation',
    input: z.strictObject({ id, ...partial(eventFields) }),
    output: eventRecord,
    doc: 'Changes an event’s details.',
  }),
  'events.get': method({
    kind: 'query',
    input: byId,
    output: eventRecord,
    doc: 'One event with its programme, delegation (with passport and visa warnings), gifts and links.',
  }),
  'events.list': method({
    kind: 'query',
    input: eventListInput,
    output: page(eventSummary),
    doc: 'Events filtered by kind, role, status, period, partner, case, relationship or text.',
  }),
  'events.recordOutcome': method({
    kind: 'mutation',
    input: z.strictObject({
      id,
      outcome: requiredText(LIMITS.longText),
      status: z.enum(['held', 'cancelled']).default('held'),
      followUps: z
        .array(
          z.strictObject({
            title: requiredText(LIMITS.title),
            assigneeId: id.nullable().optional(),
            dueDate: isoDate.nullable().optional(),
          }),
        )
        .max(50)
        .default([]),
    }),
    output: z.object({ event: eventRecord, taskIds: z.array(id) }),
    doc: 'Writes the outcome report and creates its follow-up tasks in one step.',
  }),
  'programme.add': method({
    kind: 'mutation',
    input: z.strictObject({ eventId: id, ...programmeFields }),
    output: programmeItem,
    doc: 'Adds an item to an event’s programme (a concert, an exhibition, a lecture…).',
  }),
  'programme.update': method({
    kind: 'mutation',
    input: z.strictObject({ id, ...partial(programmeFields) }),
    output: programmeItem,
    doc: 'Changes a programme item.',
  }),
  'programme.remove': method({
    kind: 'mutation',
    input: byId,
    output: z.object({ id }),
    doc: 'Removes a programme item.',
  }),
  'delegation.add': method({
    kind: 'mutation',
    input: z.strictObject({ eventId: id, ...memberFields }),
    output: delegationMember,
    doc: 'Adds a member to an event’s delegation, with passport, visa and travel dates.',
  }),
  'delegation.update': method({
    kind: 'mutation',
    input: z.strictObject({ id, ...partial(memberFields) }),
    output: delegationMember,
    doc: 'Changes a delegation member’s details.',
  }),
  'delegation.remove': method({
    kind: 'mutation',
    input: byId,
    output: z.object({ id }),
    doc: 'Removes a member from a delegation.',
  }),
  'gifts.add': method({
    kind: 'mutation',
    input: z.strictObject({ eventId: id, ...giftFields }),
    output: gift,
    doc: 'Records a gift given or received at an event.',
  }),
  'gifts.update': method({
    kind: 'mutation',
    input: z.strictObject({ id, ...partial(giftFields) }),
    output: gift,
    doc: 'Changes a gift record.',
  }),
  'gifts.remove': method({
    kind: 'mutation',
    input: byId,
    output: z.object({ id }),
    doc: 'Removes a gift record.',
  }),
} as const;
