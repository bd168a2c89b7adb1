/**
 * The partners, relationships and cases migrations on a real file: applied to a desk that
 * has only the foundation, seeded with rows as an earlier version would have written them,
 * then opened by the current desk (which applies the rest) and reopened.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/main/core/db/database';
import { migrations } from '../../electron/main/core/db/migrations';
import { Sqlite3Driver, openRaw } from '../../electron/main/core/db/sqlite3-driver';
import type { Database } from '../../electron/main/core/db/tables';
import { textFilterKey } from '../../electron/main/core/db/text-filter';
import { sortKey } from '../../shared/text/sort-key';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';

const MINE = ['2026-11-27-02-partners', '2026-11-27-03-relationships', '2026-11-27-04-cases'];
const UP_TO_CASES = Object.keys(migrations)
  .sort()
  .filter((name) => name <= '2026-11-27-04-cases');

const ids = {
  user: '01936f7a-0000-7000-8000-000000000001',
  isfahan: '01936f7a-0000-7000-8000-000000000010',
  julfa: '01936f7a-0000-7000-8000-000000000011',
  freiburg: '01936f7a-0000-7000-8000-000000000012',
  contact: '01936f7a-0000-7000-8000-000000000020',
  relationship: '01936f7a-0000-7000-8000-000000000030',
  case: '01936f7a-0000-7000-8000-000000000040',
};
const AT = '2025-01-15T08:00:00.000Z';

async function openUpTo(dir: string): Promise<Kysely<Database>> {
  const raw = await openRaw(join(dir, 'desk.sqlite'), { create: true });
  const driver = new Sqlite3Driver(raw);
  await driver.connection.exec(
    `PRAGMA application_id = ${APPLICATION_ID}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;`,
  );
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(UP_TO_CASES.map((n) => [n, migrations[n]!])) },
  });
  const { error, results } = await migrator.migrateToLatest();
  expect(error).toBeUndefined();
  expect(results?.map((r) => r.migrationName)).toEqual(UP_TO_CASES);
  return db;
}

function partnerRow(id: string, nameFa: string, nameEn: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'city',
    name_fa: nameFa,
    name_en: nameEn,
    country: 'IR',
    own: 0,
    parent_id: null,
    notes: null,
    latitude: null,
    longitude: null,
    search_key: textFilterKey([nameFa, nameEn]),
    sort_key: sortKey(nameFa),
    created_at: AT,
    updated_at: AT,
    ...extra,
  };
}

async function seed(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: ids.user,
      username: 'maryam',
      name_fa: 'مریم',
      role: 'staff',
      locale: 'fa',
      calendar: 'jalali',
      active: 1,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('partners')
    .values([
      partnerRow(ids.isfahan, 'اصفهان', 'Isfahan', { own: 1, latitude: 32.65, longitude: 51.67 }),
      partnerRow(ids.julfa, 'جلفا', 'New Julfa', { kind: 'district', own: 1, parent_id: ids.isfahan }),
      partnerRow(ids.freiburg, 'فرايبورگ', 'Freiburg', { country: 'DE', notes: 'خواهرخوانده ۲۰۰۰' }),
    ])
    .execute();
  await db
    .insertInto('contacts')
    .values({
      id: ids.contact,
      partner_id: ids.freiburg,
      name_fa: 'مارتین هورن',
      name_en: 'Martin Horn',
      emails: '["oberbuergermeister@freiburg.example"]',
      languages: '["de","en"]',
      search_key: textFilterKey(['مارتین هورن', 'Martin Horn']),
      sort_key: sortKey('مارتین هورن'),
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('relationships')
    .values({
      id: ids.relationship,
      own_unit_id: ids.isfahan,
      partner_id: ids.freiburg,
      type: 'sister_city',
      status: 'active',
      stage: 'signed',
      established_on: '2000-05-10',
      level: 'medium',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('relationship_areas')
    .values([
      { relationship_id: ids.relationship, area: 'environment' },
      { relationship_id: ids.relationship, area: 'cultural' },
    ])
    .execute();
  await db
    .insertInto('cases')
    .values({
      id: ids.case,
      title: 'هفته محیط زیست فرایبورگ',
      kind: 'outgoing_delegation',
      status: 'open',
      priority: 'normal',
      owner_id: ids.user,
      due_on: '2025-03-01',
      relationship_id: ids.relationship,
      area: 'environment',
      opened_on: '2025-01-15',
      search_key: textFilterKey(['هفته محیط زیست فرایبورگ', 'انرژی']),
      sort_key: sortKey('هفته محیط زیست فرایبورگ'),
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db.insertInto('case_partners').values({ case_id: ids.case, partner_id: ids.freiburg }).execute();
  await db.insertInto('case_tags').values({ case_id: ids.case, tag: 'انرژی' }).execute();
}

let t: TestDesk | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (t) await t.cleanup();
  else if (dir) rmSync(dir, { recursive: true, force: true });
  t = undefined;
  dir = undefined;
});

describe('the partners, relationships and cases migrations', () => {
  it('create the tables with restricting foreign keys and the list indexes', async () => {
    dir = tempDir('desk-migrate-');
    const db = await openUpTo(dir);
    try {
      const indexes = await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`.execute(db);
      const names = indexes.rows.map((r) => r.name);
      for (const index of [
        'partners_kind_country',
        'partners_country',
        'partners_parent',
        'partners_own',
        'partners_archived',
        'contacts_partner',
        'contacts_archived',
        'relationships_partner',
        'relationships_own_unit',
        'relationships_status',
        'relationship_areas_area',
        'cases_status_due',
        'cases_owner',
        'cases_due',
        'cases_relationship',
        'case_partners_partner',
        'case_tags_tag',
      ]) {
        expect(names).toContain(index);
      }
      for (const table of [
        'partners',
        'contacts',
        'relationships',
        'relationship_areas',
        'cases',
        'case_partners',
        'case_tags',
      ]) {
        const keys = await sql<{
          table: string;
          on_delete: string;
        }>`SELECT * FROM pragma_foreign_key_list(${table})`.execute(db);
        expect(keys.rows.length, table).toBeGreaterThan(0);
        for (const key of keys.rows) expect(key.on_delete, `${table} → ${key.table}`).toBe('RESTRICT');
      }

      await seed(db);
      // A partner that others refer to cannot be deleted, and a link to nothing is refused.
      await expect(db.deleteFrom('partners').where('id', '=', ids.freiburg).execute()).rejects.toThrow(
        /FOREIGN KEY/,
      );
      await expect(db.deleteFrom('users').where('id', '=', ids.user).execute()).rejects.toThrow(
        /FOREIGN KEY/,
      );
      await expect(
        db
          .insertInto('case_partners')
          .values({ case_id: ids.case, partner_id: '01936f7a-0000-7000-8000-00000000ffff' })
          .execute(),
      ).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await db.destroy();
    }
  });

  it('keep seeded rows readable through the desk after the later migrations and a reopen', async () => {
    dir = tempDir('desk-migrate-');
    const db = await openUpTo(dir);
    await seed(db);
    await db.destroy();

    t = await openTestDesk({ dir });
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
      t.desk.internals.db,
    );
    expect(applied.rows.map((r) => r.name)).toEqual(expect.arrayContaining(MINE));
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());

    const check = async (desk: TestDesk) => {
      const freiburg = await desk.ok('partners.get', { id: ids.freiburg });
      expect(freiburg).toMatchObject({ nameFa: 'فرايبورگ', country: 'DE', own: false, archived: false });
      const julfa = await desk.ok('partners.get', { id: ids.julfa });
      expect(julfa.parent).toMatchObject({ id: ids.isfahan, nameEn: 'Isfahan', own: true });
      expect((await desk.ok('partners.list', { text: 'فرایبورگ' })).items.map((p) => p.id)).toEqual([
        ids.freiburg,
      ]);

      const contact = await desk.ok('contacts.get', { id: ids.contact });
      expect(contact).toMatchObject({
        partner: { id: ids.freiburg },
        emails: ['oberbuergermeister@freiburg.example'],
        phones: [],
        languages: ['de', 'en'],
      });

      const relationship = await desk.ok('relationships.get', { id: ids.relationship });
      expect(relationship).toMatchObject({
        ownUnit: { id: ids.isfahan },
        partner: { id: ids.freiburg },
        areas: ['cultural', 'environment'],
        lastActivity: '2025-01-15',
        dormant: false,
        breadth: 1,
      });
      const timeline = await desk.ok('relationships.timeline', { id: ids.relationship });
      expect(timeline.items.map((i) => [i.id, i.kind])).toEqual([[ids.case, 'case_opened']]);

      const record = await desk.ok('cases.get', { id: ids.case });
      expect(record).toMatchObject({
        owner: { id: ids.user, nameFa: 'مریم' },
        relationship: { id: ids.relationship },
        partners: [{ id: ids.freiburg }],
        tags: ['انرژی'],
        overdue: true,
      });
    };
    await check(t);
    await t.reopen();
    await check(t);

    // The search index learns the seeded records through their search sources.
    await t.ok('search.reindex', {});
    const hits = await t.ok('search.query', { text: 'فرایبورگ' });
    expect(new Set(hits.items.map((h) => h.id))).toEqual(
      new Set([ids.freiburg, ids.contact, ids.relationship, ids.case]),
    );
  });
});
