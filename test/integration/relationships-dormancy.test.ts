/**
 * Dormancy is asked as "any activity since the cutoff?", source by source, and the last
 * activity is computed apart (lastActivityOf). The two must agree on every kind of linked
 * record, on each side of the cutoff day, and for relationships with no activity at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementCreateInput } from '../../shared/api/agreements.contract';
import { DORMANCY_STATUSES, type RelationshipStatus } from '../../shared/api/relationships.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addOwnCity, addPartner } from './partners.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

/** With the default of 12 months, on this day the cutoff is 2025-06-05. */
const TODAY = '2026-06-05T09:00:00.000Z';
const ON_CUTOFF = '2025-06-05';
const DAY_BEFORE = '2025-06-04';
const LONG_AGO = '2024-01-10';

type Source =
  | 'letter'
  | 'case letter'
  | 'event'
  | 'case event'
  | 'agreement'
  | 'case agreement'
  | 'unsigned agreement'
  | 'case opened'
  | 'case closed';

const SOURCES: Source[] = [
  'letter',
  'case letter',
  'event',
  'case event',
  'agreement',
  'case agreement',
  'unsigned agreement',
  'case opened',
  'case closed',
];

describe('dormancy through activity since the cutoff', () => {
  it('agrees with the last activity for every kind of record, on both sides of the cutoff day', async () => {
    const { city } = await addOwnCity(t);
    let n = 0;
    const relate = async (status: RelationshipStatus = 'active', establishedOn?: string) => {
      n++;
      const partner = await addPartner(t, { nameFa: `شهر ${n}`, nameEn: `City ${n}`, country: 'IT' });
      return t.ok('relationships.create', {
        ownUnitId: city.id,
        partnerId: partner.id,
        type: 'sister_city',
        status,
        ...(establishedOn ? { establishedOn } : {}),
      });
    };
    const at = (day: string) => t.clock.set(`${day}T09:00:00.000Z`);
    /** A case of the relationship opened long before the cutoff, so that it is not the activity. */
    const oldCase = async (relationshipId: string) => {
      at(LONG_AGO);
      return t.ok('cases.create', {
        title: 'پرونده قدیمی',
        kind: 'other',
        relationshipId,
        openedOn: LONG_AGO,
      });
    };
    const party = { from: { text: 'شهرداری' }, to: { text: 'اداره کل' } };

    /** One relationship whose only activity after LONG_AGO is `source` on `day`. */
    const withActivity = async (source: Source, day: string) => {
      const r = await relate('active', LONG_AGO);
      const agreement = {
        kind: 'mou',
        title: 'تفاهم‌نامه',
        languages: ['fa'],
        ownUnit: { partnerId: city.id },
        partners: [{ partnerId: r.partner.id }],
      } satisfies AgreementCreateInput;
      switch (source) {
        case 'letter':
          await t.ok('letters.create', {
            direction: 'incoming',
            letterDate: day,
            subject: 'نامه',
            relationshipId: r.id,
            ...party,
          });
          break;
        case 'case letter': {
          const c = await oldCase(r.id);
          await t.ok('letters.create', {
            direction: 'incoming',
            letterDate: day,
            subject: 'نامه',
            caseId: c.id,
            ...party,
          });
          break;
        }
        case 'event':
        case 'case event': {
          const link = source === 'event' ? { relationshipId: r.id } : { caseId: (await oldCase(r.id)).id };
          await t.ok('events.create', {
            kind: 'cultural_week',
            title: 'هفته فرهنگی',
            startDate: day,
            endDate: day,
            ourRole: 'host',
            ...link,
          });
          break;
        }
        case 'agreement':
        case 'case agreement': {
          const link =
            source === 'agreement' ? { relationshipId: r.id } : { caseId: (await oldCase(r.id)).id };
          await t.ok('agreements.create', { ...agreement, signedDate: day, ...link });
          break;
        }
        case 'unsigned agreement':
          at(day);
          await t.ok('agreements.create', { ...agreement, relationshipId: r.id });
          break;
        case 'case opened':
          at(day);
          await t.ok('cases.create', {
            title: 'پرونده',
            kind: 'other',
            relationshipId: r.id,
            openedOn: day,
          });
          break;
        case 'case closed': {
          const c = await oldCase(r.id);
          at(day);
          await t.ok('cases.update', { id: c.id, status: 'done' });
          break;
        }
      }
      return r.id;
    };

    const named = new Map<string, string>();
    for (const source of SOURCES) {
      named.set(`${source} on the cutoff`, await withActivity(source, ON_CUTOFF));
      named.set(`${source} the day before`, await withActivity(source, DAY_BEFORE));
    }
    // Nothing linked: counted from the day it was established, else the day it was recorded.
    at('2024-01-01');
    named.set('no activity, established long ago', (await relate('active', LONG_AGO)).id);
    named.set('no activity, established lately', (await relate('active', '2025-09-01')).id);
    at('2025-08-01');
    named.set('no activity, recorded lately', (await relate('active')).id);
    at('2024-01-01');
    named.set('no activity, recorded long ago', (await relate('dormant')).id);
    // Established after its only activity, which is old: dormant by the activity.
    const late = await relate('active', '2025-09-01');
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-02-01',
      subject: 'نامه',
      relationshipId: late.id,
      ...party,
    });
    named.set('old activity, established lately', late.id);
    // Not expected to be active: never dormant.
    named.set('proposed, no activity', (await relate('proposed', LONG_AGO)).id);

    t.clock.set(TODAY);
    const cutoff = ON_CUTOFF;
    const expected = new Set<string>();
    for (const id of named.values()) {
      const r = await t.ok('relationships.get', { id });
      const from = r.lastActivity ?? r.establishedOn ?? r.createdAt.slice(0, 10);
      if ((DORMANCY_STATUSES as readonly string[]).includes(r.status) && from < cutoff) expected.add(id);
      expect(r.dormant, [...named].find(([, v]) => v === id)![0]).toBe(expected.has(id));
    }
    const label = (id: string) => [...named].find(([, v]) => v === id)![0];
    const dormantNames = [...expected].map(label).sort();
    // What the rule says, spelt out, so that the comparison above cannot agree on nothing.
    expect(dormantNames).toEqual(
      [
        ...SOURCES.map((s) => `${s} the day before`),
        'no activity, established long ago',
        'no activity, recorded long ago',
        'old activity, established lately',
      ].sort(),
    );

    const all = { limit: 200 };
    const listed = await t.ok('relationships.list', { ...all, dormant: true });
    expect(listed.items.map((r) => label(r.id)).sort()).toEqual(dormantNames);
    expect(listed.total).toBe(expected.size);
    expect(listed.items.every((r) => r.dormant)).toBe(true);
    const others = await t.ok('relationships.list', { ...all, dormant: false });
    expect(others.total).toBe(named.size - expected.size);
    expect(others.items.some((r) => expected.has(r.id) || r.dormant)).toBe(false);
    // Sorted by last activity, the dormant ones come oldest first, those with none last.
    const byActivity = await t.ok('relationships.list', {
      ...all,
      dormant: true,
      sort: { field: 'lastActivity', direction: 'asc' },
    });
    const dates = byActivity.items.map((r) => r.lastActivity);
    expect(dates).toEqual([...dates].sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b))));
    // Paged, the total stays and the pages add up to the list.
    const first = await t.ok('relationships.list', { dormant: true, limit: 5 });
    const rest = await t.ok('relationships.list', { dormant: true, limit: 200, offset: 5 });
    expect(first.total).toBe(expected.size);
    expect([...first.items, ...rest.items].map((r) => r.id).sort()).toEqual([...expected].sort());

    const desk = await t.ok('desk.overview', {});
    expect(desk.dormantRelationships.total).toBe(expected.size);
  });
});
