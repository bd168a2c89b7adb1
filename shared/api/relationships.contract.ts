/**
 * Relationships between one of the office's own units (the city or a neighbourhood) and a
 * partner: sister cities, friendship pacts, cooperation agreements, network memberships —
 * with their statutory stage, areas of cooperation, and the activity that keeps them alive.
 */
import { z } from 'zod';
import { method } from './define';
import { countryCode, partnerRef } from './partners.contract';
import {
  LIMITS,
  byId,
  id,
  isoDate,
  isoTimestamp,
  optionalText,
  page,
  paging,
  sortDirection,
  text,
} from './schema';

export const RELATIONSHIP_TYPES = [
  'sister_city',
  'friendship_city',
  'neighbourhood_pact',
  'cooperation_agreement',
  'network_membership',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RELATIONSHIP_STATUSES = [
  'exploring',
  'proposed',
  'under_approval',
  'active',
  'dormant',
  'suspended',
  'ended',
] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/** Statuses in which a relationship is expected to show activity, so it can be computed dormant. */
export const DORMANCY_STATUSES = ['active', 'dormant'] as const satisfies readonly RelationshipStatus[];

/**
 * The statutory path: justification report by the municipality → Ministry of Interior review
 * → Ministry of Foreign Affairs consultation → city-council bill (لایحه) → MoU drafting → signed.
 */
export const RELATIONSHIP_STAGES = [
  'justification_report',
  'interior_review',
  'foreign_affairs_consultation',
  'council_bill',
  'mou_drafting',
  'signed',
] as const;
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];

export const COOPERATION_AREAS = [
  'economic',
  'cultural',
  'educational',
  'scientific',
  'tourism',
  'urban_management',
  'environment',
  'health',
  'sport',
  'other',
] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

/** How much the relationship carries, as the office judges it. */
export const RELATIONSHIP_LEVELS = ['low', 'medium', 'high', 'strategic'] as const;
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];

export const RELATIONSHIP_SORT_FIELDS = [
  'partner',
  'establishedOn',
  'status',
  'lastActivity',
  'createdAt',
  'updatedAt',
] as const;
export type RelationshipSortField = (typeof RELATIONSHIP_SORT_FIELDS)[number];

