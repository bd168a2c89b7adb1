import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseCreateInput } from '../../shared/api/cases.contract';
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
const CASE_TABLES = ['cases', 'case_partners', 'case_tags'] as const;

async function world() {
  const { city } = await addOwnCity(t);
  const singapore = await addPartner(t, { nameFa: 'سنگاپور', nameEn: 'Singapore', country: 'SG' });
  const paris = await addPartner(t, { nameFa: 'پاریس', nameEn: 'Paris', country: 'FR' });
  const kazan = await addPartner(t, { nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' });
  const sister = await t.ok('relationships.create', {
    ownUnitId: city.id,
    partnerId: kazan.id,
    type: 'sister_city',
    status: 'active',
  });
  const maryam = await t.ok('users.create', {
    username: 'maryam',
    nameFa: 'مریم احمدی',
    nameEn: 'Maryam Ahmadi',
  });
  const reza = await t.ok('users.create', { username: 'reza', nameFa: 'رضا کاظمی' });
  return { city, singapore, paris, kazan, sister, maryam, reza };
}

function open(input: CaseCreateInput) {
  return t.ok('cases.create', input);
}

describe('cases.create, get and update', () => {
  it('opens a case with owner, deadline, relationship, partners and tags, audited once', async () => {
    const { singapore, kazan, sister, maryam } = await world();
    const c = await open({
      title: '  هیئت اعزامی به اجلاس شهرهای جهان  ',
      kind: 'forum',
      priority: 'high',
      ownerId: maryam.id,
      dueOn: '2025-06-01',
      relationshipId: sister.id,
      area: 'urban_management',
      partnerIds: [singapore.id, singapore.id],
      tags: ['اجلاس', 'سنگاپور', 'اجلاس ', 'اجلاس\u200c'],
      description: 'هماهنگی روادید و برنامه سفر',
    });
    expect(c).toMatchObject({
      title: 'هیئت اعزامی به اجلاس شهرهای جهان',
      kind: 'forum',
      status: 'open',
      priority: 'high',
      owner: { id: maryam.id, nameFa: 'مریم احمدی', nameEn: 'Maryam Ahmadi' },
      dueOn: '2025-06-01',
      overdue: false,
      openedOn: '2025-05-05',
      closedOn: null,
      relationship: { id: sister.id, ownUnit: { nameFa: 'اصفهان' }, partner: { id: kazan.id } },
      area: 'urban_management',
      tags: ['اجلاس', 'سنگاپور'],
    });
    // The relationship's partner is linked with the partners given, in Persian order.
    expect(c.partners.map((p) => p.nameFa)).toEqual(['سنگاپور', 'کازان']);
    expect(await t.ok('cases.get', { id: c.id })).toEqual(c);
    const audit = await auditOf(t, 'case', c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'cases.create', before: null, after: c });
  });

  it('sets the closing day when done, keeps it when cancelled, clears it on reopening', async () => {
    const { maryam } = await world();
    const c = await open({ title: 'درخواست سفارت', kind: 'incoming_request', ownerId: maryam.id });
    t.clock.set('2025-05-20T08:00:00.000Z');
    const done = await t.ok('cases.update', { id: c.id, status: 'done' });
    expect([done.status, done.closedOn, done.owner?.id]).toEqual(['done', '2025-05-20', maryam.id]);
    t.clock.set('2025-05-25T08:00:00.000Z');
    const cancelled = await t.ok('cases.update', { id: c.id, status: 'cancelled' });
    expect(cancelled.closedOn).toBe('2025-05-20');
    const reopened = await t.ok('cases.update', {
      id: c.id,
      status: 'waiting',
      ownerId: null,
      tags: ['پیگیری'],
    });
    expect(reopened).toMatchObject({ status: 'waiting', closedOn: null, owner: null, tags: ['پیگیری'] });

    const audit = await auditOf(t, 'case', c.id);
    expect(audit.map((a) => a.action)).toEqual([
      'cases.create',
      'cases.update',
      'cases.update',
      'cases.update',
    ]);
    // An update keeps only what changed, on both sides.
    expect([audit[1]!.before, audit[1]!.after]).toEqual(changedFields(c, done));
    expect(audit[1]!.after).toMatchObject({ status: 'done', closedOn: done.closedOn });
    expect(audit[1]!.after).not.toHaveProperty('title');
    expect([audit[3]!.before, audit[3]!.after]).toEqual(changedFields(cancelled, reopened));
  });

  it('refuses unknown owners, relationships and partners, and invalid fields, changing nothing', async () => {
    const { reza } = await world();
    await t.ok('users.update', { id: reza.id, active: false });
    const refused: [Record<string, unknown>, string][] = [
      [{ ownerId: MISSING }, 'NOT_FOUND'],
      [{ ownerId: reza.id }, 'VALIDATION'],
      [{ relationshipId: MISSING }, 'NOT_FOUND'],
      [{ partnerIds: [MISSING] }, 'NOT_FOUND'],
      [{ kind: 'holiday' }, 'VALIDATION'],
      [{ status: 'paused' }, 'VALIDATION'],
      [{ dueOn: '2025-02-30' }, 'VALIDATION'],
      [{ area: 'space' }, 'VALIDATION'],
      [{ title: ' ' }, 'VALIDATION'],
      [{ tags: ['x'.repeat(61)] }, 'VALIDATION'],
      [{ status: 'done', openedOn: '2025-06-01' }, 'VALIDATION'],
    ];
    const before = await snapshot(t, CASE_TABLES);
    for (const [patch, code] of refused) {
      const error = await t.fail('cases.create', { title: 'پرونده', kind: 'other', ...patch });
      expect(error.code, JSON.stringify(patch)).toBe(code);
    }
    expect(await snapshot(t, CASE_TABLES)).toEqual(before);
  });

  it('refuses an update to a missing link and leaves the case as it was', async () => {
    const { paris } = await world();
    const c = await open({
      title: 'هفته فرهنگی',
      kind: 'cultural_week',
      partnerIds: [paris.id],
      tags: ['پاریس'],
    });
    const before = await snapshot(t, CASE_TABLES);
    expect((await t.fail('cases.update', { id: c.id, partnerIds: [paris.id, MISSING] })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fail('cases.update', { id: MISSING, title: 'x' })).code).toBe('NOT_FOUND');
    expect(await snapshot(t, CASE_TABLES)).toEqual(before);
    expect(await t.ok('cases.get', { id: c.id })).toEqual(c);
  });
});

describe('cases.list', () => {
  async function seed() {
    const w = await world();
    const trip = await open({
      title: 'سفر به کازان',
      kind: 'outgoing_delegation',
      priority: 'urgent',
      ownerId: w.maryam.id,
      dueOn: '2025-05-01',
      relationshipId: w.sister.id,
      tags: ['سفر'],
    });
    const week = await open({
      title: 'هفته فرهنگی اصفهان در پاریس',
      kind: 'cultural_week',
      status: 'waiting',
      priority: 'normal',
      ownerId: w.reza.id,
      dueOn: '2025-06-15',
      partnerIds: [w.paris.id],
      tags: ['فرهنگی', 'سفر'],
      description: 'سی‌وهفت برنامه',
    });
    const forum = await open({
      title: 'اجلاس شهرهای جهان',
      kind: 'forum',
      priority: 'high',
      ownerId: w.maryam.id,
      dueOn: '2025-05-20',
      partnerIds: [w.singapore.id],
    });
    const request = await open({ title: 'درخواست دانشگاه', kind: 'incoming_request', priority: 'low' });
    const closed = await open({
      title: 'بازدید گذشته',
      kind: 'incoming_delegation',
      status: 'done',
      dueOn: '2025-01-01',
      openedOn: '2024-12-01',
    });
    return { ...w, trip, week, forum, request, closed };
  }
  const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);

  it('filters by status, kind, priority, owner, relationship, partner, tag, due dates and overdue', async () => {
    const s = await seed();
    expect(ids(await t.ok('cases.list', { status: 'waiting' }))).toEqual([s.week.id]);
    expect((await t.ok('cases.list', { openOnly: true })).total).toBe(4);
    expect(ids(await t.ok('cases.list', { kind: 'forum' }))).toEqual([s.forum.id]);
    expect(ids(await t.ok('cases.list', { priority: 'low' }))).toEqual([s.request.id]);
    expect(ids(await t.ok('cases.list', { ownerId: s.maryam.id }))).toEqual([s.trip.id, s.forum.id]);
    expect(ids(await t.ok('cases.list', { relationshipId: s.sister.id }))).toEqual([s.trip.id]);
    expect(ids(await t.ok('cases.list', { partnerId: s.kazan.id }))).toEqual([s.trip.id]);
    expect(ids(await t.ok('cases.list', { partnerId: s.paris.id }))).toEqual([s.week.id]);
    expect(ids(await t.ok('cases.list', { tag: 'سفر' }))).toEqual([s.trip.id, s.week.id]);
    expect(ids(await t.ok('cases.list', { dueFrom: '2025-05-02', dueTo: '2025-06-15' }))).toEqual([
      s.forum.id,
      s.week.id,
    ]);
    // Today is 2025-05-05: the trip is past due; the finished visit is not overdue.
    expect(ids(await t.ok('cases.list', { overdue: true }))).toEqual([s.trip.id]);
    expect((await t.ok('cases.list', { overdue: false })).total).toBe(4);
    t.clock.set('2025-05-21T09:00:00.000Z');
    expect(ids(await t.ok('cases.list', { overdue: true }))).toEqual([s.trip.id, s.forum.id]);
    expect((await t.ok('cases.get', { id: s.forum.id })).overdue).toBe(true);
  });

  it('finds text in titles, descriptions and tags across spellings', async () => {
    const s = await seed();
    expect(ids(await t.ok('cases.list', { text: 'فرهنگي' }))).toEqual([s.week.id]); // Arabic yeh
    expect(ids(await t.ok('cases.list', { text: 'سی و هشت' }))).toEqual([]);
    expect(ids(await t.ok('cases.list', { text: 'سی\u200cوهفت' }))).toEqual([s.week.id]);
    expect(ids(await t.ok('cases.list', { text: 'سیوهفت' }))).toEqual([s.week.id]);
    expect(ids(await t.ok('cases.list', { text: 'اجلاس جهان' }))).toEqual([s.forum.id]);
  });

  it('sorts by due date (no deadline last), priority, status and title, and pages with totals', async () => {
    const s = await seed();
    expect(ids(await t.ok('cases.list', {}))).toEqual([
      s.closed.id,
      s.trip.id,
      s.forum.id,
      s.week.id,
      s.request.id,
    ]);
    expect(ids(await t.ok('cases.list', { sort: { field: 'dueOn', direction: 'desc' } }))).toEqual([
      s.week.id,
      s.forum.id,
      s.trip.id,
      s.closed.id,
      s.request.id,
    ]);
    const byPriority = await t.ok('cases.list', { sort: { field: 'priority', direction: 'desc' } });
    expect(byPriority.items.map((c) => c.priority)).toEqual(['urgent', 'high', 'normal', 'normal', 'low']);
    const byStatus = await t.ok('cases.list', { sort: { field: 'status', direction: 'asc' } });
    expect(byStatus.items.map((c) => c.status)).toEqual(['open', 'open', 'open', 'waiting', 'done']);
    const byTitle = await t.ok('cases.list', { sort: { field: 'title', direction: 'asc' } });
    expect(byTitle.items.map((c) => c.title)).toEqual([
      'اجلاس شهرهای جهان',
      'بازدید گذشته',
      'درخواست دانشگاه',
      'سفر به کازان',
      'هفته فرهنگی اصفهان در پاریس',
    ]);
    const page = await t.ok('cases.list', { limit: 2, offset: 2 });
    expect([page.total, ids(page)]).toEqual([5, [s.forum.id, s.week.id]]);
  });
});

describe('cases.timeline', () => {
  it('shows the case opening and closing, newest first', async () => {
    await world();
    const c = await open({
      title: 'مذاکره تفاهم‌نامه',
      kind: 'agreement_negotiation',
      openedOn: '2025-03-01',
    });
    t.clock.set('2025-06-10T09:00:00.000Z');
    await t.ok('cases.update', { id: c.id, status: 'done' });
    const timeline = await t.ok('cases.timeline', { id: c.id });
    expect(timeline.total).toBe(2);
    expect(timeline.items.map((i) => [i.date, i.kind])).toEqual([
      ['2025-06-10', 'case_done'],
      ['2025-03-01', 'case_opened'],
    ]);
    expect((await t.fail('cases.timeline', { id: MISSING })).code).toBe('NOT_FOUND');
  });
});
