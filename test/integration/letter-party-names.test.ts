/**
 * The names a page of letters shows are read in one statement for its partners, its contacts
 * and its current referrals together: every id given that exists is answered once, with its
 * partner for a contact and its user's name for a referral; ids that do not exist are left
 * out; each side is looked up by its primary key, never by reading the whole table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageNames, pageNamesQuery } from '../../electron/main/core/letters/letter-links.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { addContact, addPartner, addUser, letterInput } from './letters.fixtures';

let t: TestDesk;
let kazan: string;
let florence: string;
let envoy: string;
let mayor: string;
let clerk: string;
let referral: string;
let letter: string;
const MISSING = '01900000-0000-7000-8000-00000000dead';

beforeAll(async () => {
  t = await openTestDesk();
  kazan = await addPartner(t, 'کازان', 'Kazan');
  florence = await addPartner(t, 'فلورانس');
  envoy = await addContact(t, kazan, 'رستم مینیخانوف');
  mayor = await addContact(t, null, 'شهردار بی‌سازمان');
  clerk = await addUser(t, 'clerk', 'مریم کارشناس', 'Maryam');
  letter = (await t.ok('letters.create', letterInput())).id;
  referral = (await t.ok('letters.refer', { id: letter, toUserId: clerk, instruction: 'پیگیری شود' }))
    .currentReferral!.id;
});

afterAll(async () => {
  await t.cleanup();
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('the names of a page of letters', () => {
  it('answers every partner and contact that exists, each once, in one statement', async () => {
    const db = t.desk.internals.db;
    const names = await pageNames(db, [kazan, florence, kazan, MISSING], [envoy, mayor, MISSING, envoy], []);
    expect(names.referrals).toEqual([]);
    expect(byId(names.partners)).toEqual(
      byId([
        { id: kazan, name_fa: 'کازان', name_en: 'Kazan' },
        { id: florence, name_fa: 'فلورانس', name_en: null },
      ]),
    );
    expect(byId(names.contacts)).toEqual(
      byId([
        { id: envoy, name_fa: 'رستم مینیخانوف', name_en: null, partner_id: kazan },
        { id: mayor, name_fa: 'شهردار بی‌سازمان', name_en: null, partner_id: null },
      ]),
    );
  });

  it('answers one side alone, and nothing for no ids', async () => {
    const db = t.desk.internals.db;
    const none = { partners: [], contacts: [], referrals: [] };
    expect(await pageNames(db, [florence], [], [])).toEqual({
      ...none,
      partners: [{ id: florence, name_fa: 'فلورانس', name_en: null }],
    });
    expect((await pageNames(db, [], [mayor], [])).contacts.map((c) => c.id)).toEqual([mayor]);
    expect(await pageNames(db, [], [], [])).toEqual(none);
    expect(await pageNames(db, [MISSING], [MISSING], [])).toEqual(none);
  });

  it('answers the referrals given with the name of the user each went to, with the names', async () => {
    const db = t.desk.internals.db;
    const found = await pageNames(db, [kazan], [], [referral, MISSING, referral]);
    expect(found.partners).toEqual([{ id: kazan, name_fa: 'کازان', name_en: 'Kazan' }]);
    expect(found.contacts).toEqual([]);
    expect(found.referrals).toEqual([
      {
        id: referral,
        letter_id: letter,
        to_user_id: clerk,
        to_user_name: 'مریم کارشناس',
        to_user_name_en: 'Maryam',
        instruction: 'پیگیری شود',
        due_date: null,
        referred_by: expect.any(String),
        referred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect((await pageNames(db, [], [], [referral])).referrals.map((r) => r.id)).toEqual([referral]);
    expect(await pageNames(db, [], [], [MISSING])).toEqual({ partners: [], contacts: [], referrals: [] });
    // The list shows the same referral as the letter itself.
    const listed = await t.ok('letters.list', { limit: 50 });
    const shown = await t.ok('letters.get', { id: letter });
    expect(listed.items.find((l) => l.id === letter)!.currentReferral).toEqual(shown.currentReferral);
    expect(shown.currentReferral).toMatchObject({
      id: referral,
      toUserName: 'مریم کارشناس',
      toUserNameEn: 'Maryam',
    });
  });

  it('looks each side up by its primary key', async () => {
    const plan = await queryPlan(t.desk.internals.db, pageNamesQuery([kazan, florence], [envoy], [referral]));
    expect(plan).toMatch(/SEARCH partners USING INDEX sqlite_autoindex_partners_1 \(id=\?\)/);
    expect(plan).toMatch(/SEARCH contacts USING INDEX sqlite_autoindex_contacts_1 \(id=\?\)/);
    expect(plan).toMatch(/SEARCH f USING INDEX sqlite_autoindex_letter_referrals_1 \(id=\?\)/);
    expect(plan).toMatch(/SEARCH u USING INDEX sqlite_autoindex_users_1 \(id=\?\)/);
    expect(plan).not.toMatch(/SCAN (partners|contacts|f|u)\b/);
  });
});
