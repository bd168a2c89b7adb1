/**
 * The agreements migration on a real file: seeded rows, and the rules the file keeps by
 * itself whatever the code above it does.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { seedWorld, type World } from './agreements.fixtures';

let t: TestDesk;
let w: World;
beforeEach(async () => {
  t = await openTestDesk();
  w = await seedWorld(t);
});
afterEach(async () => {
  await t.cleanup();
});

const NOW = '2025-05-05T09:00:00.000Z';

async function seedAgreement(id: string, status = 'draft') {
  const db = t.desk.internals.db;
  await db
    .insertInto('agreements')
    .values({
      id,
      kind: 'mou',
      title: 'seeded',
      status,
      languages: '["fa"]',
      term_calendar: 'jalali',
      latest_version: 0,
      search_key: '',
      sort_key: '',
      created_at: NOW,
      updated_at: NOW,
      preamble: '{"fa":""}',
    })
    .execute();
}

describe('the agreements migration', () => {
  it('creates its tables, indexes and triggers', async () => {
    const rows = await sql<{ type: string; name: string }>`SELECT type, name FROM sqlite_master
      WHERE name LIKE 'agreement%' OR name LIKE 'clause_library%' ORDER BY type, name`.execute(
      t.desk.internals.db,
    );
    const names = rows.rows.map((r) => `${r.type} ${r.name}`);
    for (const expected of [
      'table agreements',
      'table agreement_parties',
      'table agreement_clauses',
      'table agreement_versions',
      'table agreement_transitions',
      'table clause_library',
      'table clause_library_tags',
      'index agreements_status_expiry',
      'index agreement_clauses_order',
      'index agreement_parties_partner',
      'trigger agreement_versions_no_update',
      'trigger agreement_versions_no_delete',
      'trigger agreement_transitions_no_update',
      'trigger agreement_transitions_no_delete',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('keeps seeded rows to the rules: known kinds and statuses, dense unique positions, real parties', async () => {
    const db = t.desk.internals.db;
    await seedAgreement('a1');
    await expect(seedAgreement('a2', 'approved_by_mistake')).rejects.toThrow(/CHECK/);
    await expect(
      db.updateTable('agreements').set({ term_years: 51 }).where('id', '=', 'a1').execute(),
    ).rejects.toThrow(/CHECK/);
    const clause = (key: string, position: number) =>
      db
        .insertInto('agreement_clauses')
        .values({
          clause_key: key,
          agreement_id: 'a1',
          position,
          created_at: NOW,
          updated_at: NOW,
          texts: '{}',
        })
        .execute();
    await clause('k1', 1);
    await expect(clause('k2', 1)).rejects.toThrow(/UNIQUE/);
    await expect(clause('k3', 0)).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto('agreement_parties')
        .values({ agreement_id: 'a1', partner_id: 'no-such-partner', position: 0, is_own: 1 })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db
      .insertInto('agreement_parties')
      .values({ agreement_id: 'a1', partner_id: w.yerevan, position: 1, is_own: 0 })
      .execute();
    // A partner that is party to an agreement (and to nothing else) cannot disappear from under it.
    await expect(db.deleteFrom('partners').where('id', '=', w.yerevan).execute()).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });

  it('clears the library link of inserted clauses and drops the tags when a library clause goes', async () => {
    const db = t.desk.internals.db;
    await seedAgreement('a1');
    await db
      .insertInto('clause_library')
      .values({
        id: 'l1',
        title: 't',
        texts: '{"fa":"x"}',
        languages: ',fa,',
        search_key: '',
        sort_key: '',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await db.insertInto('clause_library_tags').values({ clause_id: 'l1', tag: 'حقوقی' }).execute();
    await db
      .insertInto('agreement_clauses')
      .values({
        clause_key: 'k1',
        agreement_id: 'a1',
        position: 1,
        library_clause_id: 'l1',
        created_at: NOW,
        updated_at: NOW,
        texts: '{"fa":"x"}',
      })
      .execute();
    await db.deleteFrom('clause_library').where('id', '=', 'l1').execute();
    const row = await db
      .selectFrom('agreement_clauses')
      .select('library_clause_id')
      .executeTakeFirstOrThrow();
    expect(row.library_clause_id).toBeNull();
    expect(await db.selectFrom('clause_library_tags').selectAll().execute()).toEqual([]);
  });
});
