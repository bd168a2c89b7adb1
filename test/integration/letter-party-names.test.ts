/**
 * The names a page of letters shows are read in one statement for its partners and its
 * contacts together: every id given that exists is answered once, with its partner for a
 * contact; ids that do not exist are left out; each side is looked up by its primary key,
 * never by reading the whole table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partyNames, partyNamesQuery } from '../../electron/main/core/letters/letter-links.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { addContact, addPartner } from './letters.fixtures';

let t: TestDesk;
let kazan: string;
let florence: string;
let envoy: string;
let mayor: string;
const MISSING = '01900000-0000-7000-8000-00000000dead';

beforeAll(async () => {
  t = await openTestDesk();
  kazan = await addPartner(t, 'کازان', 'Kazan');
  florence = await addPartner(t, 'فلورانس');
  envoy = await addContact(t, kazan, 'رستم مینیخانوف');
  mayor = await addContact(t, null, 'شهردار بی‌سازمان');
});

afterAll(async () => {
  await t.cleanup();
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('the names of a page of letters', () => {
  it('answers every partner and contact that exists, each once, in one statement', async () => {
    const db = t.desk.internals.db;
    const names = await partyNames(db, [kazan, florence, kazan, MISSING], [envoy, mayor, MISSING, envoy]);
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
    expect(await partyNames(db, [florence], [])).toEqual({
      partners: [{ id: florence, name_fa: 'فلورانس', name_en: null }],
      contacts: [],
    });
    expect((await partyNames(db, [], [mayor])).contacts.map((c) => c.id)).toEqual([mayor]);
    expect(await partyNames(db, [], [])).toEqual({ partners: [], contacts: [] });
    expect(await partyNames(db, [MISSING], [MISSING])).toEqual({ partners: [], contacts: [] });
  });

  it('looks each side up by its primary key', async () => {
    const plan = await queryPlan(t.desk.internals.db, partyNamesQuery([kazan, florence], [envoy]));
    expect(plan).toMatch(/SEARCH partners USING INDEX sqlite_autoindex_partners_1 \(id=\?\)/);
    expect(plan).toMatch(/SEARCH contacts USING INDEX sqlite_autoindex_contacts_1 \(id=\?\)/);
    expect(plan).not.toMatch(/SCAN (partners|contacts)\b/);
  });
});
