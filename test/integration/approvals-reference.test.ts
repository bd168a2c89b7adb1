/**
 * The waiting list and the turnaround, computed in SQL for the page and period asked, answer
 * what a straightforward computation from every chain answers: each chain loaded whole
 * (approvals.get, where a chain's current step, holder and wait are worked out step by step in
 * JavaScript) and every decision of the log read one by one. The desk is seeded through the
 * API with chains of every shape: stuck at an authority, returned, rejected, skipped, steps
 * added and moved, never sent, finished; several chains on one case; equal case titles and
 * equal waits; chains begun "after today" (the clock set back).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/main/core/ids';
import type { ApprovalChain, TurnaroundRow, WaitingItem } from '../../shared/api/approvals.contract';
import { addDays } from '../../shared/dates/jalali';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

/** A small deterministic generator, so a failure names the seed that made it. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

async function makeCase(title: string): Promise<string> {
  const id = newId();
  await t.desk.internals.db
    .insertInto('cases')
    .values({
      id,
      title,
      kind: 'outgoing_delegation',
      status: 'open',
      priority: 'normal',
      owner_id: null,
      due_on: null,
      relationship_id: null,
      area: null,
      description: null,
      opened_on: '2024-01-01',
      closed_on: null,
      search_key: title,
      sort_key: title,
      created_at: '2024-01-01T08:00:00.000Z',
      updated_at: '2024-01-01T08:00:00.000Z',
    })
    .execute();
  return id;
}

const TITLES = ['سفر هیئت', 'سفر هیئت', 'خواهرخواندگی', 'Florence visit', 'آ', 'ی', 'مجمع شهرها', 'کنفرانس'];
const TODAY = '2025-05-05';

/**
 * Seeds a desk: `cases` cases, one or two chains each, walked step by step with choices drawn
 * from `seed`. Dates come from a few days only, so many waits are equal.
 */
async function seed(seedValue: number, cases: number): Promise<string[]> {
  const r = random(seedValue);
  const authorities = await t.ok('approvals.authorities.list', {});
  const templates = await t.ok('approvals.templates.list', {});
  const caseIds: string[] = [];
  for (let c = 0; c < cases; c++) {
    const caseId = await makeCase(`${r.pick(TITLES)}${r.int(3) === 0 ? '' : ` ${r.int(4)}`}`);
    caseIds.push(caseId);
    const chains = r.int(4) === 0 ? 2 : 1;
    for (let k = 0; k < chains; k++) {
      // Some chains begin "after today": the clock is set forward while they start.
      const ahead = r.int(10) === 0;
      if (ahead) t.clock.set('2025-05-20T09:00:00.000Z');
      let chain = await t.ok('approvals.start', { caseId, templateId: r.pick(templates).id });
      if (ahead) t.clock.set(`${TODAY}T09:00:00.000Z`);
      if (r.int(4) === 0) {
        chain = await t.ok('approvals.addStep', {
          chainId: chain.id,
          authorityId: r.pick(authorities).id,
          position: 1 + r.int(chain.steps.length + 1),
        });
      }
      if (r.int(5) === 0 && chain.steps.length > 1) {
        chain = await t.ok('approvals.moveStep', {
          stepId: chain.steps[r.int(chain.steps.length)]!.id,
          position: 1 + r.int(chain.steps.length),
        });
      }
      let day = addDays('2025-01-01', r.int(6) * 15);
      const later = () => {
        const next = addDays(day, r.pick([0, 0, 3, 10, 30]));
        day = next > TODAY ? TODAY : next;
        return day;
      };
      walk: for (const position of chain.steps.map((s) => s.position)) {
        const step = chain.steps.find((s) => s.position === position)!;
        const choice = r.int(10);
        if (choice === 0) break; // never sent: our office holds it
        if (choice === 1) {
          await t.ok('approvals.skip', { stepId: step.id, reason: 'لازم نبود' });
          continue;
        }
        await t.ok('approvals.submit', { stepId: step.id, submittedOn: later() });
        for (;;) {
          const outcome = r.int(10);
          if (outcome < 2) break walk; // stuck at the authority
          const decision = outcome < 3 ? 'rejected' : outcome < 5 ? 'returned' : 'approved';
          await t.ok('approvals.decide', { stepId: step.id, decision, decidedOn: later() });
          if (decision === 'rejected') break walk;
          if (decision === 'approved') break;
          // Returned: left with our office, or sent again.
          if (r.int(3) === 0) break walk;
          if (r.int(4) === 0) {
            await t.ok('approvals.skip', { stepId: step.id, reason: 'برگشت خورد؛ لازم نبود' });
            break;
          }
          await t.ok('approvals.submit', { stepId: step.id, submittedOn: later() });
        }
      }
    }
  }
  return caseIds;
}

const PERSIAN = new Intl.Collator('fa');