/** Where a timeline item comes from: the record the renderer opens when it is clicked. */
export const TIMELINE_SOURCES = ['case', 'letter', 'agreement', 'event'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

/** What happened on that day. */
export const TIMELINE_ITEM_KINDS = [
  'case_opened',
  'case_done',
  'case_cancelled',
  'letter_incoming',
  'letter_outgoing',
  'letter_internal',
  /** An agreement not yet signed, dated the day its drafting began; then the day it was signed. */
  'agreement_drafted',
  'agreement_signed',
  /** An event on its first day, by its status (EVENT_STATUSES). */
  'event_planned',
  'event_confirmed',
  'event_held',
  'event_cancelled',
] as const;
export type TimelineItemKind = (typeof TIMELINE_ITEM_KINDS)[number];

export const timelineItem = z.object({
  source: z.enum(TIMELINE_SOURCES),
  kind: z.enum(TIMELINE_ITEM_KINDS),
  /** The id of the letter, case, … */
  id,
  date: isoDate,
  title: z.string(),
  /** A register number or similar short reference, when the record has one. */
  reference: z.string().nullable(),
  area: z.enum(COOPERATION_AREAS).nullable(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelineInput = z.strictObject({ id, ...paging });

export const relationship = z.object({
  id,
  ownUnit: partnerRef,
  partner: partnerRef,
  type: z.enum(RELATIONSHIP_TYPES),
  status: z.enum(RELATIONSHIP_STATUSES),
  stage: z.enum(RELATIONSHIP_STAGES).nullable(),
  establishedOn: isoDate.nullable(),
  level: z.enum(RELATIONSHIP_LEVELS).nullable(),
  areas: z.array(z.enum(COOPERATION_AREAS)),
  notes: z.string().nullable(),
  /** The date of the newest linked letter, case, event or agreement. */
  lastActivity: isoDate.nullable(),
  /**
   * Active (or marked dormant) and nothing linked for `relationships.dormantMonths` months —
   * counted from the last activity, else the established date, else the day it was recorded.
   */
  dormant: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Relationship = z.infer<typeof relationship>;

/** One relationship with the breadth of its activity. */
export const relationshipDetail = relationship.extend({
  /** Linked activity per area of cooperation, every area listed (zero when none). */
  activityByArea: z.array(z.object({ area: z.enum(COOPERATION_AREAS), count: z.number().int() })),
  /** How many areas have any activity. */
  breadth: z.number().int(),
  /** All linked activity, with or without an area. */
  activityCount: z.number().int(),
});
export type RelationshipDetail = z.infer<typeof relationshipDetail>;

const areas = z
  .array(z.enum(COOPERATION_AREAS))
  .max(COOPERATION_AREAS.length)
  .transform((list) => [...new Set(list)]);

const relationshipFields = {
  /** A partner flagged own: the city or one of its neighbourhoods. */
  ownUnitId: id,
  /** The other side; never one of the office's own units. */
  partnerId: id,
  type: z.enum(RELATIONSHIP_TYPES),
  status: z.enum(RELATIONSHIP_STATUSES),
  stage: z.enum(RELATIONSHIP_STAGES).nullable().optional(),
  establishedOn: isoDate.nullable().optional(),
  level: z.enum(RELATIONSHIP_LEVELS).nullable().optional(),
  areas: areas.default([]),
  notes: optionalText(LIMITS.text),
};

export const relationshipCreateInput = z.strictObject({
  ...relationshipFields,
  status: relationshipFields.status.default('exploring'),
});
export type RelationshipCreateInput = z.input<typeof relationshipCreateInput>;

/** Fields left out stay as they are; areas given replace the list; null clears. */
export const relationshipUpdateInput = z.strictObject({
  id,
  ...relationshipFields,
  ownUnitId: id.optional(),
  partnerId: id.optional(),
  type: relationshipFields.type.optional(),
  status: relationshipFields.status.optional(),
  areas: areas.optional(),
});
export type RelationshipUpdateInput = z.input<typeof relationshipUpdateInput>;

export const relationshipListInput = z.strictObject({
  ownUnitId: id.optional(),
  partnerId: id.optional(),
  type: z.enum(RELATIONSHIP_TYPES).optional(),
  status: z.enum(RELATIONSHIP_STATUSES).optional(),
  stage: z.enum(RELATIONSHIP_STAGES).optional(),
  area: z.enum(COOPERATION_AREAS).optional(),
  /** The partner's country. */
  country: countryCode.optional(),
  /** Only relationships computed dormant (true) or not dormant (false). */
  dormant: z.boolean().optional(),
  /** Words of either side's names or the notes; Persian spelling variants match. */
  text: text(200).optional(),
  sort: z
    .strictObject({ field: z.enum(RELATIONSHIP_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'partner', direction: 'asc' }),
  ...paging,
});
export type RelationshipListInput = z.input<typeof relationshipListInput>;

export const relationshipsContract = {
  'relationships.create': method({
    kind: 'mutation',
    input: relationshipCreateInput,
    output: relationshipDetail,
    doc: 'Records a relationship between an own unit and a partner that is not archived.',
  }),
  'relationships.update': method({
    kind: 'mutation',
    input: relationshipUpdateInput,
    output: relationshipDetail,
    doc: 'Changes a relationship’s sides, type, status, stage, dates, level, areas or notes.',
  }),
  'relationships.get': method({
    kind: 'query',
    input: byId,
    output: relationshipDetail,
    doc: 'One relationship with its last activity, dormancy and activity per area.',
  }),
  'relationships.list': method({
    kind: 'query',
    input: relationshipListInput,
    output: page(relationship),
    doc: 'Relationships filtered by unit, partner, type, status, stage, area, country, dormancy and text.',
  }),
  'relationships.timeline': method({
    kind: 'query',
    input: timelineInput,
    output: page(timelineItem),
    doc: 'Everything linked to a relationship — cases, letters, agreements, events, and those of its cases — newest first.',
  }),
} as const;
