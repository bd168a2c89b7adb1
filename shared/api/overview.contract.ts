/**
 * The Desk page: what needs the signed-in staff member's attention today, and how much the
 * office holds. Sections are added here as their domains arrive (upcoming events,
 * approvals waiting).
 */
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../agreements/workflow';
import { AGREEMENT_KINDS } from './agreements.contract';
import { method } from './define';
import { PARTNER_KINDS } from './partners.contract';
import {
  COOPERATION_AREAS,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
  relationship,
} from './relationships.contract';
import { letterSummary } from './letters.contract';
import { empty, id, page } from './schema';
import { user } from './system.contract';
import { task } from './tasks.contract';

/** How many items each list of the overview shows; its total says how many there are. */
export const OVERVIEW_LIST_LIMIT = 10;
/** Agreements in force whose expiry falls within this many days count as expiring. */
export const EXPIRING_AGREEMENT_DAYS = 90;

export const expiringAgreement = z.object({
  id,
  kind: z.enum(AGREEMENT_KINDS),
  title: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  signedDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  /** The day the renewal notice period starts; on or before today, renewal is due now. */
  reminderDate: z.string().nullable(),
  relationshipId: id.nullable(),
  caseId: id.nullable(),
});
export type ExpiringAgreement = z.infer<typeof expiringAgreement>;

/** How many letters the Desk's "awaiting a reply" list shows, the oldest first. */
export const AWAITING_REPLY_LIMIT = 6;

export const deskOverviewInput = z.strictObject({
  /** The calendar whose months the letters chart counts (the user's); Jalali when omitted. */
  calendar: z.enum(['jalali', 'gregorian']).optional(),
});
export type DeskOverviewInput = z.infer<typeof deskOverviewInput>;

/** One month of the letters chart: the letters dated from `from` to `to`, each way. */
export const lettersInMonth = z.object({
  from: z.string(),
  to: z.string(),
  incoming: z.number().int(),
  outgoing: z.number().int(),
});
export type LettersInMonth = z.infer<typeof lettersInMonth>;

export const deskOverview = z.object({
  /** The workstation's calendar day the overview was made for. */
  today: z.string(),
  /** The staff member signed in, or null when the workstation login is not registered. */
  me: user.nullable(),
  /** My tasks not done and due before today, the longest overdue first. */
  myOverdueTasks: page(task),
  /** Letters awaiting a reply whose follow-up date has passed, the longest overdue first. */
  lettersAwaitingReplyOverdue: page(letterSummary),
  /** Open letters currently referred to me, the newest first. */
  referralsToMe: page(letterSummary),
  /** Agreements in force expiring from today to EXPIRING_AGREEMENT_DAYS ahead, soonest first. */
  agreementsExpiring: page(expiringAgreement),
  /**
   * Relationships expected to be active with nothing linked for `relationships.dormantMonths`
   * months, the longest quiet first.
   */
  dormantRelationships: page(relationship),
  /**
   * Letters awaiting a reply, the oldest letter first: the register filtered by that state,
   * AWAITING_REPLY_LIMIT of them, with the register's total.
   */
  awaitingReply: page(letterSummary),
  /** The last twelve months of the requested calendar, the oldest first, this month last. */
  lettersByMonth: z.array(lettersInMonth),
  /** Relationships per status and per area of cooperation, as the relationship list counts them. */
  relationshipsByStatus: z.record(z.enum(RELATIONSHIP_STATUSES), z.number().int()),
  relationshipsByArea: z.record(z.enum(COOPERATION_AREAS), z.number().int()),
  counts: z.object({
    partners: z.number().int(),
    relationships: z.number().int(),
    openCases: z.number().int(),
    /** Letters dated in the current Jalali year (the register's year). */
    lettersThisYear: z.number().int(),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    myOpenTasks: z.number().int(),
    attachments: z.number().int(),
  }),
});
export type DeskOverview = z.infer<typeof deskOverview>;

/** How many partners and how many relationships the partner map draws at most. */
export const MAP_LIMIT = 500;

/** A partner as the map places and names it (a partner reference with its place and parent). */
export const mapPartner = z.object({
  id,
  kind: z.enum(PARTNER_KINDS),
  nameFa: z.string(),
  nameEn: z.string().nullable(),
  country: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** A district without coordinates of its own is drawn at its city. */
  parentId: id.nullable(),
  own: z.boolean(),
  archived: z.boolean(),
});
export type MapPartner = z.infer<typeof mapPartner>;

/** A relationship as the map draws it: an arc of its type's colour between its two sides. */
export const mapRelationship = z.object({
  id,
  type: z.enum(RELATIONSHIP_TYPES),
  ownUnitId: id,
  partnerId: id,
});
export type MapRelationship = z.infer<typeof mapRelationship>;

export const partnerMap = z.object({
  /** Every partner, archived ones too (a place may be its archived parent's), by name; MAP_LIMIT at most. */
  partners: z.array(mapPartner),
  /** Relationships in the relationship list's default order (by partner); MAP_LIMIT at most. */
  relationships: z.array(mapRelationship),
});
export type PartnerMapData = z.infer<typeof partnerMap>;

export const overviewContract = {
  'desk.overview': method({
    kind: 'query',
    input: deskOverviewInput,
    output: deskOverview,
    doc: "Everything the Desk page draws first, in one call: the signed-in staff member's overdue tasks and letters, referrals to them, letters awaiting a reply, expiring agreements, dormant relationships, counts, letters per month and relationships per status and area.",
  }),
  'desk.map': method({
    kind: 'query',
    input: empty,
    output: partnerMap,
    doc: 'What the partner map draws (on the Desk and the partner list), and nothing else: partners with their names, country, place, parent and flags; relationships with their type and sides.',
  }),
} as const;
