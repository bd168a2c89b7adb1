import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_STATUSES } from '../../shared/api/events.contract';
import { LETTER_DIRECTIONS } from '../../shared/api/letters.contract';
import { TIMELINE_ITEM_KINDS, type RelationshipCreateInput } from '../../shared/api/relationships.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addOwnCity, addPartner, auditOf, snapshot } from './partners.fixtures';
import { changedFields } from '../helpers/audit';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

const MISSING = '0190f5b8-0000-7000-8000-000000000000';

async function world() {
  const { city, julfa } = await addOwnCity(t);
  const florence = await addPartner(t, { nameFa: 'فلورانس', nameEn: 'Florence', country: 'IT' });
  const kazan = await addPartner(t, { nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' });
  const issy = await addPartner(t, {
    nameFa: 'ایسی له مولینو',
    nameEn: 'Issy-les-Moulineaux',
    country: 'FR',
  });
  const wego = await addPartner(t, {
    kind: 'organisation',
    orgType: 'international_organisation',
    nameFa: 'وگو',
    nameEn: 'WeGO',
  });
  return { city, julfa, florence, kazan, issy, wego };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id);

function relate(input: RelationshipCreateInput) {
  return t.ok('relationships.create', input);
}

describe('relationships.create, get and update', () => {
  it('records a sister city with its areas, computed fields, and one audit row', async () => {
    const { city, florence } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: florence.id,
      type: 'sister_city',
      status: 'active',
      stage: 'signed',
      establishedOn: '1998-05-20',
      level: 'high',
      areas: ['tourism', 'cultural', 'tourism'],
      notes: 'شهرهای هنر',
    });
    expect(r).toMatchObject({
      ownUnit: { id: city.id, nameFa: 'اصفهان', own: true },
      partner: { id: florence.id, nameEn: 'Florence', country: 'IT', own: false },
      type: 'sister_city',
      status: 'active',
      stage: 'signed',
      establishedOn: '1998-05-20',
      level: 'high',
      areas: ['cultural', 'tourism'],
      lastActivity: null,
      activityCount: 0,
      breadth: 0,
    });
    // Established in 1998 and nothing recorded since: dormant from the start.
    expect(r.dormant).toBe(true);
    expect(r.activityByArea).toHaveLength(10);
    expect(await t.ok('relationships.get', { id: r.id })).toEqual(r);
    const audit = await auditOf(t, 'relationship', r.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'relationships.create', before: null, after: r });
  });

  it('changes only what is given, replaces the areas, and audits before and after', async () => {
    const { julfa, issy } = await world();
    const r = await relate({
      ownUnitId: julfa.id,
      partnerId: issy.id,
      type: 'neighbourhood_pact',
      areas: ['cultural'],
    });
    expect(r.status).toBe('exploring');
    t.clock.advance(5_000);
    const u = await t.ok('relationships.update', {
      id: r.id,
      status: 'active',
      establishedOn: '2018-04-10',
      areas: ['educational', 'urban_management'],
    });
    expect(u).toMatchObject({
      type: 'neighbourhood_pact',
      status: 'active',
      establishedOn: '2018-04-10',
      areas: ['educational', 'urban_management'],
      updatedAt: '2025-05-05T09:00:05.000Z',
    });
    const cleared = await t.ok('relationships.update', { id: r.id, establishedOn: null, areas: [] });
    expect(cleared).toMatchObject({ establishedOn: null, areas: [] });
    const audit = await auditOf(t, 'relationship', r.id);
    expect(audit.map((a) => a.action)).toEqual([
      'relationships.create',
      'relationships.update',
      'relationships.update',
    ]);
    expect([audit[1]!.before, audit[1]!.after]).toEqual(changedFields(r, u));
    expect(audit[1]!.after).not.toHaveProperty('partner');
  });
});

