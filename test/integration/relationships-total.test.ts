/**
 * A relationship page whose filter or sort needs every relationship's last activity carries its
 * total in the same query (a window over the filtered rows): the same total, on every page and
 * past the last one, as counting the rows themselves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelationshipListInput } from '../../shared/api/relationships.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
  expect((await t.ok('sample.load', {})).loaded).toBe(true);
});
afterEach(async () => {
  await t.cleanup();
});

describe('relationship totals with the last activity', () => {
  it('answer the number of matching relationships on every page', async () => {
    // A shorter dormancy makes both dormant and active relationships among the sample's.
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 3 });
    const filters: RelationshipListInput[] = [
      { dormant: true },
      { dormant: false },
      { dormant: true, status: 'active' },
      { sort: { field: 'lastActivity', direction: 'asc' } },
      { status: 'active', sort: { field: 'lastActivity', direction: 'desc' } },
      { dormant: true, text: 'zzzz-nothing' },
    ];
    const totals: number[] = [];
    for (const filter of filters) {
      const all = await t.ok('relationships.list', { ...filter, limit: 500 });
      expect(all.total, JSON.stringify(filter)).toBe(all.items.length);
      totals.push(all.total);
      for (const offset of [0, 1, Math.max(0, all.total - 1), all.total, all.total + 5]) {
        const page = await t.ok('relationships.list', { ...filter, limit: 2, offset });
        expect(page.total, `${JSON.stringify(filter)} from ${offset}`).toBe(all.total);
        expect(page.items).toEqual(all.items.slice(offset, offset + 2));
      }
    }
    // The sample has both kinds, so the pages above were not all empty.
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBeGreaterThan(0);
    expect(totals[5]).toBe(0);
    // Without a dormancy filter the total is the plain count.
    const active = await t.ok('relationships.list', { status: 'active', limit: 1 });
    expect(totals[4]).toBe(active.total);
  });
});
