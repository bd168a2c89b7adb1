/**
 * The Desk counts the open cases over the partial index of cases without a closing day
 * (migration 2026-11-27-19-cases-open), not by reading every case: the count follows cases
 * as they are closed and reopened, and a desk made before the index gains it on opening
 * with the same count.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { officeCountsQuery } from '../../electron/main/core/overview/overview.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { undoMigrationsAfter } from './undo-migrations';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

async function openCount(desk: TestDesk): Promise<number> {
  return (await desk.ok('desk.overview', {})).counts.openCases;
}

async function casesIndexes(desk: TestDesk): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL ORDER BY name`.execute(
    desk.desk.internals.db,
  );
  return rows.map((r) => r.name);
}

describe('the open cases count', () => {
  it('reads the open cases index alone and follows closings and reopenings', async () => {
    t = await openTestDesk();
    const db = t.desk.internals.db;
    const compiled = officeCountsQuery(db, '2025-03-21', '2026-03-20').compile();
    const { rows } = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    const plan = rows.map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH cases USING COVERING INDEX cases_open/);
    expect(plan).not.toMatch(/SCAN cases\b/);

    const cases = [];
    for (const title of ['هیئت اعزامی به کازان', 'هفته فرهنگی فرایبورگ', 'نمایشگاه صنایع دستی'])
      cases.push(await t.ok('cases.create', { title, kind: 'outgoing_delegation' }));
    expect(await openCount(t)).toBe(3);
    await t.ok('cases.update', { id: cases[0]!.id, status: 'done' });
    await t.ok('cases.update', { id: cases[1]!.id, status: 'cancelled' });
    await t.ok('cases.update', { id: cases[2]!.id, status: 'waiting' });
    expect(await openCount(t)).toBe(1);
    await t.ok('cases.update', { id: cases[0]!.id, status: 'open' });
    expect(await openCount(t)).toBe(2);
  });

  it('a desk made before the index gains it on opening, with the same count', async () => {
    t = await openTestDesk();
    const first = await t.ok('cases.create', { title: 'پرونده سفر هیئت', kind: 'outgoing_delegation' });
    await t.ok('cases.create', { title: 'پرونده اجلاس', kind: 'incoming_delegation' });
    await t.ok('cases.update', { id: first.id, status: 'done' });
    const db = t.desk.internals.db;
    await undoMigrationsAfter(db, '2026-11-27-18-letter-counts');
    expect(await casesIndexes(t)).not.toContain('cases_open');
    // Counted directly: today's Desk counts its letters from counts a later migration keeps,
    // which this older structure lacks.
    const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM cases WHERE closed_on IS NULL`.execute(
      db,
    );
    expect(Number(counted.rows[0]!.n)).toBe(1);

    await t.reopen();
    expect(await casesIndexes(t)).toContain('cases_open');
    expect(await openCount(t)).toBe(1);
  });
});