describe('the rules of a relationship', () => {
  it('refuses a unit that is not own, a partner that is own, and unknown sides, changing nothing', async () => {
    const { city, julfa, florence, kazan } = await world();
    const before = await snapshot(t, ['relationships', 'relationship_areas']);
    const base = { type: 'sister_city', areas: ['cultural'] } as const;
    expect(
      (await t.fail('relationships.create', { ...base, ownUnitId: florence.id, partnerId: kazan.id })).code,
    ).toBe('VALIDATION');
    const ownPartner = await t.fail('relationships.create', {
      ...base,
      ownUnitId: city.id,
      partnerId: julfa.id,
    });
    expect(ownPartner.code).toBe('VALIDATION');
    expect(ownPartner.issues?.[0]?.path).toEqual(['partnerId']);
    expect(
      (await t.fail('relationships.create', { ...base, ownUnitId: MISSING, partnerId: kazan.id })).code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.fail('relationships.create', { ...base, ownUnitId: city.id, partnerId: MISSING })).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await t.fail('relationships.create', {
          ...base,
          ownUnitId: city.id,
          partnerId: kazan.id,
          type: 'twin',
        })
      ).code,
    ).toBe('VALIDATION');
    expect(
      (
        await t.fail('relationships.create', {
          ...base,
          ownUnitId: city.id,
          partnerId: kazan.id,
          areas: ['space'],
        })
      ).code,
    ).toBe('VALIDATION');
    expect(await snapshot(t, ['relationships', 'relationship_areas'])).toEqual(before);
  });

  it('refuses a new relationship with an archived partner, but lets an existing one be edited', async () => {
    const { city, florence, kazan } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: florence.id,
      type: 'sister_city',
      status: 'active',
    });
    await t.ok('partners.archive', { id: florence.id });
    await t.ok('partners.archive', { id: kazan.id });
    const before = await snapshot(t, ['relationships']);
    expect(
      (await t.fail('relationships.create', { ownUnitId: city.id, partnerId: kazan.id, type: 'sister_city' }))
        .code,
    ).toBe('CONFLICT');
    expect((await t.fail('relationships.update', { id: r.id, partnerId: kazan.id })).code).toBe('CONFLICT');
    expect(await snapshot(t, ['relationships'])).toEqual(before);
    const edited = await t.ok('relationships.update', { id: r.id, status: 'suspended' });
    expect(edited).toMatchObject({ status: 'suspended', partner: { id: florence.id, archived: true } });
  });

  it('refuses a new relationship for an archived own unit', async () => {
    const { julfa, issy } = await world();
    await t.ok('partners.archive', { id: julfa.id });
    const error = await t.fail('relationships.create', {
      ownUnitId: julfa.id,
      partnerId: issy.id,
      type: 'neighbourhood_pact',
    });
    expect(error.code).toBe('CONFLICT');
  });

  it('keeps the own flag in step with the relationships a partner holds', async () => {
    const { city, florence } = await world();
    await relate({ ownUnitId: city.id, partnerId: florence.id, type: 'sister_city' });
    expect((await t.fail('partners.update', { id: city.id, own: false })).code).toBe('CONFLICT');
    expect((await t.fail('partners.update', { id: florence.id, own: true })).code).toBe('CONFLICT');
    expect((await t.ok('partners.get', { id: city.id })).own).toBe(true);
  });
});

