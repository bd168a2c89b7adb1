import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addPartner, auditOf, snapshot } from './partners.fixtures';
import { changedFields } from '../helpers/audit';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

const MISSING = '0190f5b8-0000-7000-8000-000000000000';

describe('contacts.create, get and update', () => {
  it('stores a person at a partner with addresses and languages, and audits each change once', async () => {
    const kazan = await addPartner(t, { nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' });
    const created = await t.ok('contacts.create', {
      partnerId: kazan.id,
      nameFa: 'ایلسور متشین',
      nameEn: 'Ilsur Metshin',
      title: 'H.E.',
      position: 'شهردار',
      emails: ['mayor@kzn.example', ' mayor@kzn.example ', 'office@kzn.example'],
      phones: ['+7 843 299-15-77', '۰۰۷ ۸۴۳ ۲۹۹ ۱۵ ۷۷ داخلی ۱۲'],
      languages: ['ru', 'tt', 'en'],
      notes: 'امضاکننده موافقت‌نامه ۲۰۲۵',
    });
    expect(created).toMatchObject({
      partner: { id: kazan.id, nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' },
      nameFa: 'ایلسور متشین',
      title: 'H.E.',
      position: 'شهردار',
      emails: ['mayor@kzn.example', 'office@kzn.example'],
      phones: ['+7 843 299-15-77', '۰۰۷ ۸۴۳ ۲۹۹ ۱۵ ۷۷ داخلی ۱۲'],
      languages: ['ru', 'tt', 'en'],
      archived: false,
    });
    expect(await t.ok('contacts.get', { id: created.id })).toEqual(created);

    t.clock.advance(1_000);
    const updated = await t.ok('contacts.update', {
      id: created.id,
      emails: [],
      position: null,
      languages: ['ru'],
    });
    expect(updated).toMatchObject({ emails: [], position: null, languages: ['ru'], phones: created.phones });
    expect(updated.nameEn).toBe('Ilsur Metshin');

    const audit = await auditOf(t, 'contact', created.id);
    expect(audit.map((a) => a.action)).toEqual(['contacts.create', 'contacts.update']);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toEqual(created);
    expect([audit[1]!.before, audit[1]!.after]).toEqual(changedFields(created, updated));
    expect(audit[1]!.after).toMatchObject({ emails: [], position: null, languages: ['ru'] });
    expect(audit[1]!.after).not.toHaveProperty('nameEn');
  });

  it('keeps a contact without a partner, and moves them to another partner', async () => {
    const c = await t.ok('contacts.create', { nameFa: 'مترجم آزاد' });
    expect(c.partner).toBeNull();
    const p = await addPartner(t, {
      kind: 'organisation',
      orgType: 'embassy',
      nameFa: 'سفارت ایتالیا',
      country: 'IT',
    });
    const moved = await t.ok('contacts.update', { id: c.id, partnerId: p.id });
    expect(moved.partner?.id).toBe(p.id);
    const freed = await t.ok('contacts.update', { id: c.id, partnerId: null });
    expect(freed.partner).toBeNull();
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['a malformed email', { emails: ['mayor-at-kazan'] }, 'VALIDATION'],
    ['a phone with letters', { phones: ['call me'] }, 'VALIDATION'],
    ['a language that is not a tag', { languages: ['Russian language'] }, 'VALIDATION'],
    ['too many emails', { emails: Array.from({ length: 11 }, (_, i) => `a${i}@x.example`) }, 'VALIDATION'],
    ['an empty name', { nameFa: '' }, 'VALIDATION'],
    ['an unknown partner', { partnerId: MISSING }, 'NOT_FOUND'],
  ];
  for (const [what, patch, code] of refused) {
    it(`refuses ${what} with ${code} and changes nothing`, async () => {
      const before = await snapshot(t, ['contacts']);
      const error = await t.fail('contacts.create', { nameFa: 'رابط', ...patch });
      expect(error.code).toBe(code);
      expect(await snapshot(t, ['contacts'])).toEqual(before);
    });
  }

  it('refuses an update to an unknown partner and leaves the contact as it was', async () => {
    const c = await t.ok('contacts.create', { nameFa: 'رابط' });
    const before = await snapshot(t, ['contacts']);
    expect((await t.fail('contacts.update', { id: c.id, partnerId: MISSING })).code).toBe('NOT_FOUND');
    expect((await t.fail('contacts.update', { id: MISSING, nameFa: 'x' })).code).toBe('NOT_FOUND');
    expect(await snapshot(t, ['contacts'])).toEqual(before);
    expect(await t.ok('contacts.get', { id: c.id })).toEqual(c);
  });
});

describe('contacts.list, archive and restore', () => {
  async function seed() {
    const florence = await addPartner(t, { nameFa: 'فلورانس', nameEn: 'Florence', country: 'IT' });
    const xian = await addPartner(t, { nameFa: 'شیان', nameEn: "Xi'an", country: 'CN' });
    const people = [
      { partnerId: florence.id, nameFa: 'داریو ناردلا', nameEn: 'Dario Nardella', position: 'شهردار سابق' },
      { partnerId: florence.id, nameFa: 'سارا فونارو', nameEn: 'Sara Funaro', position: 'شهردار' },
      { partnerId: xian.id, nameFa: 'لی مینگ', nameEn: 'Li Ming', emails: ['li.ming@xa.example'] },
      { nameFa: 'پریسا کریمی', nameEn: 'Parisa Karimi', position: 'مترجم' },
      { nameFa: 'بهرام ياسمي', nameEn: 'Bahram Yasami', position: 'كارشناس' },
    ];
    const created = [];
    for (const p of people) created.push(await t.ok('contacts.create', p));
    return { florence, xian, created };
  }

  it('filters by partner, sorts in Persian order and by partner, pages with totals', async () => {
    const { florence } = await seed();
    const atFlorence = await t.ok('contacts.list', { partnerId: florence.id });
    expect(atFlorence.total).toBe(2);
    expect(atFlorence.items.map((c) => c.nameEn)).toEqual(['Dario Nardella', 'Sara Funaro']);

    const byName = (await t.ok('contacts.list', {})).items.map((c) => c.nameFa);
    expect(byName).toEqual(['بهرام ياسمي', 'پریسا کریمی', 'داریو ناردلا', 'سارا فونارو', 'لی مینگ']);

    const byPartner = (await t.ok('contacts.list', { sort: { field: 'partner', direction: 'asc' } })).items;
    // Contacts without a partner first, then شیان before فلورانس.
    expect(byPartner.map((c) => c.partner?.nameFa ?? null)).toEqual([
      null,
      null,
      'شیان',
      'فلورانس',
      'فلورانس',
    ]);

    const page = await t.ok('contacts.list', { limit: 2, offset: 4 });
    expect([page.total, page.items.length]).toEqual([5, 1]);
  });

  it('finds contacts by text in any spelling of Persian letters, and by email', async () => {
    await seed();
    const found = async (text: string) => (await t.ok('contacts.list', { text })).items.map((c) => c.nameEn);
    expect(await found('یاسمی')).toEqual(['Bahram Yasami']); // stored with Arabic yeh
    expect(await found('کارشناس')).toEqual(['Bahram Yasami']); // stored with Arabic kaf
    expect(await found('li.ming@')).toEqual(['Li Ming']);
    expect(await found('شهردار')).toEqual(['Dario Nardella', 'Sara Funaro']);
  });

  it('archives and restores with one audit row each, and lists by archive state', async () => {
    const { created } = await seed();
    const target = created[0]!;
    const archived = await t.ok('contacts.archive', { id: target.id });
    expect(archived.archived).toBe(true);
    expect((await t.ok('contacts.list', {})).total).toBe(4);
    expect((await t.ok('contacts.list', { archived: 'archived' })).items.map((c) => c.id)).toEqual([
      target.id,
    ]);
    expect((await t.ok('contacts.list', { archived: 'all' })).total).toBe(5);

    const before = await snapshot(t, ['contacts']);
    expect((await t.fail('contacts.archive', { id: target.id })).code).toBe('CONFLICT');
    expect(await snapshot(t, ['contacts'])).toEqual(before);

    await t.ok('contacts.restore', { id: target.id });
    expect((await t.fail('contacts.restore', { id: target.id })).code).toBe('CONFLICT');
    const audit = await auditOf(t, 'contact', target.id);
    expect(audit.map((a) => a.action)).toEqual(['contacts.create', 'contacts.archive', 'contacts.restore']);
    expect(audit[1]!.after).toMatchObject({ archived: true });
    expect(audit[2]!.before).toMatchObject({ archived: true });
  });

  it('keeps a contact findable by its partner’s new name after the partner is renamed', async () => {
    const { xian } = await seed();
    const hits = async (text: string) =>
      (await t.ok('search.query', { text, types: ['contact'] })).items.map((h) => h.title);
    expect(await hits('شیان')).toEqual(['لی مینگ']);
    await t.ok('partners.update', { id: xian.id, nameFa: 'سی‌ان' });
    expect(await hits('سی‌ان')).toEqual(['لی مینگ']);
    expect(await hits('شیان')).toEqual([]);
  });
});
