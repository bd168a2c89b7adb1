import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../shared/api/agreements.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { agreementTables, kazanDraft, seedWorld, tri, type World } from './agreements.fixtures';

let t: TestDesk;
let w: World;
beforeEach(async () => {
  t = await openTestDesk();
  w = await seedWorld(t);
});
afterEach(async () => {
  await t.cleanup();
});

async function walk(id: string, path: AgreementStatus[]) {
  for (const to of path) await t.ok('agreements.transition', { id, to });
}

describe('creating and reading an agreement', () => {
  it('creates a trilingual draft between Isfahan and Kazan, with its creation in the history', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w));
    expect(a.status).toBe('draft');
    expect(a.languages).toEqual(['ru', 'fa', 'en']);
    expect(a.parties.map((p) => [p.nameEn, p.own, p.signatoryPosition])).toEqual([
      ['Isfahan', true, 'شهردار اصفهان'],
      ['Kazan', false, 'Mayor of Kazan'],
    ]);
    expect(a.preamble.ru).toMatch(/^Стороны/);
    expect(a.clauses).toEqual([]);
    expect(a.relationshipId).toBe(w.kazanRelationship);
    expect(a.caseId).toBe(w.kazanCase);
    expect(a.termCalendar).toBe('jalali');
    expect(a.nextStatuses).toEqual(['internal_review']);
    expect(a.textEditable).toBe(true);
    expect(a.latestVersion).toBeNull();
    expect(a.transitions).toEqual([
      { fromStatus: null, toStatus: 'draft', actor: 'tester', at: '2025-05-05T09:00:00.000Z', note: null },
    ]);
    expect(await t.ok('agreements.get', { id: a.id })).toEqual(a);
  });

  it('starts the preamble empty in every language when none is given', async () => {
    const a = await t.ok('agreements.create', { ...kazanDraft(w), preamble: undefined });
    expect(a.preamble).toEqual({ ru: '', fa: '', en: '' });
  });

  it('stores the title without a right-to-left override', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w, { title: 'تفاهم\u202eنامه' }));
    expect(a.title).toBe('تفاهمنامه');
  });

  it('answers NOT_FOUND for an agreement that does not exist', async () => {
    const error = await t.fail('agreements.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('the status workflow', () => {
  it('refuses every illegal step out of draft with CONFLICT and changes nothing', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w, { signedDate: '2025-04-01' }));
    const before = await agreementTables(t);
    for (const to of AGREEMENT_STATUSES.filter((s) => s !== 'internal_review')) {
      const error = await t.fail('agreements.transition', { id: a.id, to });
      expect(error.code, to).toBe('CONFLICT');
      expect(error.message).toMatch(/draft/);
    }
    expect(await agreementTables(t)).toEqual(before);
    expect((await t.ok('agreements.get', { id: a.id })).status).toBe('draft');
  });

  it('walks the legal path to in force, recording who and when at every step', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w, { signedDate: '2025-04-01', termYears: 5 }));
    const path: AgreementStatus[] = [
      'internal_review',
      'legal_review',
      'awaiting_approvals',
      'approved',
      'signed',
      'in_force',
    ];
    for (const [i, to] of path.entries()) {
      t.clock.advance(60_000);
      await t.ok('agreements.transition', { id: a.id, to, note: i === 3 ? 'مصوبه شورای شهر' : undefined });
    }
    const done = await t.ok('agreements.get', { id: a.id });
    expect(done.status).toBe('in_force');
    expect(done.nextStatuses).toEqual(['expired', 'terminated']);
    expect(done.textEditable).toBe(false);
    expect(done.transitions.map((x) => [x.fromStatus, x.toStatus, x.actor, x.at])).toEqual([
      [null, 'draft', 'tester', '2025-05-05T09:00:00.000Z'],
      ['draft', 'internal_review', 'tester', '2025-05-05T09:01:00.000Z'],
      ['internal_review', 'legal_review', 'tester', '2025-05-05T09:02:00.000Z'],
      ['legal_review', 'awaiting_approvals', 'tester', '2025-05-05T09:03:00.000Z'],
      ['awaiting_approvals', 'approved', 'tester', '2025-05-05T09:04:00.000Z'],
      ['approved', 'signed', 'tester', '2025-05-05T09:05:00.000Z'],
      ['signed', 'in_force', 'tester', '2025-05-05T09:06:00.000Z'],
    ]);
    expect(done.transitions[4]!.note).toBe('مصوبه شورای شهر');
    const audit = await t.ok('audit.list', { entity: 'agreement', entityId: a.id });
    const steps = audit.items.filter((e) => e.action === 'agreements.transition').reverse();
    expect(
      steps.map((e) => [e.before, (e.after as { status: string }).status, e.actor, e.workstation]),
    ).toEqual(path.map((to, i) => [{ status: i === 0 ? 'draft' : path[i - 1] }, to, 'tester', 'TEST-PC']));
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('sends a draft back from review for rework and up again', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w));
    await walk(a.id, ['internal_review', 'legal_review', 'draft', 'internal_review']);
    expect((await t.ok('agreements.get', { id: a.id })).status).toBe('internal_review');
  });

  it('needs the signing date before signing', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w));
    await walk(a.id, ['internal_review', 'legal_review', 'awaiting_approvals', 'approved']);
    const error = await t.fail('agreements.transition', { id: a.id, to: 'signed' });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/date of signing/) });
    await t.ok('agreements.update', { id: a.id, signedDate: '2025-05-01', signedPlace: 'Kazan' });
    await t.ok('agreements.transition', { id: a.id, to: 'signed' });
  });

  it('terminates an agreement in force, after which nothing about it changes', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w, { signedDate: '2025-04-01' }));
    await walk(a.id, [
      'internal_review',
      'legal_review',
      'awaiting_approvals',
      'approved',
      'signed',
      'in_force',
    ]);
    await t.ok('agreements.transition', { id: a.id, to: 'terminated', note: 'به درخواست طرف مقابل' });
    const before = await agreementTables(t);
    expect((await t.fail('agreements.transition', { id: a.id, to: 'in_force' })).code).toBe('CONFLICT');
    expect((await t.fail('agreements.update', { id: a.id, signedPlace: 'Isfahan' })).code).toBe('CONFLICT');
    expect(await agreementTables(t)).toEqual(before);
  });

  it('keeps the text frozen outside draft but lets the signing details be filled in', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w));
    await t.ok('agreements.clauses.add', { agreementId: a.id, texts: tri('Статья', 'ماده', 'Article') });
    await walk(a.id, ['internal_review']);
    const before = await agreementTables(t);
    const refusals = [
      t.fail('agreements.update', { id: a.id, title: 'عنوان دیگر' }),
      t.fail('agreements.update', { id: a.id, languages: ['fa', 'en'] }),
      t.fail('agreements.update', { id: a.id, partners: [{ partnerId: w.yerevan }] }),
      t.fail('agreements.clauses.add', { agreementId: a.id, texts: tri('', '', '') }),
    ];
    for (const error of await Promise.all(refusals)) expect(error.code).toBe('CONFLICT');
    expect(await agreementTables(t)).toEqual(before);
    const updated = await t.ok('agreements.update', {
      id: a.id,
      title: a.title,
      signedPlace: 'کازان',
      partners: [{ partnerId: w.kazan, signatoryName: 'Ilsur Metshin', signatoryPosition: 'Mayor' }],
    });
    expect(updated.signedPlace).toBe('کازان');
    expect(updated.parties[1]!.signatoryPosition).toBe('Mayor');
  });
});