describe('relationships.list', () => {
  async function seed() {
    const w = await world();
    const a = await relate({
      ownUnitId: w.city.id,
      partnerId: w.florence.id,
      type: 'sister_city',
      status: 'active',
      stage: 'signed',
      areas: ['cultural', 'tourism'],
    });
    const b = await relate({
      ownUnitId: w.city.id,
      partnerId: w.kazan.id,
      type: 'sister_city',
      status: 'under_approval',
      stage: 'council_bill',
      areas: ['economic'],
    });
    const c = await relate({
      ownUnitId: w.julfa.id,
      partnerId: w.issy.id,
      type: 'neighbourhood_pact',
      status: 'active',
      areas: ['cultural'],
    });
    const d = await relate({
      ownUnitId: w.city.id,
      partnerId: w.wego.id,
      type: 'network_membership',
      status: 'ended',
    });
    return { ...w, a, b, c, d };
  }

  it('filters by unit, partner, type, status, stage, area, country and text', async () => {
    const { julfa, kazan, a, b, c, d } = await seed();
    expect(ids(await t.ok('relationships.list', { ownUnitId: julfa.id }))).toEqual([c.id]);
    expect(ids(await t.ok('relationships.list', { partnerId: kazan.id }))).toEqual([b.id]);
    expect((await t.ok('relationships.list', { type: 'sister_city' })).total).toBe(2);
    expect(ids(await t.ok('relationships.list', { status: 'ended' }))).toEqual([d.id]);
    expect(ids(await t.ok('relationships.list', { stage: 'council_bill' }))).toEqual([b.id]);
    expect(new Set(ids(await t.ok('relationships.list', { area: 'cultural' })))).toEqual(
      new Set([a.id, c.id]),
    );
    expect(ids(await t.ok('relationships.list', { country: 'FR' }))).toEqual([c.id]);
    expect(ids(await t.ok('relationships.list', { text: 'كازان' }))).toEqual([b.id]);
    expect(ids(await t.ok('relationships.list', { text: 'جلفا' }))).toEqual([c.id]);
    expect(ids(await t.ok('relationships.list', { text: 'Julfa Issy' }))).toEqual([c.id]);
  });

  it('sorts by partner in Persian order and by status in lifecycle order, and pages with totals', async () => {
    const { a, b, c, d } = await seed();
    // ایسی، فلورانس، کازان، وگو
    expect(ids(await t.ok('relationships.list', {}))).toEqual([c.id, a.id, b.id, d.id]);
    expect(ids(await t.ok('relationships.list', { sort: { field: 'partner', direction: 'desc' } }))).toEqual([
      d.id,
      b.id,
      a.id,
      c.id,
    ]);
    const byStatus = await t.ok('relationships.list', { sort: { field: 'status', direction: 'asc' } });
    expect(byStatus.items.map((r) => r.status)).toEqual(['under_approval', 'active', 'active', 'ended']);
    const page = await t.ok('relationships.list', { limit: 3, offset: 3 });
    expect([page.total, ids(page)]).toEqual([4, [d.id]]);
  });
});

