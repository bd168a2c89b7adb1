/**
 * Where a chain stands, computed from its steps: the state of each step, the current step,
 * who holds the request and since when. Also the turnaround statistics per authority.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  ApprovalChain,
  ApprovalStep,
  Authority,
  ChainState,
  StepState,
  TurnaroundRow,
} from '../../../../shared/api/approvals.contract';
import type { Database } from '../db/tables';
import { notFound } from '../errors';
import { chainsOfCase, findAuthorities, findChain, stepsOfChains } from './approvals.repository';
import type { AuthorityRow, ChainRow, StepRow } from './approvals.table';

type Db = Kysely<Database> | Transaction<Database>;

const DAY_MS = 86_400_000;

/** Whole days from one calendar date to another. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

export function toAuthority(row: AuthorityRow): Authority {
  return {
    id: row.id,
    key: row.key ?? '',
    nameFa: row.name_fa,
    nameEn: row.name_en,
    archived: row.archived === 1,
  };
}

export function stepState(row: StepRow): StepState {
  if (row.skipped === 1) return 'skipped';
  if (row.decision === 'approved' || row.decision === 'rejected' || row.decision === 'returned')
    return row.decision;
  return row.submitted_on ? 'waiting' : 'not_submitted';
}

/** A step still open to changes of order: nothing was sent or decided on it yet. */
export function isPending(row: StepRow): boolean {
  return row.skipped === 0 && row.submitted_on === null && row.decision === 'pending';
}

export function chainState(steps: readonly StepRow[]): ChainState {
  if (steps.some((s) => s.skipped === 0 && s.decision === 'rejected')) return 'rejected';
  if (steps.length > 0 && steps.every((s) => s.skipped === 1 || s.decision === 'approved')) return 'approved';
  return 'in_progress';
}

/** The first step neither approved nor skipped. */
export function currentStep(steps: readonly StepRow[]): StepRow | undefined {
  return steps.find((s) => s.skipped === 0 && s.decision !== 'approved');
}

/**
 * Since when the current step has waited, and who holds it: the authority from the day it
 * was submitted; our own office from the day the step before it was decided (or the step
 * was returned, or the chain began).
 */
export function waitingOf(
  step: StepRow,
  steps: readonly Pick<StepRow, 'position' | 'decided_on'>[],
  chainCreatedOn: string,
): { since: string; holder: string | null } {
  if (step.decision === 'returned' && step.decided_on) return { since: step.decided_on, holder: null };
  if (step.submitted_on && step.decision === 'pending')
    return { since: step.submitted_on, holder: step.authority_id };
  const before = steps
    .filter((s) => s.position < step.position && s.decided_on)
    .map((s) => s.decided_on!)
    .sort();
  return { since: before.at(-1) ?? chainCreatedOn, holder: null };
}

function toStep(row: StepRow, authority: AuthorityRow | undefined, today: string): ApprovalStep {
  const state = stepState(row);
  let days: number | null = null;
  if (
    row.submitted_on &&
    (state === 'approved' || state === 'rejected' || state === 'returned') &&
    row.decided_on
  ) {
    days = daysBetween(row.submitted_on, row.decided_on);
  } else if (row.submitted_on && state === 'waiting') {
    days = daysBetween(row.submitted_on, today);
  }
  return {
    id: row.id,
    chainId: row.chain_id,
    position: row.position,
    authorityId: row.authority_id,
    authorityNameFa: authority?.name_fa ?? '',
    authorityNameEn: authority?.name_en ?? '',
    state,
    submittedOn: row.submitted_on,
    submittedLetterId: row.submitted_letter_id,
    decision: row.decision as ApprovalStep['decision'],
    decidedOn: row.decided_on,
    decisionLetterId: row.decision_letter_id,
    skipReason: row.skip_reason,
    notes: row.notes,
    daysAtAuthority: days,
  };
}

