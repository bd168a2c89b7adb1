/**
 * The status workflow of an agreement, as one table: which status may follow which. The
 * core refuses any other step with CONFLICT; the renderer offers only these buttons.
 *
 * The forward path is the statutory one: drafted jointly → reviewed inside the directorate
 * → reviewed by the legal office → sent for the approvals (city council, Ministry of
 * Interior, Ministry of Foreign Affairs) → approved → signed → in force → expired or
 * terminated. Backward steps exist only where the office reworks the text: a reviewer or an
 * authority sends it back to draft, legal review may return it to internal review.
 */

export const AGREEMENT_STATUSES = [
  'draft',
  'internal_review',
  'legal_review',
  'awaiting_approvals',
  'approved',
  'signed',
  'in_force',
  'expired',
  'terminated',
] as const;

export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** For each status, the statuses that may follow it, forward steps first. */
export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ['internal_review'],
  internal_review: ['legal_review', 'draft'],
  legal_review: ['awaiting_approvals', 'internal_review', 'draft'],
  // An authority that asks for changes sends the text back to draft; it then goes round again.
  awaiting_approvals: ['approved', 'draft'],
  // A partner who asks for changes after approval: the changed text needs the approvals again.
  approved: ['signed', 'draft'],
  // Signed but never ratified by the other side: terminated without entering into force.
  signed: ['in_force', 'terminated'],
  in_force: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

/** The text (title, languages, preamble, clauses) changes only in draft; reviews see versions. */
export const TEXT_EDITABLE_STATUSES: readonly AgreementStatus[] = ['draft'];

/** Nothing about a closed agreement changes any more; a renewal is a new agreement. */
export const CLOSED_STATUSES: readonly AgreementStatus[] = ['expired', 'terminated'];

/** Statuses that need the signing date to be known before they are entered. */
const NEEDS_SIGNED_DATE: readonly AgreementStatus[] = ['signed', 'in_force'];

export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return AGREEMENT_TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: AgreementStatus): readonly AgreementStatus[] {
  return AGREEMENT_TRANSITIONS[from];
}

export function isTextEditable(status: AgreementStatus): boolean {
  return TEXT_EDITABLE_STATUSES.includes(status);
}

export function isClosed(status: AgreementStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** What the core knows about an agreement when it checks a step. */
export interface TransitionFacts {
  signedDate: string | null;
}

/**
 * Why a step is refused, as a sentence for the user, or null when it is allowed: the step
 * must be in the table, and signing needs the signing date.
 */
export function transitionProblem(
  from: AgreementStatus,
  to: AgreementStatus,
  facts: TransitionFacts,
): string | null {
  if (from === to) return `The agreement is already ${statusName(to)}.`;
  if (!canTransition(from, to)) {
    const allowed = allowedTransitions(from);
    const next =
      allowed.length === 0
        ? 'it cannot change any more'
        : `it can go only to ${allowed.map(statusName).join(' or ')}`;
    return `An agreement that is ${statusName(from)} cannot go to ${statusName(to)}; ${next}.`;
  }
  if (NEEDS_SIGNED_DATE.includes(to) && facts.signedDate === null) {
    return `Enter the date of signing before the agreement becomes ${statusName(to)}.`;
  }
  return null;
}

/**
 * The status the user sees. An agreement in force whose expiry date is before today is
 * expired even before `agreements.expireDue` has recorded it, so every list and page agrees
 * with the calendar.
 */
export function effectiveStatus(
  stored: AgreementStatus,
  expiryDate: string | null,
  today: string,
): AgreementStatus {
  return stored === 'in_force' && expiryDate !== null && expiryDate < today ? 'expired' : stored;
}

/** The status in words, for messages (the renderer has its own translated labels). */
export function statusName(status: AgreementStatus): string {
  return status.replace(/_/g, ' ');
}
