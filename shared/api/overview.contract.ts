/**
 * The Desk page: what needs the signed-in staff member's attention today, and how much the
 * office holds. Sections are added here as their domains arrive (upcoming events,
 * approvals waiting).
 */
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../agreements/workflow';
import { AGREEMENT_KINDS } from './agreements.contract';
import { method } from './define';
import { relationship } from './relationships.contract';
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

export const overviewContract = {
  'desk.overview': method({
    kind: 'query',
    input: empty,
    output: deskOverview,
    doc: 'The Desk page for the signed-in staff member: overdue tasks and letters, referrals to them, expiring agreements, dormant relationships, counts.',
  }),
} as const;