describe('expiry', () => {
  async function inForce(extra: Parameters<typeof kazanDraft>[1]) {
    const a = await t.ok('agreements.create', kazanDraft(w, extra));
    await walk(a.id, [
      'internal_review',
      'legal_review',
      'awaiting_approvals',
      'approved',
      'signed',
      'in_force',
    ]);
    return a.id;
  }

  it('computes expiry and reminder from 30 Esfand 1403 and stores them', async () => {
    const a = await t.ok(
      'agreements.create',
      kazanDraft(w, { signedDate: '2025-03-20', termYears: 1, renewalNoticeMonths: 3 }),
    );
    expect(a.termStart).toBe('2025-03-20');
    expect(a.expiryDate).toBe('2026-03-20');
    expect(a.reminderDate).toBe('2025-12-20');
    const row = await t.desk.internals.db
      .selectFrom('agreements')
      .select(['expiry_date', 'reminder_date'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ expiry_date: '2026-03-20', reminder_date: '2025-12-20' });
  });

  it('recomputes the dates when the term or its calendar changes', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w, { signedDate: '2024-02-29', termYears: 1 }));
    expect(a.expiryDate).toBe('2025-02-27');
    const gregorian = await t.ok('agreements.update', { id: a.id, termCalendar: 'gregorian' });
    expect(gregorian.expiryDate).toBe('2025-02-28');
    const longer = await t.ok('agreements.update', { id: a.id, termYears: 4, renewalNoticeMonths: 6 });
    expect([longer.expiryDate, longer.reminderDate]).toEqual(['2028-02-28', '2027-08-28']);
    const effective = await t.ok('agreements.update', { id: a.id, effectiveDate: '2024-03-01' });
    expect([effective.termStart, effective.expiryDate]).toEqual(['2024-03-01', '2028-02-29']);
    const open = await t.ok('agreements.update', { id: a.id, termYears: null });
    expect([open.expiryDate, open.reminderDate]).toEqual([null, null]);
  });

  it('refuses a notice period as long as the term', async () => {
    const error = await t.fail('agreements.create', kazanDraft(w, { termYears: 1, renewalNoticeMonths: 12 }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]?.path).toEqual(['renewalNoticeMonths']);
  });

  it('shows an in-force agreement as expired the day after its expiry, then records it once by the system', async () => {
    const id = await inForce({ signedDate: '2024-05-01', termYears: 1, termCalendar: 'gregorian' });
    expect((await t.ok('agreements.get', { id })).expiryDate).toBe('2025-04-30');
    // The clock starts on 2025-05-05: the agreement has already run out.
    const seen = await t.ok('agreements.get', { id });
    expect(seen.status).toBe('expired');
    expect(seen.nextStatuses).toEqual([]);
    const list = await t.ok('agreements.list', { status: ['expired'] });
    expect(list.items.map((i) => i.id)).toEqual([id]);
    expect((await t.ok('agreements.list', { status: ['in_force'] })).total).toBe(0);
    expect((await t.fail('agreements.transition', { id, to: 'terminated' })).code).toBe('CONFLICT');

    const first = await t.ok('agreements.expireDue', {});
    expect(first).toEqual({
      asOf: '2025-05-05',
      expired: [{ id, title: seen.title, expiryDate: '2025-04-30' }],
    });
    const after = await t.ok('agreements.get', { id });
    expect(after.transitions.at(-1)).toMatchObject({
      fromStatus: 'in_force',
      toStatus: 'expired',
      actor: 'system',
    });
    const [run] = (await t.ok('audit.list', { entity: 'agreement', limit: 1 })).items;
    expect(run).toMatchObject({
      action: 'agreements.expireDue',
      entityId: null,
      after: { ids: [id], asOf: '2025-05-05' },
    });
    const second = await t.ok('agreements.expireDue', {});
    expect(second.expired).toEqual([]);
    expect((await t.ok('agreements.get', { id })).transitions).toHaveLength(after.transitions.length);
  });

  it('leaves an agreement in force through its last day', async () => {
    const id = await inForce({ signedDate: '2024-05-06', termYears: 1, termCalendar: 'gregorian' });
    expect((await t.ok('agreements.get', { id })).expiryDate).toBe('2025-05-05');
    expect((await t.ok('agreements.get', { id })).status).toBe('in_force');
    expect((await t.ok('agreements.expireDue', {})).expired).toEqual([]);
    t.clock.advance(86_400_000);
    expect((await t.ok('agreements.get', { id })).status).toBe('expired');
    expect((await t.ok('agreements.expireDue', {})).expired.map((e) => e.id)).toEqual([id]);
  });
});

