import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partnerListInput } from '../../shared/api/partners.contract';
import { partnerListQuery } from '../../electron/main/core/partners/partners.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addOwnCity, addPartner, auditOf, snapshot } from './partners.fixtures';
import { changedFields } from '../helpers/audit';
import { letterInput } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

describe('partners.create and partners.get', () => {
  it('stores a foreign city with its names, country and coordinates, and audits it once', async () => {
    const { city } = await addOwnCity(t);
    const xian = await t.ok('partners.create', {
      kind: 'city',
      nameFa: '  شیان  ',
      nameEn: "Xi'an",
      nameNative: '西安',
      nativeLanguage: 'zh',
      country: 'CN',
      latitude: 34.34,
      longitude: 108.94,
      website: 'www.xa.gov.cn',
      notes: 'خواهرخوانده از ۱۹۸۹',
    });
    expect(xian).toMatchObject({
      kind: 'city',
      orgType: null,
      nameFa: 'شیان',
      nameEn: "Xi'an",
      nameNative: '西安',
      nativeLanguage: 'zh',
      country: 'CN',
      latitude: 34.34,
      longitude: 108.94,
      parent: null,
      own: false,
      archived: false,
      createdAt: '2025-05-05T09:00:00.000Z',
    });
    expect(await t.ok('partners.get', { id: xian.id })).toEqual(xian);

    const audit = await auditOf(t, 'partner', xian.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('partners.create');
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toEqual(xian);

    const julfa = (await t.ok('partners.list', { parentId: city.id })).items;
    expect(julfa.map((p) => p.nameEn)).toEqual(['New Julfa']);
    expect(julfa[0]!.parent).toMatchObject({ id: city.id, nameFa: 'اصفهان', own: true });
  });

  it('removes bidi overrides from names so a name cannot read backwards', async () => {
    const p = await addPartner(t, { nameFa: 'فلورانس\u202e', nameEn: 'Flo\u202erence' });
    expect(p.nameFa).toBe('فلورانس');
    expect(p.nameEn).toBe('Florence');
  });

  it('answers NOT_FOUND for a partner that does not exist', async () => {
    const error = await t.fail('partners.get', { id: '0190f5b8-0000-7000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('validation leaves the database unchanged', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a lower-case country', { country: 'fr' }, 'VALIDATION'],
    ['an unassigned country code', { country: 'XX' }, 'VALIDATION'],
    ['a three-letter country code', { country: 'FRA' }, 'VALIDATION'],
    ['a latitude beyond the pole', { latitude: 91, longitude: 10 }, 'VALIDATION'],
    ['a longitude beyond the date line', { latitude: 10, longitude: -180.5 }, 'VALIDATION'],
    ['a latitude without a longitude', { latitude: 48.85 }, 'VALIDATION'],
    ['an organisation type on a city', { orgType: 'ministry' }, 'VALIDATION'],
    ['an empty Persian name', { nameFa: '   ' }, 'VALIDATION'],
    ['an unknown kind', { kind: 'village' }, 'VALIDATION'],
    ['an unknown field', { population: 2_000_000 }, 'VALIDATION'],
    ['an unknown parent', { parentId: '0190f5b8-0000-7000-8000-000000000000' }, 'NOT_FOUND'],
  ];
  for (const [what, patch, code] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      await addPartner(t, { nameFa: 'پاریس', country: 'FR' });
      const before = await snapshot(t, ['partners']);
      const error = await t.fail('partners.create', { kind: 'city', nameFa: 'لیون', ...patch });
      expect(error.code).toBe(code);
      expect(await snapshot(t, ['partners'])).toEqual(before);
    });
  }

  it('refuses a parent that would make a cycle with CONFLICT, and changes nothing', async () => {
    const ministry = await addPartner(t, {
      kind: 'organisation',
      orgType: 'ministry',
      nameFa: 'وزارت امور خارجه',
      country: 'IR',
    });
    const department = await addPartner(t, {
      kind: 'organisation',
      orgType: 'ministry',
      nameFa: 'اداره کل آسیا',
      parentId: ministry.id,
    });
    const office = await addPartner(t, {
      kind: 'organisation',
      orgType: 'ministry',
      nameFa: 'دفتر چین',
      parentId: department.id,
    });
    const before = await snapshot(t, ['partners']);

    expect((await t.fail('partners.update', { id: ministry.id, parentId: office.id })).code).toBe('CONFLICT');
    expect((await t.fail('partners.update', { id: ministry.id, parentId: ministry.id })).code).toBe(
      'CONFLICT',
    );
    expect(await snapshot(t, ['partners'])).toEqual(before);
    expect((await t.ok('partners.get', { id: ministry.id })).parent).toBeNull();
  });
});

describe('partners.update', () => {
  it('changes only the fields given, null clears, and one audit row holds before and after', async () => {
    const florence = await addPartner(t, {
      nameFa: 'فلورانس',
      nameEn: 'Florence',
      nameNative: 'Firenze',
      country: 'IT',
      latitude: 43.77,
      longitude: 11.25,
      notes: 'خواهرخوانده ۱۹۹۸',
    });
    t.clock.advance(60_000);
    const updated = await t.ok('partners.update', { id: florence.id, nameNative: null, notes: 'شهر هنر' });
    expect(updated).toMatchObject({
      nameFa: 'فلورانس',
      nameEn: 'Florence',
      nameNative: null,
      country: 'IT',
      latitude: 43.77,
      notes: 'شهر هنر',
      updatedAt: '2025-05-05T09:01:00.000Z',
      createdAt: florence.createdAt,
    });
    const audit = await auditOf(t, 'partner', florence.id);
    expect(audit.map((a) => a.action)).toEqual(['partners.create', 'partners.update']);
    expect([audit[1]!.before, audit[1]!.after]).toEqual(changedFields(florence, updated));
    expect(audit[1]!.after).toMatchObject({ notes: 'شهر هنر' });
    expect(audit[1]!.after).not.toHaveProperty('nameEn');
  });

  it('turns a city into an organisation only with a fitting type, and clears coordinates in pairs', async () => {
    const p = await addPartner(t, { nameFa: 'یونسکو', latitude: 48.85, longitude: 2.3 });
    expect((await t.fail('partners.update', { id: p.id, latitude: null })).code).toBe('VALIDATION');
    const org = await t.ok('partners.update', {
      id: p.id,
      kind: 'organisation',
      orgType: 'international_organisation',
      latitude: null,
      longitude: null,
    });
    expect(org).toMatchObject({
      kind: 'organisation',
      orgType: 'international_organisation',
      latitude: null,
    });
    expect((await t.fail('partners.update', { id: p.id, kind: 'city' })).code).toBe('VALIDATION');
  });

  it('answers NOT_FOUND for an update of a missing partner and writes no audit row', async () => {
    const before = await snapshot(t, ['partners']);
    const error = await t.fail('partners.update', { id: '0190f5b8-0000-7000-8000-000000000000', notes: 'x' });
    expect(error.code).toBe('NOT_FOUND');
    expect(await snapshot(t, ['partners'])).toEqual(before);
  });
});

describe('partners.archive and partners.restore', () => {
  it('hides an archived partner from the default list and brings it back, one audit row each', async () => {
    const dakar = await addPartner(t, { nameFa: 'داکار', nameEn: 'Dakar', country: 'SN' });
    await addPartner(t, { nameFa: 'لاهور', nameEn: 'Lahore', country: 'PK' });

    const archived = await t.ok('partners.archive', { id: dakar.id });
    expect(archived.archived).toBe(true);
    expect((await t.ok('partners.list', {})).items.map((p) => p.nameEn)).toEqual(['Lahore']);
    expect((await t.ok('partners.list', { archived: 'archived' })).items.map((p) => p.nameEn)).toEqual([
      'Dakar',
    ]);
    expect((await t.ok('partners.list', { archived: 'all' })).total).toBe(2);

    const before = await snapshot(t, ['partners']);
    expect((await t.fail('partners.archive', { id: dakar.id })).code).toBe('CONFLICT');
    expect(await snapshot(t, ['partners'])).toEqual(before);

    const restored = await t.ok('partners.restore', { id: dakar.id });
    expect(restored.archived).toBe(false);
    expect((await t.fail('partners.restore', { id: dakar.id })).code).toBe('CONFLICT');

    const audit = await auditOf(t, 'partner', dakar.id);
    expect(audit.map((a) => a.action)).toEqual(['partners.create', 'partners.archive', 'partners.restore']);
    expect(audit[1]!.before).toMatchObject({ archived: false });
    expect(audit[1]!.after).toMatchObject({ archived: true });
    expect(audit[2]!.before).toMatchObject({ archived: true });
    expect(audit[2]!.after).toMatchObject({ archived: false });
  });
});

describe('partners.list', () => {
  /** The query plan of the page query partners.list runs for these filters. */
  async function plan(filters: ReturnType<typeof partnerListInput.parse>): Promise<string> {
    const compiled = partnerListQuery(t.desk.internals.db, filters).compile();
    const result = await t.desk.internals.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    return result.rows.map((r) => r.detail).join('\n');
  }

  async function seed() {
    const { city, julfa } = await addOwnCity(t);
    await addPartner(t, { nameFa: 'پاریس', nameEn: 'Paris', country: 'FR' });
    await addPartner(t, { nameFa: 'ایسی له مولینو', nameEn: 'Issy-les-Moulineaux', country: 'FR' });
    await addPartner(t, { nameFa: 'فرایبورگ', nameEn: 'Freiburg', country: 'DE' });
    await addPartner(t, { nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' });
    await addPartner(t, { nameFa: 'وین', nameEn: 'Vienna', country: 'AT' });
    await addPartner(t, { nameFa: 'هاوانا', nameEn: 'Havana', country: 'CU' });
    await addPartner(t, {
      kind: 'organisation',
      orgType: 'embassy',
      nameFa: 'سفارت فرانسه در تهران',
      nameEn: 'Embassy of France in Tehran',
      country: 'FR',
    });
    await addPartner(t, {
      kind: 'organisation',
      orgType: 'international_organisation',
      nameFa: 'شبکه شهرهای خلاق یونسکو',
      nameEn: 'UNESCO Creative Cities Network',
    });
    return { city, julfa };
  }

  it('filters by kind, organisation type, country, own and parent', async () => {
    const { city } = await seed();
    const names = async (input: Parameters<typeof t.ok<'partners.list'>>[1]) =>
      (await t.ok('partners.list', input)).items.map((p) => p.nameEn);

    expect(await names({ kind: 'city', country: 'FR' })).toEqual(['Issy-les-Moulineaux', 'Paris']);
    expect(await names({ country: 'FR' })).toEqual([
      'Issy-les-Moulineaux',
      'Paris',
      'Embassy of France in Tehran',
    ]);
    expect(await names({ kind: 'organisation', orgType: 'embassy' })).toEqual([
      'Embassy of France in Tehran',
    ]);
    expect(await names({ own: true })).toEqual(['Isfahan', 'New Julfa']);
    expect((await t.ok('partners.list', { own: false })).total).toBe(8);
    expect(await names({ parentId: city.id })).toEqual(['New Julfa']);
  });

  it('sorts by the Persian name in Persian alphabetical order, and by other fields both ways', async () => {
    await seed();
    const byName = (await t.ok('partners.list', { kind: 'city' })).items.map((p) => p.nameFa);
    // Unicode order would put پاریس and کازان after وین and هاوانا; Persian order does not.
    expect(byName).toEqual(['اصفهان', 'ایسی له مولینو', 'پاریس', 'فرایبورگ', 'کازان', 'وین', 'هاوانا']);
    const desc = (await t.ok('partners.list', { kind: 'city', sort: { field: 'name', direction: 'desc' } }))
      .items;
    expect(desc.map((p) => p.nameFa)).toEqual([...byName].reverse());
    const byEn = (await t.ok('partners.list', { kind: 'city', sort: { field: 'nameEn', direction: 'asc' } }))
      .items;
    expect(byEn.map((p) => p.nameEn)).toEqual([
      'Freiburg',
      'Havana',
      'Isfahan',
      'Issy-les-Moulineaux',
      'Kazan',
      'Paris',
      'Vienna',
    ]);
    const byCountry = (
      await t.ok('partners.list', { kind: 'city', sort: { field: 'country', direction: 'desc' } })
    ).items.map((p) => p.country);
    expect(byCountry).toEqual(['RU', 'IR', 'FR', 'FR', 'DE', 'CU', 'AT']);
  });

  it('pages with the total of all matches', async () => {
    await seed();
    const first = await t.ok('partners.list', { limit: 4, offset: 0 });
    const second = await t.ok('partners.list', { limit: 4, offset: 4 });
    const third = await t.ok('partners.list', { limit: 4, offset: 8 });
    expect([first.total, second.total, third.total]).toEqual([10, 10, 10]);
    expect([first.items.length, second.items.length, third.items.length]).toEqual([4, 4, 2]);
    const all = [...first.items, ...second.items, ...third.items].map((p) => p.id);
    expect(new Set(all).size).toBe(10);
    const filtered = await t.ok('partners.list', { country: 'FR', limit: 1 });
    expect([filtered.total, filtered.items.length]).toEqual([3, 1]);
  });

  it('finds text across spelling variants: Arabic yeh and kaf, harakat, ZWNJ, digits, country names', async () => {
    await seed();
    const found = async (text: string) => (await t.ok('partners.list', { text })).items.map((p) => p.nameEn);
    expect(await found('كازان')).toEqual(['Kazan']); // Arabic kaf
    expect(await found('ويـن')).toEqual(['Vienna']); // Arabic yeh and a tatweel
    expect(await found('شبکهٔ شهرهای خلّاق')).toEqual(['UNESCO Creative Cities Network']);
    expect(await found('شهرهایخلاق')).toEqual(['UNESCO Creative Cities Network']); // written together
    expect(await found('فرانسه')).toEqual(['Issy-les-Moulineaux', 'Paris', 'Embassy of France in Tehran']);
    expect(await found('germany')).toEqual(['Freiburg']);
    expect(await found('ISSY moulin')).toEqual(['Issy-les-Moulineaux']);
    expect(await found('100%')).toEqual([]);
    expect(await found('_')).toEqual([]);
    expect((await t.ok('partners.list', { text: '   ' })).total).toBe(10);
  });

  it('keeps the text filter in step with updates', async () => {
    const p = await addPartner(t, { nameFa: 'سمرقند', nameEn: 'Samarkand', country: 'UZ' });
    await t.ok('partners.update', { id: p.id, notes: 'خواهر‌خوانده از ۱۴۰۰' });
    expect((await t.ok('partners.list', { text: 'خواهرخوانده 1400' })).total).toBe(1);
    await t.ok('partners.update', { id: p.id, notes: null });
    expect((await t.ok('partners.list', { text: 'خواهرخوانده' })).total).toBe(0);
  });

  it('reads partners by kind and country through the kind-country index', async () => {
    await seed();
    const details = await plan(partnerListInput.parse({ kind: 'city', country: 'FR' }));
    expect(details).toMatch(/USING INDEX partners_kind_country \(kind=\? AND country=\? AND archived=\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('reads the other list shapes through an index, in order, without a sort', async () => {
    await seed();
    const shapes: [Record<string, unknown>, RegExp][] = [
      [{ country: 'FR' }, /USING INDEX partners_country \(country=\? AND archived=\?\)/],
      [{ own: true }, /USING INDEX partners_own \(own=\? AND archived=\?\)/],
      [{}, /USING INDEX partners_archived \(archived=\?\)/],
      [
        { parentId: '0190f5b8-0000-7000-8000-000000000000' },
        /USING INDEX partners_parent \(parent_id=\? AND archived=\?\)/,
      ],
    ];
    for (const [input, index] of shapes) {
      const details = await plan(partnerListInput.parse(input));
      expect(details, JSON.stringify(input)).toMatch(index);
      expect(details).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe("a partner's rename, as open lists hear it", () => {
  it('names the letters and events that show the partner in the one changed event', async () => {
    const kazan = await addPartner(t, { nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' });
    await t.ok('letters.create', letterInput({ subject: 'دعوت', from: { partnerId: kazan.id } }));
    await t.ok('events.create', {
      kind: 'cultural_week',
      title: 'هفته فرهنگی',
      startDate: '2025-06-01',
      endDate: '2025-06-07',
      ourRole: 'organiser',
      hostPartnerId: kazan.id,
    });
    const changed: string[][] = [];
    t.desk.on('changed', (c) => changed.push([...c.entities].sort()));

    await t.ok('partners.update', { id: kazan.id, nameFa: 'قازان', nameEn: 'Qazan' });
    expect(changed).toEqual([['event', 'letter', 'partner']]);

    // Notes are shown nowhere but on the partner: the letter register need not read again.
    changed.length = 0;
    await t.ok('partners.update', { id: kazan.id, notes: 'خواهرخوانده' });
    expect(changed).toEqual([['partner']]);
  });
});

describe('the search index', () => {
  it('finds a partner by its country name and by a renamed name', async () => {
    const p = await addPartner(t, { nameFa: 'ایروان', nameEn: 'Yerevan', country: 'AM' });
    const hits = async (text: string) =>
      (await t.ok('search.query', { text, types: ['partner'] })).items.map((h) => h.id);
    expect(await hits('ارمنستان')).toEqual([p.id]);
    await t.ok('partners.update', { id: p.id, nameEn: 'Erevan' });
    expect(await hits('Erevan')).toEqual([p.id]);
    expect(await hits('Yerevan')).toEqual([]);
  });
});