describe('activity, dormancy and the timeline', () => {
  it('counts a relationship dormant after 13 months without activity, not after 11', async () => {
    const { city, florence, kazan } = await world();
    const quiet = await relate({
      ownUnitId: city.id,
      partnerId: florence.id,
      type: 'sister_city',
      status: 'active',
    });
    const lively = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'sister_city',
      status: 'active',
    });
    const waiting = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'cooperation_agreement',
      status: 'proposed',
    });

    // 2025-05-05: a trip to Florence. 2025-07-05: a delegation from Kazan.
    await t.ok('cases.create', {
      title: 'سفر به فلورانس',
      kind: 'outgoing_delegation',
      relationshipId: quiet.id,
    });
    t.clock.set('2025-07-05T09:00:00.000Z');
    await t.ok('cases.create', {
      title: 'هیئت کازان',
      kind: 'incoming_delegation',
      relationshipId: lively.id,
    });

    t.clock.set('2026-06-05T09:00:00.000Z'); // 13 months after the trip, 11 after the delegation
    const q = await t.ok('relationships.get', { id: quiet.id });
    const l = await t.ok('relationships.get', { id: lively.id });
    expect([q.lastActivity, q.dormant]).toEqual(['2025-05-05', true]);
    expect([l.lastActivity, l.dormant]).toEqual(['2025-07-05', false]);
    // Only relationships expected to be active can be dormant.
    expect((await t.ok('relationships.get', { id: waiting.id })).dormant).toBe(false);

    expect(ids(await t.ok('relationships.list', { dormant: true }))).toEqual([quiet.id]);
    expect(new Set(ids(await t.ok('relationships.list', { dormant: false })))).toEqual(
      new Set([lively.id, waiting.id]),
    );
    const byActivity = await t.ok('relationships.list', {
      sort: { field: 'lastActivity', direction: 'desc' },
    });
    expect(byActivity.items.map((r) => r.lastActivity)).toEqual(['2025-07-05', '2025-05-05', null]);

    // The office decides how long is too long.
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 18 });
    expect((await t.ok('relationships.get', { id: quiet.id })).dormant).toBe(false);
  });

  it('counts a new relationship from the day it was recorded when nothing else is known', async () => {
    const { city, florence } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: florence.id,
      type: 'friendship_city',
      status: 'active',
    });
    expect(r.dormant).toBe(false);
    t.clock.set('2026-05-04T09:00:00.000Z');
    expect((await t.ok('relationships.get', { id: r.id })).dormant).toBe(false);
    t.clock.set('2026-05-06T09:00:00.000Z');
    expect((await t.ok('relationships.get', { id: r.id })).dormant).toBe(true);
  });

  it('lists everything linked newest first, with the breadth of activity per area', async () => {
    const { city, florence } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: florence.id,
      type: 'sister_city',
      status: 'active',
    });
    const week = await t.ok('cases.create', {
      title: 'هفته فرهنگی اصفهان در فلورانس',
      kind: 'cultural_week',
      relationshipId: r.id,
      area: 'cultural',
      openedOn: '2024-09-01',
    });
    const forum = await t.ok('cases.create', {
      title: 'همایش گردشگری',
      kind: 'forum',
      relationshipId: r.id,
      area: 'tourism',
      openedOn: '2025-01-10',
    });
    const concert = await t.ok('cases.create', {
      title: 'کنسرت مشترک',
      kind: 'other',
      relationshipId: r.id,
      area: 'cultural',
      openedOn: '2025-03-01',
    });
    await t.ok('cases.create', { title: 'پرونده دیگر', kind: 'other', openedOn: '2025-04-01' });
    t.clock.set('2025-02-01T10:00:00.000Z');
    await t.ok('cases.update', { id: week.id, status: 'done' });

    const timeline = await t.ok('relationships.timeline', { id: r.id });
    expect(timeline.total).toBe(4);
    expect(timeline.items.map((i) => [i.date, i.kind, i.title])).toEqual([
      ['2025-03-01', 'case_opened', 'کنسرت مشترک'],
      ['2025-02-01', 'case_done', 'هفته فرهنگی اصفهان در فلورانس'],
      ['2025-01-10', 'case_opened', 'همایش گردشگری'],
      ['2024-09-01', 'case_opened', 'هفته فرهنگی اصفهان در فلورانس'],
    ]);
    expect(timeline.items[0]).toEqual({
      source: 'case',
      kind: 'case_opened',
      id: concert.id,
      date: '2025-03-01',
      title: 'کنسرت مشترک',
      reference: null,
      area: 'cultural',
    });
    const page = await t.ok('relationships.timeline', { id: r.id, limit: 2, offset: 2 });
    expect([page.total, page.items.map((i) => i.id)]).toEqual([4, [forum.id, week.id]]);

    const detail = await t.ok('relationships.get', { id: r.id });
    expect(detail.lastActivity).toBe('2025-03-01');
    expect(detail.activityCount).toBe(3);
    expect(detail.breadth).toBe(2);
    expect(detail.activityByArea.filter((a) => a.count > 0)).toEqual([
      { area: 'cultural', count: 2 },
      { area: 'tourism', count: 1 },
    ]);

    expect((await t.fail('relationships.timeline', { id: MISSING })).code).toBe('NOT_FOUND');
  });
});