/** Loads chains with their steps, authorities and case titles, as the contract answers them. */
export async function loadChains(
  db: Db,
  chains: readonly ChainRow[],
  today: string,
): Promise<ApprovalChain[]> {
  if (chains.length === 0) return [];
  const steps = await stepsOfChains(
    db,
    chains.map((c) => c.id),
  );
  const authorities = new Map(
    (await findAuthorities(db, [...new Set(steps.map((s) => s.authority_id))])).map((a) => [a.id, a]),
  );
  const cases = new Map(
    (
      await db
        .selectFrom('cases')
        .select(['id', 'title'])
        .where(
          'id',
          'in',
          chains.map((c) => c.case_id),
        )
        .execute()
    ).map((c) => [c.id, c.title]),
  );
  return chains.map((chain) => {
    const own = steps.filter((s) => s.chain_id === chain.id);
    const state = chainState(own);
    const current = currentStep(own);
    const waiting =
      current && state === 'in_progress' ? waitingOf(current, own, chain.created_at.slice(0, 10)) : null;
    return {
      id: chain.id,
      caseId: chain.case_id,
      caseTitle: cases.get(chain.case_id) ?? '',
      templateId: chain.template_id,
      title: chain.title,
      state,
      steps: own.map((s) => toStep(s, authorities.get(s.authority_id), today)),
      currentStepId: current?.id ?? null,
      holderAuthorityId: waiting?.holder ?? null,
      waitingSince: waiting?.since ?? null,
      daysWaiting: waiting ? Math.max(0, daysBetween(waiting.since, today)) : null,
      createdAt: chain.created_at,
      updatedAt: chain.updated_at,
    };
  });
}

export async function loadChain(db: Db, id: string, today: string): Promise<ApprovalChain> {
  const chain = await findChain(db, id);
  if (!chain) throw notFound('Approval chain', id);
  return (await loadChains(db, [chain], today))[0]!;
}

export async function loadChainsOfCase(db: Db, caseId: string, today: string): Promise<ApprovalChain[]> {
  return loadChains(db, await chainsOfCase(db, caseId), today);
}

/**
 * The q-th quantile by linear interpolation between the closest ranks (the common
 * "type 7" definition): the median of [1, 2, 3, 10] is 2.5, its 90th percentile 7.9.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * q;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const value = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
  return Math.round(value * 100) / 100;
}

/** Decisions of one authority with one outcome that took the same number of days. */
export interface DecisionSample {
  authority_id: string;
  decision: string;
  /** Days from submission to decision. */
  days: number;
  /** How many decisions. */
  n: number;
}

/** Turnaround per authority; authorities with neither decisions nor waiting steps are left out. */
export function turnaround(
  decisions: readonly DecisionSample[],
  waitingByAuthority: ReadonlyMap<string, number>,
  authorities: ReadonlyMap<string, AuthorityRow>,
): TurnaroundRow[] {
  const byAuthority = new Map<string, DecisionSample[]>();
  for (const d of decisions) {
    const list = byAuthority.get(d.authority_id) ?? [];
    list.push(d);
    byAuthority.set(d.authority_id, list);
  }
  const ids = new Set([...byAuthority.keys(), ...waitingByAuthority.keys()]);
  const rows: TurnaroundRow[] = [];
  for (const id of ids) {
    const list = byAuthority.get(id) ?? [];
    const days = list.flatMap((d) => Array<number>(d.n).fill(d.days)).sort((a, b) => a - b);
    const count = (decision: string) =>
      list.filter((d) => d.decision === decision).reduce((sum, d) => sum + d.n, 0);
    const decided = days.length;
    const rejected = count('rejected');
    const returned = count('returned');
    const authority = authorities.get(id);
    rows.push({
      authorityId: id,
      authorityNameFa: authority?.name_fa ?? '',
      authorityNameEn: authority?.name_en ?? '',
      decided,
      approved: count('approved'),
      rejected,
      returned,
      medianDays: quantile(days, 0.5),
      p90Days: quantile(days, 0.9),
      rejectedOrReturnedShare:
        decided === 0 ? null : Math.round(((rejected + returned) / decided) * 10_000) / 10_000,
      waitingNow: waitingByAuthority.get(id) ?? 0,
    });
  }
  // Slowest first: the office's question is where requests get stuck.
  return rows.sort(
    (a, b) =>
      (b.medianDays ?? -1) - (a.medianDays ?? -1) ||
      b.waitingNow - a.waitingNow ||
      (a.authorityId < b.authorityId ? -1 : a.authorityId > b.authorityId ? 1 : 0),
  );
}