describe('the list', () => {
  it('filters by status, partner, expiry, kind, link and words', async () => {
    const kazan = await t.ok(
      'agreements.create',
      kazanDraft(w, { signedDate: '2025-03-20', termYears: 1, renewalNoticeMonths: 3 }),
    );
    const yerevan = await t.ok('agreements.create', {
      kind: 'mou',
      title: 'تفاهم‌نامه همکاری گردشگری اصفهان و ایروان',
      languages: ['fa', 'en'],
      ownUnit: { partnerId: w.isfahan },
      partners: [{ partnerId: w.yerevan }],
      signedDate: '2025-01-10',
      termYears: 5,
    });
    const julfa = await t.ok('agreements.create', {
      kind: 'friendship_protocol',
      title: 'پروتکل دوستی جلفای نو و ایسی‌له‌مولینو',
      languages: ['fa', 'fr'],
      ownUnit: { partnerId: w.newJulfa },
      partners: [{ partnerId: w.issy }],
    });
    await walk(yerevan.id, ['internal_review']);
    const ids = async (input: Parameters<typeof t.ok<'agreements.list'>>[1]) =>
      (await t.ok('agreements.list', { ...input, sort: { by: 'title', direction: 'asc' } })).items.map(
        (i) => i.id,
      );

    expect(new Set(await ids({ status: ['draft'] }))).toEqual(new Set([kazan.id, julfa.id]));
    expect(await ids({ status: ['internal_review'] })).toEqual([yerevan.id]);
    expect(await ids({ partnerId: w.kazan })).toEqual([kazan.id]);
    expect(new Set(await ids({ partnerId: w.isfahan }))).toEqual(new Set([kazan.id, yerevan.id]));
    expect(await ids({ partnerId: w.newJulfa })).toEqual([julfa.id]);
    expect(await ids({ expiringBefore: '2026-03-21' })).toEqual([kazan.id]);
    expect(await ids({ expiringBefore: '2026-03-20' })).toEqual([]);
    expect(await ids({ kind: 'friendship_protocol' })).toEqual([julfa.id]);
    expect(await ids({ relationshipId: w.kazanRelationship })).toEqual([kazan.id]);
    expect(await ids({ caseId: w.kazanCase })).toEqual([kazan.id]);
    // Persian spelling variants: Arabic yeh and kaf, and the words written apart.
    expect(await ids({ text: 'گردشگري' })).toEqual([yerevan.id]);
    expect(await ids({ text: 'خواهر خواندگی' })).toEqual([kazan.id]);
    expect(await ids({ text: 'friendly relations' })).toEqual([kazan.id]);
    expect(await ids({ text: '100%' })).toEqual([]);

    const page = await t.ok('agreements.list', { limit: 2, sort: { by: 'updatedAt', direction: 'desc' } });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const byExpiry = await t.ok('agreements.list', {
      status: ['draft', 'internal_review'],
      sort: { by: 'expiryDate', direction: 'desc' },
    });
    expect(byExpiry.items.map((i) => i.expiryDate)).toEqual(['2030-01-09', '2026-03-20', null]);
    expect(byExpiry.items[0]!.parties.map((p) => p.nameEn)).toEqual(['Isfahan', 'Yerevan']);
  });
});

