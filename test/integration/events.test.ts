import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/main/core/ids';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
let paris: string;
let singapore: string;

beforeEach(async () => {
  t = await openTestDesk();
  paris = (await t.ok('partners.create', { kind: 'city', nameFa: 'پاریس', nameEn: 'Paris', country: 'FR' }))
    .id;
  singapore = (
    await t.ok('partners.create', { kind: 'city', nameFa: 'سنگاپور', nameEn: 'Singapore', country: 'SG' })
  ).id;
});
afterEach(async () => {
  await t.cleanup();
});

async function auditCount(): Promise<number> {
  return (await t.ok('audit.list', { limit: 1 })).total;
}

async function culturalWeek() {
  return t.ok('events.create', {
    kind: 'cultural_week',
    title: 'هفته فرهنگی اصفهان در پاریس',
    startDate: '2018-04-07',
    endDate: '2018-04-14',
    ourRole: 'organiser',
    hostPartnerId: paris,
    venue: 'Mairie du 4e arrondissement',
    objectives: 'معرفی هنر و صنایع دستی اصفهان به مردم پاریس',
  });
}

describe('events', () => {
  it('records a cultural week with its programme in date and time order', async () => {
    const week = await culturalWeek();
    expect(week).toMatchObject({ kind: 'cultural_week', status: 'planned', host: { nameEn: 'Paris' } });
    await t.ok('programme.add', {
      eventId: week.id,
      title: 'کنسرت موسیقی سنتی',
      type: 'concert',
      date: '2018-04-08',
      startTime: '19:00',
      endTime: '21:00',
    });
    await t.ok('programme.add', {
      eventId: week.id,
      title: 'نمایشگاه مینیاتور',
      type: 'exhibition',
      date: '2018-04-07',
    });
    await t.ok('programme.add', {
      eventId: week.id,
      title: 'کارگاه قلم‌زنی',
      type: 'craft',
      date: '2018-04-08',
      startTime: '10:00',
      partnerId: paris,
    });
    const got = await t.ok('events.get', { id: week.id });
    expect(got.programme.map((p) => p.title)).toEqual([
      'نمایشگاه مینیاتور',
      'کارگاه قلم‌زنی',
      'کنسرت موسیقی سنتی',
    ]);
    expect(got.programme[1]!.partner?.nameFa).toBe('پاریس');
    expect(got.programmeCount).toBe(3);
  });

  it('refuses programme items outside the event and times that run backwards', async () => {
    const week = await culturalWeek();
    const before = await auditCount();
    const outside = await t.fail('programme.add', {
      eventId: week.id,
      title: 'x',
      type: 'film',
      date: '2018-04-15',
    });
    expect(outside.code).toBe('VALIDATION');
    const backwards = await t.fail('programme.add', {
      eventId: week.id,
      title: 'x',
      type: 'film',
      date: '2018-04-09',
      startTime: '20:00',
      endTime: '19:00',
    });
    expect(backwards.code).toBe('VALIDATION');
    expect(
      (
        await t.fail('programme.add', {
          eventId: week.id,
          title: 'x',
          type: 'film',
          date: '2018-04-09',
          startTime: '25:00',
        })
      ).code,
    ).toBe('VALIDATION');
    expect(await auditCount()).toBe(before);
  });

  it('links a reciprocal event both ways and refuses a circle', async () => {
    const week = await culturalWeek();
    const answer = await t.ok('events.create', {
      kind: 'cultural_week',
      title: 'هفته فرهنگی پاریس در اصفهان',
      startDate: '2019-10-01',
      endDate: '2019-10-07',
      ourRole: 'host',
      reciprocalEventId: week.id,
    });
    expect(answer.reciprocal).toEqual({
      id: week.id,
      title: 'هفته فرهنگی اصفهان در پاریس',
      startDate: '2018-04-07',
    });
    expect((await t.ok('events.get', { id: week.id })).answeredBy.map((e) => e.id)).toEqual([answer.id]);
    const circle = await t.fail('events.update', { id: week.id, reciprocalEventId: answer.id });
    expect(circle.code).toBe('CONFLICT');
    expect((await t.fail('events.update', { id: week.id, reciprocalEventId: week.id })).code).toBe(
      'CONFLICT',
    );
  });

  it('warns about a passport expiring five months after travel, not seven', async () => {
    const summit = await t.ok('events.create', {
      kind: 'forum',
      title: 'World Cities Summit',
      startDate: '2026-06-01',
      endDate: '2026-06-03',
      ourRole: 'speaker',
      hostPartnerId: singapore,
    });
    const five = await t.ok('delegation.add', {
      eventId: summit.id,
      name: 'مریم احمدی',
      passportNumber: 'A12345678',
      passportExpiry: '2026-11-05',
      travelFrom: '2026-05-31',
      travelTo: '2026-06-05',
      visaStatus: 'applied',
    });
    const seven = await t.ok('delegation.add', {
      eventId: summit.id,
      name: 'علی رضایی',
      role: 'head',
      passportExpiry: '2027-01-05',
      travelFrom: '2026-05-31',
      travelTo: '2026-06-05',
    });
    const missing = await t.ok('delegation.add', { eventId: summit.id, name: 'Sara Karimi' });
    expect(five.passportWarning).toBe('expires_soon');
    expect(seven.passportWarning).toBeNull();
    expect(missing.passportWarning).toBe('missing');
    const got = await t.ok('events.get', { id: summit.id });
    // The head of the delegation comes first.
    expect(got.delegation.map((m) => m.name)).toEqual(['علی رضایی', 'مریم احمدی', 'Sara Karimi']);
    expect(got.warningCount).toBe(2);
    // Renewed passport: the warning goes away.
    const renewed = await t.ok('delegation.update', { id: five.id, passportExpiry: '2031-01-01' });
    expect(renewed.passportWarning).toBeNull();
  });

  it('does not ask passports of the delegations we host', async () => {
    const visit = await t.ok('events.create', {
      kind: 'incoming_delegation',
      title: 'سفر هیئت شهرداری پاریس',
      startDate: '2025-09-01',
      endDate: '2025-09-04',
      ourRole: 'host',
    });
    const guest = await t.ok('delegation.add', { eventId: visit.id, name: 'Anne Hidalgo' });
    expect(guest.passportWarning).toBeNull();
  });

  it('records gifts given and received', async () => {
    const week = await culturalWeek();
    const given = await t.ok('gifts.add', {
      eventId: week.id,
      direction: 'given',
      description: 'تابلوی مینیاتور میدان نقش جهان',
      giver: 'شهردار اصفهان',
      receiver: 'Maire de Paris',
      date: '2018-04-07',
      estimatedValue: 120_000_000,
      currency: 'IRR',
      registryNumber: 'ه-۱۴۹۷/۱۲',
    });
    await t.ok('gifts.add', {
      eventId: week.id,
      direction: 'received',
      description: 'Médaille de la Ville de Paris',
      giver: 'Maire de Paris',
      receiver: 'شهردار اصفهان',
    });
    expect((await t.ok('events.get', { id: week.id })).gifts.map((g) => g.direction)).toEqual([
      'given',
      'received',
    ]);
    expect(
      (await t.fail('gifts.add', { ...given, id: undefined, eventId: week.id, currency: 'rial' })).code,
    ).toBe('VALIDATION');
    await t.ok('gifts.remove', { id: given.id });
    expect((await t.ok('events.get', { id: week.id })).gifts).toHaveLength(1);
    expect((await t.fail('gifts.remove', { id: given.id })).code).toBe('NOT_FOUND');
  });

  it('lists events by kind, period overlap, partner, role and text', async () => {
    const week = await culturalWeek();
    await t.ok('events.create', {
      kind: 'forum',
      title: 'World Cities Summit 2026',
      startDate: '2026-06-01',
      endDate: '2026-06-03',
      ourRole: 'speaker',
      hostPartnerId: singapore,
      partnerIds: [paris],
    });
    await t.ok('events.create', {
      kind: 'online_meeting',
      title: 'جلسه برخط با شبکه شهرهای خلاق',
      startDate: '2025-01-10',
      endDate: '2025-01-10',
      ourRole: 'attendee',
    });
    const titles = async (input: Parameters<TestDesk['ok']>[1]) =>
      (await t.ok('events.list', input as never)).items.map((e) => e.title);
    expect(await titles({})).toEqual([
      'World Cities Summit 2026',
      'جلسه برخط با شبکه شهرهای خلاق',
      'هفته فرهنگی اصفهان در پاریس',
    ]);
    expect(await titles({ kinds: ['cultural_week'] })).toEqual(['هفته فرهنگی اصفهان در پاریس']);
    expect(await titles({ from: '2018-04-10', to: '2018-04-10' })).toEqual(['هفته فرهنگی اصفهان در پاریس']);
    expect(await titles({ partnerId: paris, sort: { field: 'startDate', direction: 'asc' } })).toEqual([
      'هفته فرهنگی اصفهان در پاریس',
      'World Cities Summit 2026',
    ]);
    expect(await titles({ roles: ['attendee'] })).toEqual(['جلسه برخط با شبکه شهرهای خلاق']);
    // Arabic yeh and kaf in the query still find the Persian title.
    expect(await titles({ text: 'فرهنگي' })).toEqual(['هفته فرهنگی اصفهان در پاریس']);
    const paged = await t.ok('events.list', { limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 3, items: [{ id: expect.any(String) }] });
    expect(week.id).toBeTruthy();
  });

  it('refuses an event that ends before it starts, or links that do not exist, and changes nothing', async () => {
    const before = await auditCount();
    const base = { kind: 'forum', title: 'x', ourRole: 'attendee' } as const;
    expect(
      (await t.fail('events.create', { ...base, startDate: '2025-02-02', endDate: '2025-02-01' })).code,
    ).toBe('VALIDATION');
    expect(
      (
        await t.fail('events.create', {
          ...base,
          startDate: '2025-02-01',
          endDate: '2025-02-02',
          hostPartnerId: newId(),
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await t.fail('events.create', {
          ...base,
          startDate: '2025-02-01',
          endDate: '2025-02-02',
          caseId: newId(),
        })
      ).code,
    ).toBe('NOT_FOUND');
    for (const hostile of [
      { ...base, startDate: '1404/12/30', endDate: '2025-02-02' },
      { ...base, startDate: '2025-02-01', endDate: '2025-02-02', title: '\u0000' },
      { ...base, startDate: '2025-02-01', endDate: '2025-02-02', kind: 'party' },
      JSON.parse(
        '{"kind":"forum","title":"x","ourRole":"attendee","startDate":"2025-02-01","endDate":"2025-02-02","constructor":{"prototype":{"bad":1}}}',
      ),
    ]) {
      expect((await t.fail('events.create', hostile)).code).toBe('VALIDATION');
    }
    expect(await auditCount()).toBe(before);
    expect((await t.ok('events.list', {})).total).toBe(0);
  });

  it('keeps programme items inside the dates when the event moves', async () => {
    const week = await culturalWeek();
    await t.ok('programme.add', { eventId: week.id, title: 'فیلم', type: 'film', date: '2018-04-13' });
    expect((await t.fail('events.update', { id: week.id, endDate: '2018-04-12' })).code).toBe('CONFLICT');
    const moved = await t.ok('events.update', {
      id: week.id,
      endDate: '2018-04-13',
      title: 'هفته فرهنگی اصفهان',
    });
    expect(moved).toMatchObject({ endDate: '2018-04-13', title: 'هفته فرهنگی اصفهان' });
  });

  it('writes exactly one audit row per change, with before and after', async () => {
    const week = await culturalWeek();
    const item = await t.ok('programme.add', {
      eventId: week.id,
      title: 'فیلم',
      type: 'film',
      date: '2018-04-09',
    });
    await t.ok('programme.update', { id: item.id, status: 'confirmed' });
    const rows = (await t.ok('audit.list', { entity: 'programme_item', entityId: item.id })).items;
    expect(rows.map((r) => r.action)).toEqual(['programme.update', 'programme.add']);
    expect(rows[0]).toMatchObject({ before: { status: 'planned' }, after: { status: 'confirmed' } });
    const eventRows = (await t.ok('audit.list', { entity: 'event', entityId: week.id })).items;
    expect(eventRows.map((r) => r.action)).toEqual(['events.create']);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('records the outcome and creates its follow-up tasks in one step', async () => {
    const week = await culturalWeek();
    const owner = await t.ok('users.create', { username: 'sara', nameFa: 'سارا محمدی' });
    const before = await auditCount();
    const changed: string[][] = [];
    t.desk.on('changed', (c) => changed.push(c.entities));
    const { event, taskIds } = await t.ok('events.recordOutcome', {
      id: week.id,
      outcome: 'حدود دوازده هزار بازدیدکننده؛ پیشنهاد هفته فرهنگی متقابل در اصفهان.',
      followUps: [
        { title: 'ارسال نامه تشکر به شهرداری پاریس', assigneeId: owner.id, dueDate: '2018-04-30' },
        { title: 'پیش‌نویس برنامه هفته فرهنگی پاریس در اصفهان' },
      ],
    });
    expect(event).toMatchObject({ status: 'held', outcome: expect.stringContaining('دوازده هزار') });
    expect(event.outcomeRecordedAt).toBe('2025-05-05T09:00:00.000Z');
    expect(taskIds).toHaveLength(2);
    const tasks = await t.ok('tasks.list', { ownerType: 'event', ownerId: week.id });
    expect(tasks.items.map((task) => task.title).sort()).toEqual([
      'ارسال نامه تشکر به شهرداری پاریس',
      'پیش‌نویس برنامه هفته فرهنگی پاریس در اصفهان',
    ]);
    // One call, one audit row; the screens hear of the event and of its new follow-ups.
    expect(await auditCount()).toBe(before + 1);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.sort()).toEqual(['event', 'task']);
    // An unknown assignee refuses the whole outcome: no outcome, no tasks.
    const other = await culturalWeek();
    expect(
      (
        await t.fail('events.recordOutcome', {
          id: other.id,
          outcome: 'x',
          followUps: [{ title: 'y', assigneeId: newId() }],
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await t.ok('events.get', { id: other.id })).outcome).toBeNull();
    expect((await t.ok('tasks.list', { ownerType: 'event', ownerId: other.id })).total).toBe(0);
  });
});
