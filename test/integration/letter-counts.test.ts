/**
 * The register's totals for direction, state, classification and urgency come from counts
 * kept by triggers on the letters table (migration 2026-11-27-18-letter-counts), so every
 * code that writes a letter keeps them: after registrations, changes, replies, closings,
 * reopenings and a removal, every combination of those filters totals exactly what counting
 * the letters gives; a desk made before the migration gets its letters counted.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { letterCountQuery, type LetterFilter } from '../../electron/main/core/letters/letters.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { letterInput } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const VALUES = {
  direction: [undefined, 'incoming', 'outgoing', 'internal'],
  state: [undefined, 'none', 'awaiting_reply', 'replied', 'closed'],
  classification: [undefined, 'عادی', 'محرمانه', 'سری'],
  urgency: [undefined, 'عادی', 'فوری', 'آنی'],
} as const;

/** Every combination of the four filters, none set included. */
function combinations(): LetterFilter[] {
  const out: LetterFilter[] = [];
  for (const direction of VALUES.direction)
    for (const state of VALUES.state)
      for (const classification of VALUES.classification)
        for (const urgency of VALUES.urgency) out.push({ direction, state, classification, urgency });
  return out;
}

/** What counting the letters one by one gives for the filter. */
async function counted(desk: TestDesk, f: LetterFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM letters NOT INDEXED
    WHERE (${f.direction ?? null} IS NULL OR direction = ${f.direction ?? null})
      AND (${f.state ?? null} IS NULL OR state = ${f.state ?? null})
      AND (${f.classification ?? null} IS NULL OR classification = ${f.classification ?? null})
      AND (${f.urgency ?? null} IS NULL OR urgency = ${f.urgency ?? null})`.execute(desk.desk.internals.db);
  return rows[0]!.n;
}

async function expectExactTotals(desk: TestDesk): Promise<void> {
  for (const filter of combinations()) {
    const label = JSON.stringify(filter);
    const want = await counted(desk, filter);
    const query = letterCountQuery(desk.desk.internals.db, filter);
    expect(Number((await query.executeTakeFirstOrThrow()).n), label).toBe(want);
    const listed = await desk.ok('letters.list', {
      ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
      sort: { by: 'letterDate', direction: 'desc' },
      limit: 1,
    });
    expect(listed.total, label).toBe(want);
  }
}

describe('the register totals kept by triggers', () => {
  it('stay exact through registrations, changes, replies, closings, reopenings and removals', async () => {
    t = await openTestDesk();
    const desk = t;
    const urgencies = ['عادی', 'فوری', 'آنی'];
    const classifications = ['عادی', 'محرمانه', 'سری'];
    const directions = ['incoming', 'outgoing', 'internal'] as const;
    const created = [];
    for (let i = 0; i < 18; i++) {
      created.push(
        await desk.ok(
          'letters.create',
          letterInput({
            direction: directions[i % 3]!,
            classification: classifications[i % 3 === 0 ? 0 : (i % 2) + 1]!,
            urgency: urgencies[(i * 7) % 3]!,
            needsReply: i % 4 !== 0,
            letterDate: `2025-05-${String(1 + i).padStart(2, '0')}`,
          }),
        ),
      );
    }
    await expectExactTotals(desk);
    // A reply makes the incoming letter it answers replied; changes, closings and reopenings.
    await desk.ok(
      'letters.create',
      letterInput({
        direction: 'outgoing',
        letterDate: '2025-06-01',
        references: [{ letterId: created[0]!.id, kind: 'follows' }],
      }),
    );
    await desk.ok('letters.update', { id: created[1]!.id, urgency: 'آنی', classification: 'سری' });
    await desk.ok('letters.update', { id: created[2]!.id, needsReply: false });
    await desk.ok('letters.close', { id: created[3]!.id, note: 'بایگانی شد' });
    await desk.ok('letters.close', { id: created[4]!.id, note: 'بایگانی شد' });
    await desk.ok('letters.reopen', { id: created[4]!.id });
    const closedStates = await sql<{
      state: string;
    }>`SELECT state FROM letters WHERE id IN (${created[0]!.id}, ${created[3]!.id})
      ORDER BY id`.execute(desk.desk.internals.db);
    expect(closedStates.rows.map((r) => r.state).sort()).toEqual(['closed', 'replied']);
    await expectExactTotals(desk);
    // A letter removed by any code (the triggers follow the table, not the service).
    await sql`DELETE FROM letters WHERE id = ${created[5]!.id}`.execute(desk.desk.internals.db);
    await expectExactTotals(desk);
  });

  it('count the letters of a desk made before them', async () => {
    t = await openTestDesk();
    for (const [direction, urgency] of [
      ['incoming', 'فوری'],
      ['incoming', 'فوری'],
      ['outgoing', 'عادی'],
      ['internal', 'آنی'],
    ] as const) {
      await t.ok('letters.create', letterInput({ direction, urgency }));
    }
    // The desk as it was before the migration.
    const db = t.desk.internals.db;
    for (const trigger of ['letter_counts_insert', 'letter_counts_update', 'letter_counts_delete'])
      await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
    await sql`DROP TABLE letter_counts`.execute(db);
    await t.ok('letters.create', letterInput({ direction: 'outgoing', urgency: 'فوری' }));
    // Later migrations undone too, so the desk is as it was before this one (after them, as
    // today's code writes it, until it is opened again).
    await undoMigrationsAfter(db, '2026-11-27-18-letter-counts');
    await sql`DELETE FROM kysely_migration WHERE name = '2026-11-27-18-letter-counts'`.execute(db);

    await t.reopen();
    const rows = await sql<{
      direction: string;
      urgency: string;
      n: number;
    }>`SELECT direction, urgency, sum(n) AS n
      FROM letter_counts GROUP BY direction, urgency ORDER BY direction, urgency`.execute(
      t.desk.internals.db,
    );
    expect(rows.rows).toEqual([
      { direction: 'incoming', urgency: 'فوری', n: 2 },
      { direction: 'internal', urgency: 'آنی', n: 1 },
      { direction: 'outgoing', urgency: 'عادی', n: 1 },
      { direction: 'outgoing', urgency: 'فوری', n: 1 },
    ]);
    await expectExactTotals(t);
  });
});
