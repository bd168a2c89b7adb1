import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/main/core/ids';
import { openTestDesk, type TestDesk } from '../helpers/desk';

const AT = '2025-01-01T00:00:00.000Z';
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'files');

let t: TestDesk;
let me: string;
let colleague: string;

beforeEach(async () => {
  // 2025-05-05 is 15 Ordibehesht 1404: the Jalali year 1404 began on 2025-03-21.
  t = await openTestDesk({ actor: 'sara' });
  t.clock.set('2025-05-05T12:00:00.000Z');
  me = (await t.ok('users.create', { username: 'sara', nameFa: 'سارا احمدی' })).id;
  colleague = (await t.ok('users.create', { username: 'reza', nameFa: 'رضا کریمی' })).id;
});
afterEach(async () => {
  await t.cleanup();
});

async function partner(name: string, archived = 0): Promise<string> {
  const id = newId();
  await t.desk.internals.db
    .insertInto('partners')
    .values({
      id,
      kind: 'city',
      name_fa: name,
      own: 0,
      archived,
      search_key: name,
      sort_key: name,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return id;
}

async function agreement(title: string, status: string, expiry: string, reminder: string): Promise<string> {
  const id = newId();
  await t.desk.internals.db
    .insertInto('agreements')
    .values({
      id,
      kind: 'mou',
      title,
      status,
      languages: '["fa","en"]',
      signed_date: '2021-06-01',
      term_years: 5,
      term_calendar: 'gregorian',
      renewal_notice_months: 3,
      expiry_date: expiry,
      reminder_date: reminder,
      latest_version: 0,
      search_key: title,
      sort_key: title,
      created_at: AT,
      updated_at: AT,
      preamble: '{}',
    })
    .execute();
  return id;
}

async function letter(direction: 'incoming' | 'outgoing', letterDate: string, followUpDate: string | null) {
  return t.ok('letters.create', {
    direction,
    letterDate,
    followUpDate,
    from: { text: 'سفارت فرانسه' },
    to: { text: 'شهرداری اصفهان' },
    subject: `نامه ${letterDate}`,
  });
}

describe('the Desk overview', () => {
  it('gathers my overdue tasks, overdue letters, my referrals and counts', async () => {
    const isfahan = await partner('اصفهان');
    const florence = await partner('فلورانس');
    await partner('بایگانی‌شده', 1);
    await t.desk.internals.db
      .insertInto('relationships')
      .values({
        id: newId(),
        own_unit_id: isfahan,
        partner_id: florence,
        type: 'sister_city',
        status: 'active',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    // Established in 2019 and nothing linked since: quiet for longer than the 12 months allowed.
    const quiet = newId();
    await t.desk.internals.db
      .insertInto('relationships')
      .values({
        id: quiet,
        own_unit_id: isfahan,
        partner_id: await partner('لاهور'),
        type: 'sister_city',
        status: 'active',
        established_on: '2019-01-01',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    for (const closed of [null, '2025-04-01']) {
      await t.desk.internals.db
        .insertInto('cases')
        .values({
          id: newId(),
          title: 'سفر',
          kind: 'trip',
          status: closed ? 'done' : 'open',
          priority: 'normal',
          opened_on: '2025-03-01',
          closed_on: closed,
          search_key: 'سفر',
          sort_key: 'سفر',
          created_at: AT,
          updated_at: AT,
        })
        .execute();
    }
    await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: florence,
      path: join(fixtures, 'notes.txt'),
    });

    const lateTask = await t.ok('tasks.create', {
      title: 'پاسخ به قازان',
      assigneeId: me,
      dueDate: '2025-05-01',
    });
    const laterTask = await t.ok('tasks.create', { title: 'بلیت', assigneeId: me, dueDate: '2025-04-20' });
    await t.ok('tasks.create', { title: 'امروز', assigneeId: me, dueDate: '2025-05-05' });
    await t.ok('tasks.create', { title: 'گزارش', assigneeId: colleague, dueDate: '2025-04-01' });
    const done = await t.ok('tasks.create', { title: 'انجام‌شده', assigneeId: me, dueDate: '2025-04-01' });
    await t.ok('tasks.complete', { id: done.id });

    const overdueLetter = await letter('incoming', '2025-04-01', '2025-04-20');
    await letter('incoming', '2025-04-10', '2025-05-10');
    const lastYears = await letter('incoming', '2025-03-10', '2025-03-15');
    const referred = await letter('outgoing', '2025-04-15', null);
    await t.ok('letters.refer', { id: referred.id, toUserId: me, instruction: 'پیگیری شود' });
    const closed = await letter('incoming', '2025-04-16', null);
    await t.ok('letters.refer', { id: closed.id, toUserId: me });
    await t.ok('letters.close', { id: closed.id });

    const kazan = await agreement('تفاهم‌نامه قازان', 'in_force', '2025-06-01', '2025-03-01');
    await agreement('Florence MoU', 'in_force', '2025-09-01', '2025-06-01');
    await agreement('Terminated MoU', 'terminated', '2025-05-20', '2025-02-20');
    await agreement('Already expired', 'in_force', '2025-05-04', '2025-02-04');

    const overview = await t.ok('desk.overview', {});
    expect(overview.today).toBe('2025-05-05');
    expect(overview.me?.id).toBe(me);
    expect(overview.myOverdueTasks.items.map((x) => x.id)).toEqual([laterTask.id, lateTask.id]);
    expect(overview.myOverdueTasks.total).toBe(2);
    expect(overview.lettersAwaitingReplyOverdue.items.map((x) => x.id)).toEqual([
      lastYears.id,
      overdueLetter.id,
    ]);
    expect(overview.lettersAwaitingReplyOverdue.total).toBe(2);
    expect(overview.referralsToMe.items.map((x) => x.id)).toEqual([referred.id]);
    expect(overview.referralsToMe.items[0]!.currentReferral?.toUserId).toBe(me);
    expect(overview.agreementsExpiring).toEqual({
      items: [
        {
          id: kazan,
          kind: 'mou',
          title: 'تفاهم‌نامه قازان',
          status: 'in_force',
          signedDate: '2021-06-01',
          expiryDate: '2025-06-01',
          reminderDate: '2025-03-01',
          relationshipId: null,
          caseId: null,
        },
      ],
      total: 1,
    });
    expect(overview.dormantRelationships.items.map((r) => [r.id, r.partner.nameFa, r.dormant])).toEqual([
      [quiet, 'لاهور', true],
    ]);
    expect(overview.dormantRelationships.total).toBe(1);
    expect(overview.counts).toEqual({
      partners: 3,
      relationships: 2,
      openCases: 1,
      lettersThisYear: 4,
      openTasks: 4,
      overdueTasks: 3,
      myOpenTasks: 3,
      attachments: 1,
    });
  });

  it('counts the letters chart, the awaiting list and the relationship charts as their lists do', async () => {
    const isfahan = await partner('اصفهان');
    const statuses = ['active', 'active', 'dormant', 'proposed'] as const;
    for (const [i, status] of statuses.entries()) {
      const id = newId();
      await t.desk.internals.db
        .insertInto('relationships')
        .values({
          id,
          own_unit_id: isfahan,
          partner_id: await partner(`شهر ${i}`),
          type: 'sister_city',
          status,
          created_at: AT,
          updated_at: AT,
        })
        .execute();
      const areas = i === 0 ? ['cultural', 'tourism'] : i === 1 ? ['cultural'] : [];
      if (areas.length > 0)
        await t.desk.internals.db
          .insertInto('relationship_areas')
          .values(areas.map((area) => ({ relationship_id: id, area })))
          .execute();
    }
    // Months of 1404 and of 1403 (Farvardin 1404 began on 2025-03-21), both ways, on month edges.
    for (const [direction, day] of [
      ['incoming', '2025-05-05'],
      ['incoming', '2025-04-21'],
      ['outgoing', '2025-04-20'],
      ['incoming', '2025-03-21'],
      ['outgoing', '2025-03-20'],
      ['incoming', '2024-06-01'],
      ['outgoing', '2024-05-25'],
      ['incoming', '2024-04-01'],
    ] as const) {
      await letter(direction, day, direction === 'incoming' ? '2025-06-01' : null);
    }

    for (const calendar of ['jalali', 'gregorian'] as const) {
      const overview = await t.ok('desk.overview', { calendar });
      expect(overview.lettersByMonth).toHaveLength(12);
      expect(overview.lettersByMonth.at(-1)!.from <= '2025-05-05').toBe(true);
      expect(overview.lettersByMonth.at(-1)!.to >= '2025-05-05').toBe(true);
      for (const month of overview.lettersByMonth) {
        for (const direction of ['incoming', 'outgoing'] as const) {
          const list = await t.ok('letters.list', {
            direction,
            dateFrom: month.from,
            dateTo: month.to,
            limit: 1,
          });
          expect(month[direction]).toBe(list.total);
        }
      }
      // Consecutive months, nothing between them.
      for (let i = 1; i < 12; i++) {
        expect(overview.lettersByMonth[i]!.from > overview.lettersByMonth[i - 1]!.to).toBe(true);
      }
      const counted = overview.lettersByMonth.reduce((n, m) => n + m.incoming + m.outgoing, 0);
      expect(counted).toBe(calendar === 'jalali' ? 7 : 6);
    }
    const overview = await t.ok('desk.overview', {});
    expect(overview.lettersByMonth.at(-1)).toMatchObject({
      from: '2025-04-21',
      to: '2025-05-21',
      incoming: 2,
    });

    const awaiting = await t.ok('letters.list', {
      state: 'awaiting_reply',
      sort: { by: 'letterDate', direction: 'asc' },
      limit: 6,
    });
    expect(overview.awaitingReply.items.map((l) => l.id)).toEqual(awaiting.items.map((l) => l.id));
    expect(overview.awaitingReply.total).toBe(awaiting.total);
    expect(overview.awaitingReply.total).toBe(5);

    for (const [status, n] of Object.entries(overview.relationshipsByStatus)) {
      const list = await t.ok('relationships.list', { status: status as 'active', limit: 1 });
      expect([status, n]).toEqual([status, list.total]);
    }
    for (const [area, n] of Object.entries(overview.relationshipsByArea)) {
      const list = await t.ok('relationships.list', { area: area as 'cultural', limit: 1 });
      expect([area, n]).toEqual([area, list.total]);
    }
    expect(overview.relationshipsByStatus).toMatchObject({ active: 2, dormant: 1, proposed: 1 });
    expect(overview.relationshipsByArea).toMatchObject({ cultural: 2, tourism: 1 });

    const dormant = await t.ok('relationships.list', {
      dormant: true,
      sort: { field: 'lastActivity', direction: 'asc' },
      limit: 6,
    });
    expect(overview.dormantRelationships.items.slice(0, 6).map((r) => r.id)).toEqual(
      dormant.items.map((r) => r.id),
    );
    expect(overview.dormantRelationships.total).toBe(dormant.total);
  });

  it('shows a workstation login that is not registered only what is not personal', async () => {
    await t.ok('tasks.create', { title: 'گزارش', assigneeId: colleague, dueDate: '2025-04-01' });
    await t.desk.close();
    const guest = await openTestDesk({ dir: t.dir, actor: 'guest', clock: t.clock });
    // The folder is removed by the test's own cleanup, which closes this desk.
    t.desk = guest.desk;
    const overview = await guest.ok('desk.overview', {});
    expect(overview.me).toBeNull();
    expect(overview.myOverdueTasks).toEqual({ items: [], total: 0 });
    expect(overview.referralsToMe).toEqual({ items: [], total: 0 });
    expect(overview.counts.overdueTasks).toBe(1);
    expect(overview.counts.myOpenTasks).toBe(0);
  });
});