/** The waiting list from every chain loaded whole, ordered as the contract says. */
async function referenceWaiting(caseIds: string[], today: string): Promise<WaitingItem[]> {
  const chains: ApprovalChain[] = [];
  for (const caseId of caseIds) chains.push(...(await t.ok('approvals.get', { caseId })));
  const items: WaitingItem[] = [];
  for (const chain of chains) {
    if (chain.state !== 'in_progress' || !chain.currentStepId) continue;
    const step = chain.steps.find((s) => s.id === chain.currentStepId)!;
    const since = chain.waitingSince!;
    items.push({
      chainId: chain.id,
      caseId: chain.caseId,
      caseTitle: chain.caseTitle,
      chainTitle: chain.title,
      stepId: step.id,
      authorityId: step.authorityId,
      authorityNameFa: step.authorityNameFa,
      authorityNameEn: step.authorityNameEn,
      state: step.state,
      waitingSince: since,
      // As the chain says, from its own days count (negative when it began after today).
      daysWaiting: Math.max(
        0,
        Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000),
      ),
    });
    expect(chain.daysWaiting).toBe(items.at(-1)!.daysWaiting);
  }
  return items.sort(
    (a, b) =>
      b.daysWaiting - a.daysWaiting ||
      PERSIAN.compare(a.caseTitle, b.caseTitle) ||
      (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0),
  );
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * q;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return Math.round((sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)) * 100) / 100;
}

/** The turnaround from every decision of the log read one by one, and every chain's holder now. */
async function referenceTurnaround(caseIds: string[], from: string, to: string): Promise<TurnaroundRow[]> {
  const decisions = (await t.desk.internals.db.selectFrom('approval_decisions').selectAll().execute()).filter(
    (d) => d.decided_on >= from && d.decided_on <= to,
  );
  const waitingNow = new Map<string, number>();
  for (const caseId of caseIds)
    for (const chain of await t.ok('approvals.get', { caseId }))
      if (chain.state === 'in_progress' && chain.holderAuthorityId)
        waitingNow.set(chain.holderAuthorityId, (waitingNow.get(chain.holderAuthorityId) ?? 0) + 1);
  const authorities = new Map(
    (await t.ok('approvals.authorities.list', { includeArchived: true })).map((a) => [a.id, a]),
  );
  const ids = new Set([...decisions.map((d) => d.authority_id), ...waitingNow.keys()]);
  const rows: TurnaroundRow[] = [...ids].map((id) => {
    const own = decisions.filter((d) => d.authority_id === id);
    const days = own
      .map((d) => Math.round((Date.parse(d.decided_on) - Date.parse(d.submitted_on)) / 86_400_000))
      .sort((a, b) => a - b);
    const count = (decision: string) => own.filter((d) => d.decision === decision).length;
    return {
      authorityId: id,
      authorityNameFa: authorities.get(id)?.nameFa ?? '',
      authorityNameEn: authorities.get(id)?.nameEn ?? '',
      decided: own.length,
      approved: count('approved'),
      rejected: count('rejected'),
      returned: count('returned'),
      medianDays: quantile(days, 0.5),
      p90Days: quantile(days, 0.9),
      rejectedOrReturnedShare:
        own.length === 0
          ? null
          : Math.round(((count('rejected') + count('returned')) / own.length) * 10_000) / 10_000,
      waitingNow: waitingNow.get(id) ?? 0,
    };
  });
  return rows.sort(
    (a, b) =>
      (b.medianDays ?? -1) - (a.medianDays ?? -1) ||
      b.waitingNow - a.waitingNow ||
      (a.authorityId < b.authorityId ? -1 : 1),
  );
}

describe('the waiting list and the turnaround against a computation from every chain', () => {
  for (const seedValue of [1, 2, 3]) {
    it(`answer the same on a varied desk (seed ${seedValue})`, async () => {
      const caseIds = await seed(seedValue, 45);
      const states = new Set<string>();
      for (const caseId of caseIds)
        for (const chain of await t.ok('approvals.get', { caseId }))
          for (const s of chain.steps) states.add(s.state);
      // The seed made every kind of step.
      expect([...states].sort()).toEqual([
        'approved',
        'not_submitted',
        'rejected',
        'returned',
        'skipped',
        'waiting',
      ]);

      const all = await referenceWaiting(caseIds, TODAY);
      expect(all.length).toBeGreaterThan(20);
      for (const limit of [1, 3, 6, 10, 50, 500]) {
        expect(await t.ok('approvals.waiting', { limit }), `limit ${limit}`).toEqual(all.slice(0, limit));
      }
      const authorities = await t.ok('approvals.authorities.list', {});
      for (const a of authorities) {
        const own = all.filter((w) => w.authorityId === a.id);
        expect(await t.ok('approvals.waiting', { limit: 4, authorityId: a.id })).toEqual(own.slice(0, 4));
        expect(await t.ok('approvals.waiting', { limit: 500, authorityId: a.id })).toEqual(own);
      }

      for (const [from, to] of [
        ['2024-01-01', '2025-12-31'],
        ['2025-02-01', '2025-03-31'],
        ['2025-05-05', '2025-05-05'],
        ['2023-01-01', '2023-12-31'],
      ] as const) {
        expect(await t.ok('approvals.turnaround', { from, to }), `${from}..${to}`).toEqual(
          await referenceTurnaround(caseIds, from, to),
        );
      }

      // A week later, the waits have grown and the order is still the same computation.
      t.clock.set('2025-05-12T09:00:00.000Z');
      const later = await referenceWaiting(caseIds, '2025-05-12');
      expect(await t.ok('approvals.waiting', { limit: 500 })).toEqual(later);
    });
  }
});
