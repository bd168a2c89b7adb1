/**
 * The letters table keeps only the indexes some query reads (migration
 * 2026-11-27-17-letters-unused-indexes): a registration writes an entry into each. A desk
 * made before it loses the sender's and addressee's partner and contact indexes and keeps its
 * letters, which are still found by partner and counted exactly.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addContact, addPartner, letterInput } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

/** Every index of the letters table and what it serves. */
const LETTERS_INDEXES = [
  'letters_case', // a case's letters; the case filter
  'letters_case_unfiled', // a relationship's last activity through its cases
  'letters_classification', // the classification filter
  'letters_direction_date', // the direction filter, in date order
  'letters_direction_state', // direction and state together; counting a direction
  'letters_letter_date', // the date order and date ranges
  'letters_number', // unique register numbers; the number order
  'letters_referred_to', // referrals to a user (the Desk); the referral filter
  'letters_registered_at', // the registration order
  'letters_relationship', // a relationship's letters; the relationship filter
  'letters_search_key', // text filters of one or two characters
  'letters_state_date', // the state filter, in date order
  'letters_state_follow_up', // overdue letters awaiting a reply (the Desk)
  'letters_subject', // the subject order
  'letters_urgency', // the urgency filter
  'sqlite_autoindex_letters_1', // the primary key
];

const DROPPED = ['letters_from_contact', 'letters_from_partner', 'letters_to_contact', 'letters_to_partner'];

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

async function lettersIndexes(desk: TestDesk): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'index' AND tbl_name = 'letters' ORDER BY name`.execute(desk.desk.internals.db);
  return rows.map((r) => r.name);
}

describe('the letters indexes', () => {
  it('are exactly those some query reads', async () => {
    t = await openTestDesk();
    expect(await lettersIndexes(t)).toEqual(LETTERS_INDEXES);
  });

  it('an existing desk loses the four no query reads and keeps its letters, found by partner', async () => {
    t = await openTestDesk();
    const kazan = await addPartner(t, 'کازان', 'Kazan');
    const freiburg = await addPartner(t, 'فرایبورگ');
    const person = await addContact(t, freiburg, 'هانس مولر');
    const letters = [
      await t.ok('letters.create', letterInput({ from: { partnerId: kazan } })),
      await t.ok('letters.create', letterInput({ direction: 'outgoing', to: { contactId: person } })),
      await t.ok('letters.create', letterInput({ from: { contactId: person }, to: { partnerId: kazan } })),
      await t.ok('letters.create', letterInput({ from: { text: 'سفارت' } })),
    ];
    // The desk as it was before the migration: the four indexes back, the migration not run.
    const db = t.desk.internals.db;
    for (const [name, column] of [
      ['letters_from_partner', 'from_partner_id'],
      ['letters_to_partner', 'to_partner_id'],
      ['letters_from_contact', 'from_contact_id'],
      ['letters_to_contact', 'to_contact_id'],
    ] as const) {
      await db.schema.createIndex(name).on('letters').column(column).execute();
    }
    // Later migrations undone too, so the desk is as it was before this one.
    for (const trigger of ['letter_counts_insert', 'letter_counts_update', 'letter_counts_delete'])
      await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
    await sql`DROP TABLE letter_counts`.execute(db);
    await undoMigrationsAfter(db, '2026-11-27-18-letter-counts');
    await sql`DELETE FROM kysely_migration WHERE name >= '2026-11-27-17-letters-unused-indexes'`.execute(db);
    expect(await lettersIndexes(t)).toEqual([...LETTERS_INDEXES, ...DROPPED].sort());

    await t.reopen();
    expect(await lettersIndexes(t)).toEqual(LETTERS_INDEXES);
    const check = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(t.desk.internals.db);
    expect(check.rows).toEqual([{ quick_check: 'ok' }]);
    const all = await t.ok('letters.list', { sort: { by: 'letterDate', direction: 'desc' }, limit: 50 });
    expect(all.total).toBe(4);
    const ofKazan = await t.ok('letters.list', {
      partnerId: kazan,
      sort: { by: 'letterDate', direction: 'desc' },
      limit: 50,
    });
    expect(ofKazan.items.map((l) => l.id).sort()).toEqual([letters[0]!.id, letters[2]!.id].sort());
    expect(ofKazan.total).toBe(2);
    const ofFreiburg = await t.ok('letters.list', {
      partnerId: freiburg,
      sort: { by: 'letterDate', direction: 'desc' },
      limit: 50,
    });
    expect(ofFreiburg.items.map((l) => l.id).sort()).toEqual([letters[1]!.id, letters[2]!.id].sort());
    // A letter registered afterwards is listed and counted too.
    const later = await t.ok('letters.create', letterInput({ to: { partnerId: freiburg } }));
    const again = await t.ok('letters.list', {
      partnerId: freiburg,
      sort: { by: 'letterDate', direction: 'desc' },
      limit: 50,
    });
    expect(again.total).toBe(3);
    expect(again.items.map((l) => l.id)).toContain(later.id);
  });
});
