import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/main/core/ids';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
let me: string;
let colleague: string;
let partnerId: string;

beforeEach(async () => {
  // The clock says 2025-05-05 (a Monday) at noon UTC, the same day in Tehran and in UTC.
  t = await openTestDesk({ actor: 'sara' });
  t.clock.set('2025-05-05T12:00:00.000Z');
  me = (await t.ok('users.create', { username: 'sara', nameFa: 'سارا احمدی' })).id;
  colleague = (await t.ok('users.create', { username: 'reza', nameFa: 'رضا کریمی' })).id;
  partnerId = newId();
  await t.desk.internals.db
    .insertInto('partners')
    .values({
      id: partnerId,
      kind: 'city',
      name_fa: 'ایروان',
      own: 0,
      archived: 0,
      search_key: 'ایروان',
      sort_key: 'ایروان',
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
    })
    .execute();
});
afterEach(async () => {
  await t.cleanup();
});

describe('creating and changing tasks', () => {
  it('creates a task about a record, for a colleague, by a date, with one audit row', async () => {
    const audits = (await t.ok('audit.list', { limit: 1 })).total;
    const task = await t.ok('tasks.create', {
      title: '  پیگیری دعوت‌نامه هیئت\u202E ایروان ',
      notes: 'تماس با سفارت',
      ownerType: 'partner',
      ownerId: partnerId,
      assigneeId: colleague,
      dueDate: '2025-05-10',
    });
    expect(task).toMatchObject({
      title: 'پیگیری دعوت‌نامه هیئت ایروان',
      notes: 'تماس با سفارت',
      ownerType: 'partner',
      ownerId: partnerId,
      assigneeId: colleague,
      dueDate: '2025-05-10',
      done: false,
      doneAt: null,
      doneBy: null,
      overdue: false,
      createdBy: 'sara',
      createdAt: '2025-05-05T12:00:00.000Z',
    });
    const log = await t.ok('audit.list', { limit: 1 });
    expect(log.total).toBe(audits + 1);
    expect(log.items[0]).toMatchObject({
      action: 'tasks.create',
      entity: 'task',
      entityId: task.id,
      before: null,
    });
  });

  it('refuses half a record link, unknown records and unknown assignees', async () => {
    expect((await t.fail('tasks.create', { title: 'x', ownerType: 'partner' })).code).toBe('VALIDATION');
    expect((await t.fail('tasks.create', { title: 'x', ownerId: partnerId })).code).toBe('VALIDATION');
    expect((await t.fail('tasks.create', { title: '   ' })).code).toBe('VALIDATION');
    expect((await t.fail('tasks.create', { title: 'x', dueDate: '2025-02-30' })).code).toBe('VALIDATION');
    expect((await t.fail('tasks.create', { title: 'x', ownerType: 'case', ownerId: newId() })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fail('tasks.create', { title: 'x', assigneeId: newId() })).code).toBe('NOT_FOUND');
    expect((await t.ok('tasks.list', {})).total).toBe(0);
  });

  it('changes fields, clears the date, the assignee and the record link', async () => {
    const task = await t.ok('tasks.create', {
      title: 'Send the programme',
      ownerType: 'partner',
      ownerId: partnerId,
      assigneeId: me,
      dueDate: '2025-05-01',
    });
    t.clock.advance(60_000);
    const changed = await t.ok('tasks.update', {
      id: task.id,
      title: 'Send the final programme',
      dueDate: null,
    });
    expect(changed).toMatchObject({ title: 'Send the final programme', dueDate: null, assigneeId: me });
    expect(changed.ownerId).toBe(partnerId);
    expect(changed.updatedAt).toBe('2025-05-05T12:01:00.000Z');
    const unlinked = await t.ok('tasks.update', {
      id: task.id,
      ownerType: null,
      ownerId: null,
      assigneeId: null,
    });
    expect(unlinked).toMatchObject({
      ownerType: null,
      ownerId: null,
      assigneeId: null,
      title: 'Send the final programme',
    });
    expect((await t.fail('tasks.update', { id: task.id, ownerType: null })).code).toBe('VALIDATION');
    expect((await t.fail('tasks.update', { id: newId(), title: 'y' })).code).toBe('NOT_FOUND');

    const [last] = (await t.ok('audit.list', { entity: 'task', entityId: task.id, limit: 1 })).items;
    expect(last!.before).toMatchObject({ assigneeId: me, ownerType: 'partner' });
    expect(last!.after).toMatchObject({ assigneeId: null, ownerType: null });
  });

  it('completes a task and opens it again', async () => {
    const task = await t.ok('tasks.create', {
      title: 'Book the hall',
      dueDate: '2025-05-01',
      assigneeId: me,
    });
    expect(task.overdue).toBe(true);
    t.clock.advance(3_600_000);
    const done = await t.ok('tasks.complete', { id: task.id });
    expect(done).toMatchObject({
      done: true,
      doneAt: '2025-05-05T13:00:00.000Z',
      doneBy: 'sara',
      overdue: false,
    });
    const reopened = await t.ok('tasks.complete', { id: task.id, done: false });
    expect(reopened).toMatchObject({ done: false, doneAt: null, doneBy: null, overdue: true });
    expect((await t.ok('audit.list', { entity: 'task', entityId: task.id })).total).toBe(3);
  });
});

