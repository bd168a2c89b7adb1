/**
 * A partner's letters under another filter are counted from whichever side is smaller: the
 * partner's links, or the letters of the date range or state. The office's own city is linked
 * to nearly every letter, so a year of its letters is counted from the year, not from all of
 * its links; a partner with few letters is still counted from its links. Either way the total
 * is the same, and it is what the register lists. A partner in a date range alone is counted
 * from the partner's links kept in date order (migration 2026-11-28-24-letter-partner-dates).
 */
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  letterCountQuery,
  partnerDriveOf,
  type LetterFilter,
} from '../../electron/main/core/letters/letters.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { addPartner, letterInput } from './letters.fixtures';

let t: TestDesk;
let city: string;
let small: string;

beforeAll(async () => {
  t = await openTestDesk();
  city = await addPartner(t, 'اصفهان');
  small = await addPartner(t, 'کازان');
  // The city is on every letter, over two years; the small partner on three of them.
  for (let i = 0; i < 48; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = i < 24 ? 2024 : 2025;
    await t.ok(
      'letters.create',
      letterInput({
        direction: i % 3 === 0 ? 'outgoing' : 'incoming',
        letterDate: `${year}-${month}-${String((i % 27) + 1).padStart(2, '0')}`,
        subject: `نامهٔ شمارهٔ ${i}`,
        from: { partnerId: city },
        ...(i % 16 === 5 && { to: { partnerId: small } }),
        needsReply: i % 4 === 0,
      }),
    );
  }
});

afterAll(async () => {
  await t.cleanup();
});

const plan = (query: Compilable<unknown>) => queryPlan(t.desk.internals.db, query);

async function counted(filter: LetterFilter, drive: 'links' | 'letters'): Promise<number> {
  return Number((await letterCountQuery(t.desk.internals.db, filter, drive).executeTakeFirstOrThrow()).n);
}

describe("a partner's letters under another filter", () => {
  it('are counted from a short date range when the partner is on more letters than the range holds', async () => {
    const filter = { partnerId: city, direction: 'incoming', dateFrom: '2025-03-01', dateTo: '2025-04-30' };
    expect(await partnerDriveOf(t.desk.internals.db, filter)).toBe('letters');
    const detail = await plan(letterCountQuery(t.desk.internals.db, filter, 'letters'));
    expect(detail).toMatch(/INDEX letters_(letter_date|direction_date)\b/);
    expect(detail).toMatch(/letter_partners .*PRIMARY KEY \(letter_id=\? AND partner_id=\?\)/);
    expect(detail).not.toContain('letter_partners_partner');
  });

  it('are counted from the links when the partner has few letters, however wide the range', async () => {
    const filter = { partnerId: small, direction: 'incoming', dateFrom: '2024-01-01', dateTo: '2025-12-31' };
    expect(await partnerDriveOf(t.desk.internals.db, filter)).toBe('links');
    expect(await plan(letterCountQuery(t.desk.internals.db, filter, 'links'))).toContain(
      'letter_partners_partner (partner_id=?)',
    );
  });

  it("in a date range alone are counted from the partner's links kept in date order, either partner", async () => {
    for (const partnerId of [city, small]) {
      const filter = { partnerId, dateFrom: '2024-01-01', dateTo: '2025-04-30' };
      expect(await plan(letterCountQuery(t.desk.internals.db, filter))).toBe(
        'SEARCH letter_partner_dates USING PRIMARY KEY (partner_id=? AND letter_date>? AND letter_date<?)',
      );
    }
  });

  it('are counted from a state when it holds fewer letters than the partner, and a case keeps the links', async () => {
    expect(await partnerDriveOf(t.desk.internals.db, { partnerId: city, state: 'awaiting_reply' })).toBe(
      'letters',
    );
    expect(await partnerDriveOf(t.desk.internals.db, { partnerId: city })).toBe('links');
    expect(
      await partnerDriveOf(t.desk.internals.db, {
        partnerId: city,
        caseId: '01900000-0000-7000-8000-000000000009',
      }),
    ).toBe('links');
  });

  it('total the same from either side, as many as the register lists', async () => {
    const filters: LetterFilter[] = [
      { partnerId: city, dateFrom: '2025-03-01', dateTo: '2025-04-30' },
      { partnerId: city, dateFrom: '2024-06-01' },
      { partnerId: city, dateTo: '2024-02-15' },
      { partnerId: small, dateFrom: '2024-01-01', dateTo: '2025-12-31' },
      { partnerId: city, state: 'awaiting_reply' },
      { partnerId: city, direction: 'outgoing', dateFrom: '2025-01-01' },
      { partnerId: city, direction: 'incoming', dateFrom: '2025-03-01', dateTo: '2025-04-30' },
      { partnerId: small, direction: 'incoming', dateFrom: '2024-01-01', dateTo: '2025-12-31' },
      { partnerId: small, state: 'awaiting_reply' },
    ];
    for (const filter of filters) {
      const links = await counted(filter, 'links');
      expect(await counted(filter, 'letters')).toBe(links);
      const listed = await t.ok('letters.list', {
        partnerId: filter.partnerId!,
        ...(filter.dateFrom && { dateFrom: filter.dateFrom }),
        ...(filter.dateTo && { dateTo: filter.dateTo }),
        ...(filter.state && { state: filter.state as 'awaiting_reply' }),
        ...(filter.direction && { direction: filter.direction as 'outgoing' }),
        limit: 100,
      });
      expect(listed.total).toBe(links);
      expect(listed.items.length).toBe(links);
    }
    // The register's own figures, from the letters themselves.
    expect(await counted({ partnerId: city, dateFrom: '2025-03-01', dateTo: '2025-04-30' }, 'links')).toBe(4);
    expect(await counted({ partnerId: small, dateFrom: '2024-01-01', dateTo: '2025-12-31' }, 'links')).toBe(
      3,
    );
  });
});
