/**
 * A new letter's search entry is written from what was registered, without reading the
 * letter back: it must be exactly what the letters' search source reads for it, for every
 * kind of party (a partner, a contact and the partner it works at, typed text), copy
 * recipients, a sender's number and a letter without a body; and the letter is found.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterSearchSource } from '../../electron/main/core/letters/letter.search';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addContact, addPartner, letterInput } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

describe('the search entry of a new letter', () => {
  it('is what the search source reads for the letter, for every kind of party and copy', async () => {
    const kazan = await addPartner(t, 'کازان', 'Kazan');
    const freiburg = await addPartner(t, 'فرایبورگ', null);
    const person = await addContact(t, freiburg, 'هانس مولر');
    const loose = await addContact(t, null, 'مریم احمدی');
    const created = [
      await t.ok(
        'letters.create',
        letterInput({ from: { partnerId: kazan }, body: 'متن نامه\nبا دو سطر', senderNumber: '۱۲۳/ک' }),
      ),
      await t.ok(
        'letters.create',
        letterInput({
          direction: 'outgoing',
          from: { text: 'دفتر امور بین‌الملل' },
          to: { contactId: person },
          partnerIds: [kazan],
          copies: [
            { partnerId: kazan, purpose: 'information' },
            { contactId: loose, purpose: 'action' },
            { text: 'معاونت فرهنگی', purpose: 'information' },
          ],
        }),
      ),
      await t.ok('letters.create', letterInput({ from: { contactId: loose, text: 'به نمایندگی از سفارت' } })),
    ];
    const db = t.desk.internals.db;
    const ids = created.map((l) => l.id);
    const rows = await db.selectFrom('search_docs').selectAll().where('entity_id', 'in', ids).execute();
    const expected = await letterSearchSource.load(db, ids);
    expect(expected).toHaveLength(3);
    expect(
      rows
        .map((r) => ({ type: r.type, id: r.entity_id, title: r.title, body: r.body, date: r.date }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([...expected].sort((a, b) => a.id.localeCompare(b.id)));
    // The parties' names are in the entry: the contact's partner with the contact.
    expect(expected.find((d) => d.id === ids[1])!.body).toContain('فرایبورگ');
    expect(expected.find((d) => d.id === ids[1])!.body).toContain('مریم احمدی');

    const find = async (text: string) => (await t.ok('search.query', { text })).items.map((i) => i.id).sort();
    expect(await find('Kazan')).toEqual([ids[0]!, ids[1]!].sort());
    expect(await find('هانس')).toEqual([ids[1]!]);
    expect(await find('معاونت فرهنگی')).toEqual([ids[1]!]);
    expect(await find(created[2]!.number)).toContain(ids[2]!);
  });
});