describe('listing tasks', () => {
  async function seed() {
    const make = (title: string, extra: Record<string, unknown> = {}) =>
      t.ok('tasks.create', { title, ...extra } as { title: string });
    const a = await make('پاسخ به نامه شهرداری قازان', { assigneeId: me, dueDate: '2025-04-20' });
    const b = await make('وقت ملاقات با هیئت فلورانس', { assigneeId: me, dueDate: '2025-05-05' });
    const c = await make('تهیه گزارش سفر', { assigneeId: colleague, dueDate: '2025-05-01' });
    const d = await make('آماده‌سازی هدایا', { assigneeId: me });
    const e = await make('Call the embassy', {
      assigneeId: me,
      dueDate: '2025-05-20',
      ownerType: 'partner',
      ownerId: partnerId,
    });
    await t.ok('tasks.complete', { id: c.id });
    return { a, b, c, d, e };
  }

  it('filters by assignee, mine, record, state, overdue and due range', async () => {
    const { a, b, c, d, e } = await seed();
    const ids = async (input: Parameters<typeof t.ok<'tasks.list'>>[1]) =>
      (await t.ok('tasks.list', input)).items.map((x) => x.id);

    expect(await ids({ assigneeId: colleague })).toEqual([c.id]);
    expect(await ids({ mine: true })).toEqual([a.id, b.id, e.id, d.id]);
    expect(await ids({ mine: true, assigneeId: colleague })).toEqual([]);
    expect(await ids({ ownerType: 'partner', ownerId: partnerId })).toEqual([e.id]);
    expect(await ids({ done: true })).toEqual([c.id]);
    // Due today is not overdue; due yesterday and not done is; done is never overdue.
    expect(await ids({ overdue: true })).toEqual([a.id]);
    expect(await ids({ overdue: false })).toEqual([c.id, b.id, e.id, d.id]);
    expect(await ids({ dueFrom: '2025-05-01', dueTo: '2025-05-05' })).toEqual([c.id, b.id]);

    const overdue = await t.ok('tasks.list', { overdue: true });
    expect(overdue.items[0]!.overdue).toBe(true);
  });

  it('counts overdue from the workstation’s day as the clock moves on', async () => {
    const { a, b } = await seed();
    t.clock.set('2025-05-06T12:00:00.000Z');
    expect((await t.ok('tasks.list', { overdue: true })).items.map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('finds words whatever the keyboard typed, and sorts titles in Persian order', async () => {
    const { a, b, d, e } = await seed();
    // Arabic kaf and yeh, as some keyboards type them.
    expect((await t.ok('tasks.list', { query: 'شهرداري قازان' })).items.map((x) => x.id)).toEqual([a.id]);
    expect((await t.ok('tasks.list', { query: 'EMBASSY' })).items.map((x) => x.id)).toEqual([e.id]);
    expect((await t.ok('tasks.list', { query: '100%' })).total).toBe(0);

    const byTitle = await t.ok('tasks.list', { mine: true, sort: 'title' });
    // Latin before Persian; آ, پ, و in alphabetical order (Unicode puts و before پ).
    expect(byTitle.items.map((x) => x.id)).toEqual([e.id, d.id, a.id, b.id]);
    const newestFirst = await t.ok('tasks.list', {
      sort: 'createdAt',
      direction: 'desc',
      limit: 2,
      offset: 1,
    });
    expect(newestFirst.total).toBe(5);
    expect(newestFirst.items).toHaveLength(2);
  });

  it('finds one person’s overdue tasks through the assignee index', async () => {
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
      SELECT * FROM tasks WHERE assignee_id = ${me} AND done = 0 AND due_date < ${'2025-05-05'}
      ORDER BY due_date, id LIMIT 20`.execute(t.desk.internals.db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/SEARCH tasks USING INDEX tasks_assignee/);
  });

  it('refuses a task row whose assignee is not a user', async () => {
    const insert = t.desk.internals.db
      .insertInto('tasks')
      .values({
        id: newId(),
        title: 'x',
        assignee_id: newId(),
        done: 0,
        search_key: 'x',
        sort_key: 'x',
        created_by: 'sara',
        created_at: '2025-05-05T12:00:00.000Z',
        updated_at: '2025-05-05T12:00:00.000Z',
      })
      .execute();
    await expect(insert).rejects.toThrow(/FOREIGN KEY/);
  });
});
