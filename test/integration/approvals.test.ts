import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/main/core/ids';
import type { ApprovalChain } from '../../shared/api/approvals.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { changedFields } from '../helpers/audit';

let t: TestDesk;
beforeEach(async () => {
  // "Today" on the desk is 2025-05-05.
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

/** A case row as the cases domain stores it; approvals only need it to exist. */
async function makeCase(title: string, kind = 'outgoing_delegation'): Promise<string> {
  const id = newId();
  await t.desk.internals.db
    .insertInto('cases')
    .values({
      id,
      title,
      kind,
      status: 'open',
      priority: 'normal',
      owner_id: null,
      due_on: null,
      relationship_id: null,
      area: null,
      description: null,
      opened_on: '2025-01-01',
      closed_on: null,
      search_key: title,
      sort_key: title,
      created_at: '2025-01-01T08:00:00.000Z',
      updated_at: '2025-01-01T08:00:00.000Z',
    })
    .execute();
  return id;
}

async function auditCount(): Promise<number> {
  return (await t.ok('audit.list', { limit: 1 })).total;
}

async function step(chain: ApprovalChain, position: number) {
  return chain.steps.find((s) => s.position === position)!;
}

describe('approval chains', () => {
  it('starts the default trip chain for an outgoing delegation, from the office head to the foreign ministry', async () => {
    const caseId = await makeCase('سفر هیئت به فلورانس');
    const templates = await t.ok('approvals.templates.list', {});
    expect(templates.map((x) => x.nameEn)).toEqual(['Official trip abroad', 'New sister-city relationship']);
    const chain = await t.ok('approvals.start', { caseId });
    expect(chain.steps.map((s) => s.authorityNameEn)).toEqual([
      'Head of the International Relations Office',
      'Deputy Mayor',
      'Mayor',
      'City Council',
      'Provincial Governorate',
      'Ministry of Interior',
      'Ministry of Foreign Affairs',
    ]);
    expect(chain).toMatchObject({
      state: 'in_progress',
      caseTitle: 'سفر هیئت به فلورانس',
      holderAuthorityId: null,
    });
    expect(chain.currentStepId).toBe(chain.steps[0]!.id);
    expect(chain.steps.every((s) => s.state === 'not_submitted')).toBe(true);
  });

  it('moves through submissions and decisions, and knows who holds the request and since when', async () => {
    const caseId = await makeCase('مجمع شهرهای جهان');
    let chain = await t.ok('approvals.start', { caseId });
    const first = await step(chain, 1);
    chain = await t.ok('approvals.submit', { stepId: first.id, submittedOn: '2025-04-01' });
    expect(chain).toMatchObject({
      holderAuthorityId: first.authorityId,
      waitingSince: '2025-04-01',
      daysWaiting: 34,
    });
    chain = await t.ok('approvals.decide', {
      stepId: first.id,
      decision: 'approved',
      decidedOn: '2025-04-03',
    });
    expect((await step(chain, 1)).daysAtAuthority).toBe(2);
    expect(chain.currentStepId).toBe((await step(chain, 2)).id);
    // Back with our office since the approval, until the next step is sent.
    expect(chain).toMatchObject({ holderAuthorityId: null, waitingSince: '2025-04-03', daysWaiting: 32 });
  });

  it('refuses to send a later step before the earlier ones are decided, and changes nothing', async () => {
    const caseId = await makeCase('سفر');
    const chain = await t.ok('approvals.start', { caseId });
    const before = await auditCount();
    const error = await t.fail('approvals.submit', {
      stepId: (await step(chain, 3)).id,
      submittedOn: '2025-04-01',
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Step 1 must be decided before step 3/);
    expect(await auditCount()).toBe(before);
    expect((await t.ok('approvals.get', { chainId: chain.id }))[0]).toEqual(chain);
  });

  it('refuses a decision before submission, before its own sending date, or in the future', async () => {
    const caseId = await makeCase('سفر');
    const chain = await t.ok('approvals.start', { caseId });
    const first = await step(chain, 1);
    expect(
      (await t.fail('approvals.decide', { stepId: first.id, decision: 'approved', decidedOn: '2025-04-01' }))
        .code,
    ).toBe('CONFLICT');
    await t.ok('approvals.submit', { stepId: first.id, submittedOn: '2025-04-10' });
    expect(
      (await t.fail('approvals.decide', { stepId: first.id, decision: 'approved', decidedOn: '2025-04-09' }))
        .code,
    ).toBe('VALIDATION');
    expect(
      (await t.fail('approvals.decide', { stepId: first.id, decision: 'approved', decidedOn: '2025-05-06' }))
        .code,
    ).toBe('VALIDATION');
    expect((await t.fail('approvals.submit', { stepId: first.id, submittedOn: '2025-04-11' })).code).toBe(
      'CONFLICT',
    );
  });

  it('keeps every decision when a returned step is sent again', async () => {
    const caseId = await makeCase('سفر');
    let chain = await t.ok('approvals.start', { caseId });
    const first = await step(chain, 1);
    await t.ok('approvals.submit', { stepId: first.id, submittedOn: '2025-03-01' });
    chain = await t.ok('approvals.decide', {
      stepId: first.id,
      decision: 'returned',
      decidedOn: '2025-03-11',
    });
    expect(chain).toMatchObject({
      state: 'in_progress',
      currentStepId: first.id,
      waitingSince: '2025-03-11',
    });
    await t.ok('approvals.submit', { stepId: first.id, submittedOn: '2025-03-15' });
    chain = await t.ok('approvals.decide', {
      stepId: first.id,
      decision: 'approved',
      decidedOn: '2025-03-20',
    });
    expect(chain.currentStepId).toBe(chain.steps[1]!.id);
    const stats = await t.ok('approvals.turnaround', { from: '2025-01-01', to: '2025-12-31' });
    const head = stats.find((r) => r.authorityId === first.authorityId)!;
    expect(head).toMatchObject({
      decided: 2,
      approved: 1,
      returned: 1,
      rejectedOrReturnedShare: 0.5,
      medianDays: 7.5,
    });
  });

  it('adds, moves and skips only pending steps', async () => {
    const caseId = await makeCase('سفر');
    let chain = await t.ok('approvals.start', { caseId });
    const authorities = await t.ok('approvals.authorities.list', {});
    const security = await t.ok('approvals.authorities.create', {
      nameFa: 'حراست',
      nameEn: 'Security office',
    });
    await t.ok('approvals.submit', { stepId: (await step(chain, 1)).id, submittedOn: '2025-04-01' });
    // Position 1 holds a sent step: nothing can go before it.
    expect(
      (await t.fail('approvals.addStep', { chainId: chain.id, authorityId: security.id, position: 1 })).code,
    ).toBe('CONFLICT');
    chain = await t.ok('approvals.addStep', { chainId: chain.id, authorityId: security.id, position: 2 });
    expect(chain.steps.map((s) => s.authorityNameEn).slice(0, 3)).toEqual([
      'Head of the International Relations Office',
      'Security office',
      'Deputy Mayor',
    ]);
    chain = await t.ok('approvals.moveStep', { stepId: (await step(chain, 2)).id, position: 8 });
    expect(chain.steps.at(-1)!.authorityId).toBe(security.id);
    expect(chain.steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(
      (await t.fail('approvals.moveStep', { stepId: (await step(chain, 1)).id, position: 3 })).code,
    ).toBe('CONFLICT');
    chain = await t.ok('approvals.skip', {
      stepId: (await step(chain, 5)).id,
      reason: 'در این سفر لازم نیست',
    });
    expect((await step(chain, 5)).state).toBe('skipped');
    expect(authorities.length).toBeGreaterThanOrEqual(7);
  });

  it('a rejection ends the chain; nothing more can be sent on it', async () => {
    const caseId = await makeCase('سفر');
    let chain = await t.ok('approvals.start', { caseId });
    const first = await step(chain, 1);
    await t.ok('approvals.submit', { stepId: first.id, submittedOn: '2025-04-01' });
    chain = await t.ok('approvals.decide', {
      stepId: first.id,
      decision: 'rejected',
      decidedOn: '2025-04-02',
    });
    expect(chain).toMatchObject({ state: 'rejected', daysWaiting: null, holderAuthorityId: null });
    expect((await t.fail('approvals.skip', { stepId: (await step(chain, 2)).id, reason: 'x' })).code).toBe(
      'CONFLICT',
    );
    expect(await t.ok('approvals.waiting', {})).toEqual([]);
  });

  it('an approved chain is finished', async () => {
    const caseId = await makeCase('خواهرخواندگی با قازان', 'agreement_negotiation');
    let chain = await t.ok('approvals.start', { caseId });
    expect(chain.steps).toHaveLength(5);
    for (const [i, s] of chain.steps.entries()) {
      await t.ok('approvals.submit', { stepId: s.id, submittedOn: `2025-04-0${i + 1}` });
      chain = await t.ok('approvals.decide', {
        stepId: s.id,
        decision: 'approved',
        decidedOn: `2025-04-0${i + 2}`,
      });
    }
    expect(chain).toMatchObject({ state: 'approved', currentStepId: null, daysWaiting: null });
  });

  it('writes exactly one audit row per change, with before and after', async () => {
    const caseId = await makeCase('سفر');
    const chain = await t.ok('approvals.start', { caseId });
    const submitted = await t.ok('approvals.submit', {
      stepId: chain.steps[0]!.id,
      submittedOn: '2025-04-01',
    });
    const rows = (await t.ok('audit.list', { entity: 'approval_chain', entityId: chain.id })).items;
    expect(rows.map((r) => r.action)).toEqual(['approvals.submit', 'approvals.start']);
    expect([rows[0]!.before, rows[0]!.after]).toEqual(changedFields(chain, submitted));
    expect(rows[0]!.after).toHaveProperty('steps');
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('answers NOT_FOUND for unknown records and VALIDATION for hostile input, changing nothing', async () => {
    const caseId = await makeCase('سفر');
    await t.ok('approvals.start', { caseId });
    const before = await auditCount();
    expect((await t.fail('approvals.start', { caseId: newId() })).code).toBe('NOT_FOUND');
    expect((await t.fail('approvals.submit', { stepId: newId(), submittedOn: '2025-04-01' })).code).toBe(
      'NOT_FOUND',
    );
    for (const input of [
      { caseId: "'; DROP TABLE approval_steps; --" },
      { caseId, templateId: 42 },
      { caseId, title: 'x'.repeat(100_000) },
      JSON.parse(`{"caseId":"${caseId}","__proto__":{"x":1}}`),
      { caseId, title: 'a\u0000b' },
    ]) {
      expect((await t.fail('approvals.start', input)).code).toBe('VALIDATION');
    }
    expect((await t.fail('approvals.turnaround', { from: '1404/12/30', to: '2025-01-01' })).code).toBe(
      'VALIDATION',
    );
    expect((await t.fail('approvals.turnaround', { from: '2025-02-30', to: '2025-03-01' })).code).toBe(
      'VALIDATION',
    );
    expect(await auditCount()).toBe(before);
  });
});

describe('where requests get stuck', () => {
  /**
   * Seeds chains with known dates through the API. Each entry: the steps' (submitted, decided,
   * decision) for the first steps of the trip template.
   */
  async function seed(
    title: string,
    rounds: [string, string | null, 'approved' | 'rejected' | 'returned' | null][],
  ) {
    const caseId = await makeCase(title);
    let chain = await t.ok('approvals.start', { caseId });
    for (const [i, [submittedOn, decidedOn, decision]] of rounds.entries()) {
      const s = chain.steps[i]!;
      chain = await t.ok('approvals.submit', { stepId: s.id, submittedOn });
      if (decidedOn && decision)
        chain = await t.ok('approvals.decide', { stepId: s.id, decision, decidedOn });
    }
    return chain;
  }

  it('answers the exact count, median and 90th percentile per authority', async () => {
    // Office head decides in 1, 2, 3, 4 and 10 days; the deputy mayor in 5, 15 and 40 days.
    await seed('الف', [
      ['2025-01-01', '2025-01-02', 'approved'],
      ['2025-01-02', '2025-01-07', 'approved'],
    ]);
    await seed('ب', [
      ['2025-01-10', '2025-01-12', 'approved'],
      ['2025-01-12', '2025-01-27', 'returned'],
    ]);
    await seed('پ', [
      ['2025-02-01', '2025-02-04', 'approved'],
      ['2025-02-04', '2025-03-16', 'rejected'],
    ]);
    await seed('ت', [['2025-03-01', '2025-03-05', 'approved']]);
    await seed('ث', [['2025-03-01', '2025-03-11', 'rejected']]);
    // Outside the period: not counted.
    await seed('ج', [['2024-12-01', '2024-12-31', 'approved']]);

    const rows = await t.ok('approvals.turnaround', { from: '2025-01-01', to: '2025-03-31' });
    const head = rows.find((r) => r.authorityNameEn === 'Head of the International Relations Office')!;
    const deputy = rows.find((r) => r.authorityNameEn === 'Deputy Mayor')!;
    // Days [1, 2, 3, 4, 10]: median 3, p90 = 4 + 0.6 × (10 − 4) = 7.6.
    expect(head).toMatchObject({
      decided: 5,
      approved: 4,
      rejected: 1,
      returned: 0,
      medianDays: 3,
      p90Days: 7.6,
    });
    expect(head.rejectedOrReturnedShare).toBe(0.2);
    // Days [5, 15, 40]: median 15, p90 = 15 + 0.8 × 25 = 35.
    expect(deputy).toMatchObject({
      decided: 3,
      approved: 1,
      rejected: 1,
      returned: 1,
      medianDays: 15,
      p90Days: 35,
    });
    expect(deputy.rejectedOrReturnedShare).toBeCloseTo(2 / 3, 4);
    // Slowest authority first.
    expect(rows[0]!.authorityId).toBe(deputy.authorityId);
  });

  it('lists the requests still on their way, longest waiting first', async () => {
    await seed('منتظر از فروردین', [['2025-04-01', null, null]]);
    await seed('منتظر از اسفند', [
      ['2025-02-01', '2025-02-10', 'approved'],
      ['2025-03-01', null, null],
    ]);
    await seed('برگشت‌خورده', [['2025-04-20', '2025-04-25', 'returned']]);
    const caseId = await makeCase('هنوز ارسال نشده');
    await t.ok('approvals.start', { caseId });

    const waiting = await t.ok('approvals.waiting', {});
    expect(waiting.map((w) => [w.caseTitle, w.state, w.waitingSince, w.daysWaiting])).toEqual([
      ['منتظر از اسفند', 'waiting', '2025-03-01', 65],
      ['منتظر از فروردین', 'waiting', '2025-04-01', 34],
      ['برگشت‌خورده', 'returned', '2025-04-25', 10],
      // Never sent: with our own office since the chain began today.
      ['هنوز ارسال نشده', 'not_submitted', '2025-05-05', 0],
    ]);
    const deputyOnly = await t.ok('approvals.waiting', { authorityId: waiting[0]!.authorityId });
    expect(deputyOnly.map((w) => w.caseTitle)).toEqual(['منتظر از اسفند']);
    const rows = await t.ok('approvals.turnaround', { from: '2025-01-01', to: '2025-12-31' });
    expect(rows.find((r) => r.authorityId === waiting[0]!.authorityId)!.waitingNow).toBe(1);
  });

  it('counts a request not yet sent on from the latest decision before it', async () => {
    await seed('تأیید شده، ارسال نشده', [['2025-02-01', '2025-02-10', 'approved']]);
    await seed('منتظر از اسفند', [
      ['2025-02-01', '2025-02-10', 'approved'],
      ['2025-03-01', null, null],
    ]);
    const waiting = await t.ok('approvals.waiting', {});
    expect(waiting.map((w) => [w.caseTitle, w.state, w.waitingSince, w.daysWaiting])).toEqual([
      ['تأیید شده، ارسال نشده', 'not_submitted', '2025-02-10', 84],
      ['منتظر از اسفند', 'waiting', '2025-03-01', 65],
    ]);
  });
});
