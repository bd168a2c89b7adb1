/**
 * The Desk's counts of open tasks and of open letters referred to the user read index
 * entries only (migration 2026-11-28-20-desk-count-indexes): the counts follow tasks done and
 * letters closed, and a desk made before the indexes were widened gains them on opening with
 * the same counts.
 */
import type { Compilable } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { countReferredTo, countReferredToQuery } from '../../electron/main/core/letters/letters.repository';
import { countOpenTasks, countOpenTasksQuery } from '../../electron/main/core/tasks/tasks.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { letterInput } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const plan = (desk: TestDesk, query: Compilable) => queryPlan(desk.desk.internals.db, query);

async function expectIndexOnly(desk: TestDesk, userId: string): Promise<void> {
  const db = desk.desk.internals.db;
  expect(await plan(desk, countOpenTasksQuery(db, '2025-05-05', userId))).toMatch(
    /^SEARCH tasks USING COVERING INDEX tasks_done_due \(done=\?\)$/,
  );
  expect(await plan(desk, countReferredToQuery(db, userId))).toMatch(
    /^SEARCH letters USING COVERING INDEX letters_referred_to \(referred_to_user_id=\?\)$/,
  );
}

/** Two tasks and two letters referred to the user, one of each done or closed; one overdue task. */
async function world(desk: TestDesk): Promise<string> {
  desk.clock.set('2025-05-05T12:00:00.000Z');
  const me = (await desk.ok('users.create', { username: 'tester', nameFa: 'سارا احمدی' })).id;
  const other = (await desk.ok('users.create', { username: 'reza', nameFa: 'رضا کریمی' })).id;
  await desk.ok('tasks.create', { title: 'پاسخ به قازان', assigneeId: me, dueDate: '2025-05-01' });
  const done = await desk.ok('tasks.create', { title: 'بلیت', assigneeId: me, dueDate: '2025-05-20' });
  await desk.ok('tasks.complete', { id: done.id });
  await desk.ok('tasks.create', { title: 'گزارش', assigneeId: other, dueDate: '2025-05-20' });
  for (const close of [false, true, false]) {
    const letter = await desk.ok('letters.create', letterInput());
    await desk.ok('letters.refer', { id: letter.id, toUserId: me });
    if (close) await desk.ok('letters.close', { id: letter.id });
  }
  return me;
}

async function counts(desk: TestDesk) {
  const overview = await desk.ok('desk.overview', {});
  return {
    referred: overview.referralsToMe.total,
    open: overview.counts.openTasks,
    overdue: overview.counts.overdueTasks,
    mine: overview.counts.myOpenTasks,
  };
}

describe('the Desk counts of tasks and referrals', () => {
  it('read index entries only, and follow tasks done and letters closed', async () => {
    t = await openTestDesk({ actor: 'tester' });
    const me = await world(t);
    await expectIndexOnly(t, me);
    expect(await counts(t)).toEqual({ referred: 2, open: 2, overdue: 1, mine: 1 });
  });

  it('a desk made before gains the wider indexes on opening, with the same counts', async () => {
    t = await openTestDesk({ actor: 'tester' });
    const me = await world(t);
    const db = t.desk.internals.db;
    await undoMigrationsAfter(db, '2026-11-27-19-cases-open');
    expect(await plan(t, countReferredToQuery(db, me))).not.toMatch(/COVERING/);
    // Counted by the functions the Desk calls (today's Desk also draws its letter charts from
    // counts a later migration keeps, which this older structure lacks).
    const tasks = await countOpenTasks(db, '2025-05-05', me);
    const before = {
      referred: await countReferredTo(db, me),
      open: tasks.open,
      overdue: tasks.overdue,
      mine: tasks.mine,
    };

    await t.reopen();
    await expectIndexOnly(t, me);
    expect(await counts(t)).toEqual(before);
    expect(before).toEqual({ referred: 2, open: 2, overdue: 1, mine: 1 });
  });
});
