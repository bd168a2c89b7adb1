/**
 * Approval chains: the statutory steps a request passes through, from the head of the office
 * up to the Ministry of Foreign Affairs; where each request is stuck and how long each
 * authority takes.
 */
import { z } from 'zod';
import { CASE_KINDS } from './cases.contract';
import { method } from './define';
import { LIMITS, empty, id, isoDate, isoTimestamp, optionalText, requiredText } from './schema';

/** What an authority answered at one step. */
export const APPROVAL_DECISIONS = ['pending', 'approved', 'rejected', 'returned'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** Where a step stands: not yet sent, waiting at the authority, decided, or skipped. */
export const STEP_STATES = [
  'not_submitted',
  'waiting',
  'approved',
  'rejected',
  'returned',
  'skipped',
] as const;
export type StepState = (typeof STEP_STATES)[number];

/** Where a whole chain stands. */
export const CHAIN_STATES = ['in_progress', 'approved', 'rejected'] as const;
export type ChainState = (typeof CHAIN_STATES)[number];

/** The case kind a template is the default for. */
const caseKind = z.enum(CASE_KINDS);

export const authority = z.object({
  id,
  key: z.string(),
  nameFa: z.string(),
  nameEn: z.string(),
  archived: z.boolean(),
});
export type Authority = z.infer<typeof authority>;

export const templateStep = z.object({
  authorityId: id,
  authorityNameFa: z.string(),
  authorityNameEn: z.string(),
});

export const approvalTemplate = z.object({
  id,
  nameFa: z.string(),
  nameEn: z.string(),
  caseKind: z.enum(CASE_KINDS).nullable(),
  steps: z.array(templateStep),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ApprovalTemplate = z.infer<typeof approvalTemplate>;

export const approvalStep = z.object({
  id,
  chainId: id,
  position: z.number().int(),
  authorityId: id,
  authorityNameFa: z.string(),
  authorityNameEn: z.string(),
  state: z.enum(STEP_STATES),
  submittedOn: isoDate.nullable(),
  submittedLetterId: id.nullable(),
  decision: z.enum(APPROVAL_DECISIONS),
  decidedOn: isoDate.nullable(),
  decisionLetterId: id.nullable(),
  skipReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** Days the step has waited at its authority (decided: until the decision; waiting: until today). */
  daysAtAuthority: z.number().int().nullable(),
});
export type ApprovalStep = z.infer<typeof approvalStep>;

export const approvalChain = z.object({
  id,
  caseId: id,
  caseTitle: z.string(),
  templateId: id.nullable(),
  title: z.string(),
  state: z.enum(CHAIN_STATES),
  steps: z.array(approvalStep),
  /** The first step neither approved nor skipped; null when the chain is finished. */
  currentStepId: id.nullable(),
  /** Who holds the request now: the authority of a submitted step, or our office (null). */
  holderAuthorityId: id.nullable(),
  waitingSince: isoDate.nullable(),
  daysWaiting: z.number().int().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ApprovalChain = z.infer<typeof approvalChain>;

export const waitingItem = z.object({
  chainId: id,
  caseId: id,
  caseTitle: z.string(),
  chainTitle: z.string(),
  stepId: id,
  authorityId: id,
  authorityNameFa: z.string(),
  authorityNameEn: z.string(),
  state: z.enum(STEP_STATES),
  waitingSince: isoDate,
  daysWaiting: z.number().int(),
});
export type WaitingItem = z.infer<typeof waitingItem>;

export const turnaroundRow = z.object({
  authorityId: id,
  authorityNameFa: z.string(),
  authorityNameEn: z.string(),
  /** Steps decided in the period. */
  decided: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  returned: z.number().int(),
  /** Days from submission to decision. */
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** Share of decisions that were rejections or returns, 0..1. */
  rejectedOrReturnedShare: z.number().nullable(),
  /** Steps still waiting at this authority now. */
  waitingNow: z.number().int(),
});
export type TurnaroundRow = z.infer<typeof turnaroundRow>;

const templateInput = {
  nameFa: requiredText(LIMITS.name),
  nameEn: requiredText(LIMITS.name),
  caseKind: caseKind.nullable().optional(),
  authorityIds: z.array(id).min(1).max(30),
};

const decisionDate = isoDate;

export const approvalsContract = {
  'approvals.authorities.list': method({
    kind: 'query',
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.array(authority),
    doc: 'The authorities that approve requests (office head, mayor, city council, ministries…).',
  }),
  'approvals.authorities.create': method({
    kind: 'mutation',
    input: z.strictObject({ nameFa: requiredText(LIMITS.name), nameEn: requiredText(LIMITS.name) }),
    output: authority,
    doc: 'Adds an authority to choose in templates and chains.',
  }),
  'approvals.authorities.update': method({
    kind: 'mutation',
    input: z.strictObject({
      id,
      nameFa: requiredText(LIMITS.name).optional(),
      nameEn: requiredText(LIMITS.name).optional(),
      archived: z.boolean().optional(),
    }),
    output: authority,
    doc: 'Renames or archives an authority; its history stays.',
  }),
  'approvals.templates.list': method({
    kind: 'query',
    input: empty,
    output: z.array(approvalTemplate),
    doc: 'Chain templates, each an ordered list of authorities, optionally the default for a case kind.',
  }),
  'approvals.templates.create': method({
    kind: 'mutation',
    input: z.strictObject(templateInput),
    output: approvalTemplate,
    doc: 'Adds a chain template.',
  }),
  'approvals.templates.update': method({
    kind: 'mutation',
    input: z.strictObject({
      id,
      nameFa: templateInput.nameFa.optional(),
      nameEn: templateInput.nameEn.optional(),
      caseKind: templateInput.caseKind,
      authorityIds: templateInput.authorityIds.optional(),
    }),
    output: approvalTemplate,
    doc: 'Changes a template; chains already started from it keep their own steps.',
  }),
  'approvals.templates.remove': method({
    kind: 'mutation',
    input: z.strictObject({ id }),
    output: z.object({ id }),
    doc: 'Removes a template; chains started from it keep their steps.',
  }),
  'approvals.start': method({
    kind: 'mutation',
    input: z.strictObject({
      caseId: id,
      templateId: id.optional(),
      title: optionalText(LIMITS.title),
    }),
    output: approvalChain,
    doc: 'Starts a chain on a case from a template (the case kind’s default when none is named).',
  }),
  'approvals.addStep': method({
    kind: 'mutation',
    input: z.strictObject({
      chainId: id,
      authorityId: id,
      /** 1-based position; appended at the end when omitted. */
      position: z.number().int().min(1).max(100).optional(),
    }),
    output: approvalChain,
    doc: 'Adds a step; it may go only among steps that are still pending.',
  }),
  'approvals.moveStep': method({
    kind: 'mutation',
    input: z.strictObject({ stepId: id, position: z.number().int().min(1).max(100) }),
    output: approvalChain,
    doc: 'Reorders a pending step among the other pending steps.',
  }),
  'approvals.submit': method({
    kind: 'mutation',
    input: z.strictObject({
      stepId: id,
      submittedOn: isoDate,
      letterId: id.nullable().optional(),
      notes: optionalText(),
    }),
    output: approvalChain,
    doc: 'Records that the request went to the step’s authority, on a date, with the letter that carried it.',
  }),
  'approvals.decide': method({
    kind: 'mutation',
    input: z.strictObject({
      stepId: id,
      decision: z.enum(['approved', 'rejected', 'returned']),
      decidedOn: decisionDate,
      letterId: id.nullable().optional(),
      notes: optionalText(),
    }),
    output: approvalChain,
    doc: 'Records the authority’s decision. A returned step can be submitted again.',
  }),
  'approvals.skip': method({
    kind: 'mutation',
    input: z.strictObject({ stepId: id, reason: requiredText(LIMITS.text) }),
    output: approvalChain,
    doc: 'Skips a pending step, with the reason.',
  }),
  'approvals.get': method({
    kind: 'query',
    input: z.union([z.strictObject({ chainId: id }), z.strictObject({ caseId: id })]),
    output: z.array(approvalChain),
    doc: 'One chain, or every chain of a case, with where each stands.',
  }),
  'approvals.waiting': method({
    kind: 'query',
    input: z.strictObject({
      limit: z.number().int().min(1).max(500).default(50),
      authorityId: id.optional(),
    }),
    output: z.array(waitingItem),
    doc: 'Requests still on their way, longest waiting first: at which step and for how many days.',
  }),
  'approvals.turnaround': method({
    kind: 'query',
    input: z.strictObject({ from: isoDate, to: isoDate }),
    output: z.array(turnaroundRow),
    doc: 'Per authority, for decisions in the period: count, median and 90th-percentile days, share rejected or returned.',
  }),
} as const;
