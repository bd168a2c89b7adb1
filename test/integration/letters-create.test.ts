/**
 * A new letter is answered (and audited) from what was written, without reading it back: the
 * answer must be exactly what letters.get reads afterwards, for every kind of link a letter has.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addContact, addPartner, letterInput } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

describe('registering a letter', () => {
  it('answers and audits exactly the letter that get reads, with references, copies and contacts', async () => {
    const kazan = await addPartner(t, 'شهرداری کازان', 'Kazan City Hall');
    const mayor = await addContact(t, kazan, 'ایلسور متشین');
    const aide = await addContact(t, null, 'دستیار بی‌سازمان');
    const yerevan = await addPartner(t, 'شهرداری ایروان', null);
    const network = await addPartner(t, 'شبکه شهرهای خلاق یونسکو', 'UNESCO Creative Cities Network');
    const first = await t.ok(
      'letters.create',
      letterInput({ from: { partnerId: kazan }, subject: 'نامه اول' }),
    );
    const second = await t.ok(
      'letters.create',
      letterInput({ direction: 'internal', letterDate: '2025-05-05', subject: 'یادداشت' }),
    );
    const answer = await t.ok('letters.create', {
      direction: 'outgoing',
      letterDate: '2025-05-06',
      from: { text: 'اداره کل' },
      to: { contactId: mayor },
      subject: 'پاسخ به دعوت',
      body: 'متن پاسخ',
      references: [
        { letterId: second.id, kind: 'refers' },
        { letterId: first.id, kind: 'follows' },
      ],
      copies: [
        { contactId: aide, purpose: 'filing' },
        { partnerId: yerevan, purpose: 'information' },
        { partnerId: kazan, contactId: mayor, purpose: 'action' },
      ],
      // Given in an order other than the stored one, and once also as a side.
      partnerIds: [network, kazan],
    });
    expect(answer.references.map((r) => [r.letterId, r.kind, r.number])).toEqual([
      [second.id, 'refers', second.number],
      [first.id, 'follows', first.number],
    ]);
    expect(answer.to.partner?.id).toBe(kazan);
    expect(answer.copies.map((c) => [c.partner?.nameFa ?? null, c.contact?.nameFa ?? null])).toEqual([
      [null, 'دستیار بی‌سازمان'],
      ['شهرداری ایروان', null],
      ['شهرداری کازان', 'ایلسور متشین'],
    ]);
    const stored = await t.ok('letters.get', { id: answer.id });
    expect(answer).toEqual(stored);
    const audit = (await t.ok('audit.list', { entity: 'letter', entityId: answer.id })).items;
    expect(audit.map((r) => [r.action, r.before, r.after])).toEqual([['letters.create', null, stored]]);
    // The letter it follows is now replied, and says so.
    expect((await t.ok('letters.get', { id: first.id })).state).toBe('replied');
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('takes the next number of the letter’s own year, and a refused letter gives its number back', async () => {
    const one = await t.ok('letters.create', letterInput());
    const missing = await t.fail('letters.create', letterInput({ from: { partnerId: one.id } }));
    expect(missing.code).toBe('NOT_FOUND');
    const two = await t.ok('letters.create', letterInput());
    expect([one.number, two.number]).toEqual(['1/1404/ر ب', '2/1404/ر ب']);
  });
});