describe('letters in the timeline', () => {
  it('adds letters filed under the relationship or under one of its cases, newest first', async () => {
    const { city, kazan } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'sister_city',
      status: 'active',
    });
    const trip = await t.ok('cases.create', {
      title: 'سفر هیئت به کازان',
      kind: 'outgoing_delegation',
      relationshipId: r.id,
      area: 'economic',
      openedOn: '2025-02-01',
    });
    const party = { from: { text: 'شهرداری کازان' }, to: { text: 'اداره کل ارتباطات و امور بین‌الملل' } };
    const direct = await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-03-10',
      subject: 'تبریک نوروز',
      relationshipId: r.id,
      ...party,
    });
    const viaCase = await t.ok('letters.create', {
      direction: 'outgoing',
      letterDate: '2025-04-20',
      subject: 'درخواست روادید',
      caseId: trip.id,
      from: party.to,
      to: party.from,
    });
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-04-30',
      subject: 'نامه دیگر',
      ...party,
    });

    const timeline = await t.ok('relationships.timeline', { id: r.id });
    expect(timeline.items.map((i) => [i.date, i.kind, i.title])).toEqual([
      ['2025-04-20', 'letter_outgoing', 'درخواست روادید'],
      ['2025-03-10', 'letter_incoming', 'تبریک نوروز'],
      ['2025-02-01', 'case_opened', 'سفر هیئت به کازان'],
    ]);
    expect(timeline.items[0]).toMatchObject({
      source: 'letter',
      id: viaCase.id,
      reference: viaCase.number,
      area: 'economic',
    });
    expect(timeline.items[1]).toMatchObject({ id: direct.id, reference: direct.number, area: null });

    const detail = await t.ok('relationships.get', { id: r.id });
    expect(detail.lastActivity).toBe('2025-04-20');
    expect(detail.activityCount).toBe(3);
    expect(detail.activityByArea.find((a) => a.area === 'economic')?.count).toBe(2);

    const caseTimeline = await t.ok('cases.timeline', { id: trip.id });
    expect(caseTimeline.items.map((i) => [i.kind, i.id])).toEqual([
      ['letter_outgoing', viaCase.id],
      ['case_opened', trip.id],
    ]);
  });

  it('keeps a relationship alive with a letter after a long quiet', async () => {
    const { city, kazan } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'sister_city',
      status: 'active',
    });
    t.clock.set('2026-07-01T09:00:00.000Z');
    expect((await t.ok('relationships.get', { id: r.id })).dormant).toBe(true);
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2026-06-20',
      subject: 'دعوت به جشنواره',
      relationshipId: r.id,
      from: { text: 'شهرداری کازان' },
      to: { text: 'اداره کل' },
    });
    const after = await t.ok('relationships.get', { id: r.id });
    expect([after.lastActivity, after.dormant]).toEqual(['2026-06-20', false]);
  });
});

describe('agreements and events in the timeline', () => {
  it('has a timeline kind for every letter direction and event status the sources produce', () => {
    for (const d of LETTER_DIRECTIONS) expect(TIMELINE_ITEM_KINDS).toContain(`letter_${d}`);
    for (const s of EVENT_STATUSES) expect(TIMELINE_ITEM_KINDS).toContain(`event_${s}`);
  });

  it('adds agreements: drafted on the day drafting began, then on the day signed, directly and through a case', async () => {
    const { city, kazan } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'sister_city',
      status: 'active',
    });
    const negotiation = await t.ok('cases.create', {
      title: 'مذاکره تفاهم‌نامه گردشگری',
      kind: 'agreement_negotiation',
      relationshipId: r.id,
      area: 'tourism',
      openedOn: '2025-01-05',
    });
    t.clock.set('2025-02-10T09:00:00.000Z');
    const mou = await t.ok('agreements.create', {
      kind: 'mou',
      title: 'تفاهم‌نامه گردشگری اصفهان و کازان',
      languages: ['fa', 'ru'],
      ownUnit: { partnerId: city.id },
      partners: [{ partnerId: kazan.id }],
      caseId: negotiation.id,
    });
    const sister = await t.ok('agreements.create', {
      kind: 'sister_city',
      title: 'سند خواهرخواندگی',
      languages: ['fa', 'ru', 'en'],
      ownUnit: { partnerId: city.id },
      partners: [{ partnerId: kazan.id }],
      relationshipId: r.id,
      signedDate: '2025-03-01',
    });

    const timeline = await t.ok('relationships.timeline', { id: r.id });
    expect(timeline.items.map((i) => [i.date, i.source, i.kind, i.id, i.area])).toEqual([
      ['2025-03-01', 'agreement', 'agreement_signed', sister.id, null],
      ['2025-02-10', 'agreement', 'agreement_drafted', mou.id, 'tourism'],
      ['2025-01-05', 'case', 'case_opened', negotiation.id, 'tourism'],
    ]);
    const caseTimeline = await t.ok('cases.timeline', { id: negotiation.id });
    expect(caseTimeline.items.map((i) => i.id)).toEqual([mou.id, negotiation.id]);
    expect((await t.ok('relationships.get', { id: r.id })).lastActivity).toBe('2025-03-01');
  });

  it('adds events on their first day, directly and through a case', async () => {
    const { city, kazan } = await world();
    const r = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'sister_city',
      status: 'active',
    });
    const negotiation = await t.ok('cases.create', {
      title: 'برنامه گردشگری',
      kind: 'other',
      relationshipId: r.id,
      area: 'tourism',
      openedOn: '2025-01-05',
    });
    const week = await t.ok('events.create', {
      kind: 'cultural_week',
      title: 'هفته فرهنگی کازان در اصفهان',
      startDate: '2025-04-01',
      endDate: '2025-04-07',
      ourRole: 'host',
      relationshipId: r.id,
    });
    const visit = await t.ok('events.create', {
      kind: 'outgoing_delegation',
      title: 'سفر هیئت گردشگری',
      startDate: '2025-05-01',
      endDate: '2025-05-03',
      ourRole: 'attendee',
      caseId: negotiation.id,
    });

    const timeline = await t.ok('relationships.timeline', { id: r.id });
    expect(timeline.items.map((i) => [i.date, i.source, i.kind, i.id, i.area])).toEqual([
      ['2025-05-01', 'event', `event_${visit.status}`, visit.id, 'tourism'],
      ['2025-04-01', 'event', `event_${week.status}`, week.id, null],
      ['2025-01-05', 'case', 'case_opened', negotiation.id, 'tourism'],
    ]);
    const caseTimeline = await t.ok('cases.timeline', { id: negotiation.id });
    expect(caseTimeline.items.map((i) => i.id)).toEqual([visit.id, negotiation.id]);
    expect((await t.ok('relationships.get', { id: r.id })).lastActivity).toBe('2025-05-01');
  });
});