describe('parties and links', () => {
  it('refuses a partner on our side, one of our units as a partner, and unknown records', async () => {
    const before = await agreementTables(t);
    const cases: [Parameters<typeof kazanDraft>[1], (string | number)[]][] = [
      [{ ownUnit: { partnerId: w.yerevan } }, ['ownUnit', 'partnerId']],
      [{ partners: [{ partnerId: w.newJulfa }] }, ['partners', 0, 'partnerId']],
      [{ partners: [{ partnerId: '01900000-0000-7000-8000-000000000000' }] }, ['partners', 0, 'partnerId']],
      [{ partners: [{ partnerId: w.kazan }, { partnerId: w.kazan }] }, ['partners', 1, 'partnerId']],
      [{ partners: [{ partnerId: w.isfahan }] }, ['partners', 0, 'partnerId']],
      [{ partners: [{ partnerId: w.yerevan }] }, ['relationshipId']],
      [{ caseId: '01900000-0000-7000-8000-000000000000' }, ['caseId']],
    ];
    for (const [extra, path] of cases) {
      const error = await t.fail('agreements.create', kazanDraft(w, extra));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.[0]?.path).toEqual(path);
    }
    expect(await agreementTables(t)).toEqual(before);
  });

  it('replaces the partners of a draft and keeps our own unit', async () => {
    const a = await t.ok('agreements.create', kazanDraft(w, { relationshipId: null }));
    const b = await t.ok('agreements.update', {
      id: a.id,
      partners: [{ partnerId: w.yerevan }, { partnerId: w.kazan, signatoryName: 'Ilsur Metshin' }],
    });
    expect(b.parties.map((p) => [p.nameEn, p.own, p.signatoryName])).toEqual([
      ['Isfahan', true, 'علیرضا قاری قرآن'],
      ['Yerevan', false, null],
      ['Kazan', false, 'Ilsur Metshin'],
    ]);
  });
});