describe('last activity', () => {
  it('is the newest date of the timeline, in the list as on the page, and a record that names another relationship counts only there', async () => {
    const { city, kazan, florence } = await world();
    const a = await relate({
      ownUnitId: city.id,
      partnerId: kazan.id,
      type: 'sister_city',
      status: 'active',
    });
    const b = await relate({
      ownUnitId: city.id,
      partnerId: florence.id,
      type: 'sister_city',
      status: 'active',
    });
    const trip = await t.ok('cases.create', {
      title: 'سفر هیئت به کازان',
      kind: 'outgoing_delegation',
      relationshipId: a.id,
      area: 'economic',
      openedOn: '2025-02-01',
    });
    const party = { from: { text: 'شهرداری کازان' }, to: { text: 'اداره کل ارتباطات و امور بین‌الملل' } };
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-03-10',
      subject: 'پاسخ کازان',
      caseId: trip.id,
      ...party,
    });
    // Under a's case, but naming b: b's activity, not a's.
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-06-01',
      subject: 'نامه فلورانس',
      caseId: trip.id,
      relationshipId: b.id,
      ...party,
    });

    for (const r of [a, b]) {
      const timeline = await t.ok('relationships.timeline', { id: r.id });
      const detail = await t.ok('relationships.get', { id: r.id });
      expect(detail.lastActivity).toBe(timeline.items[0]?.date ?? null);
    }
    expect((await t.ok('relationships.get', { id: a.id })).lastActivity).toBe('2025-03-10');
    expect((await t.ok('relationships.get', { id: b.id })).lastActivity).toBe('2025-06-01');

    const list = await t.ok('relationships.list', { sort: { field: 'lastActivity', direction: 'desc' } });
    expect(list.items.map((r) => [r.id, r.lastActivity])).toEqual([
      [b.id, '2025-06-01'],
      [a.id, '2025-03-10'],
    ]);
    const page = await t.ok('relationships.list', { limit: 500 });
    expect(new Map(page.items.map((r) => [r.id, r.lastActivity]))).toEqual(
      new Map([
        [a.id, '2025-03-10'],
        [b.id, '2025-06-01'],
      ]),
    );
  });
});
