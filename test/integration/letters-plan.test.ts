/**
 * The register's queries use their indexes. Each plan is taken from the very query the
 * repository builds, so a change to a query or an index that loses its index fails here.
 */
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  letterCountQuery,
  letterPageQuery,
  overdueAwaitingReplyQuery,
  referredToQuery,
  threadQuery,
  type LetterFilter,
  type LetterSort,
} from '../../electron/main/core/letters/letters.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { addPartner, letterInput } from './letters.fixtures';

let t: TestDesk;
let partnerId: string;
beforeAll(async () => {
  t = await openTestDesk();
  partnerId = await addPartner(t, 'کازان');
  const first = await t.ok('letters.create', letterInput({ from: { partnerId } }));
  await t.ok(
    'letters.create',
    letterInput({ direction: 'outgoing', references: [{ letterId: first.id, kind: 'refers' }] }),
  );
});
afterAll(async () => {
  await t.cleanup();
});

const USER = '01900000-0000-7000-8000-000000000001';
const byDate: LetterSort = { by: 'letterDate', direction: 'desc' };

const plan = (query: Compilable<unknown>) => queryPlan(t.desk.internals.db, query);

const page = (filter: LetterFilter, sort: LetterSort = byDate) =>
  plan(letterPageQuery(t.desk.internals.db, filter, sort, 50, 0));
const count = (filter: LetterFilter) => plan(letterCountQuery(t.desk.internals.db, filter));

/** No step reads the whole register row by row. */
function noTableScan(detail: string): void {
  expect(detail).not.toMatch(/SCAN letters(?! USING)/);
}

describe('query plans of the register', () => {
  it('lists by date through the date index, in its order', async () => {
    const detail = await page({});
    expect(detail).toContain('SCAN letters USING INDEX letters_letter_date');
    expect(detail).not.toContain('TEMP B-TREE');
    expect(await count({})).toBe('SCAN letter_counts');
  });

  it('a date range seeks the date index', async () => {
    const filter = { dateFrom: '2025-01-01', dateTo: '2025-03-31' };
    const detail = await page(filter);
    expect(detail).toContain(
      'SEARCH letters USING INDEX letters_letter_date (letter_date>? AND letter_date<?)',
    );
    expect(detail).not.toContain('TEMP B-TREE');
    expect(await count(filter)).toContain(
      'SEARCH letters USING COVERING INDEX letters_letter_date (letter_date>? AND letter_date<?)',
    );
  });

  it('a partner goes through the letter–partner index, and is totalled from its kept count', async () => {
    const detail = await page({ partnerId });
    expect(detail).toContain(
      'SEARCH letter_partners USING COVERING INDEX letter_partners_partner (partner_id=?)',
    );
    noTableScan(detail);
    expect(await count({ partnerId })).toBe('SEARCH letter_partner_counts USING PRIMARY KEY (partner_id=?)');
  });

  it('a partner with many letters is read in date order until the page is full, the same rows', async () => {
    const walked = await plan(letterPageQuery(t.desk.internals.db, { partnerId }, byDate, 50, 0, 'walk'));
    expect(walked).toContain('SCAN letters USING INDEX letters_letter_date');
    expect(walked).toMatch(
      /SEARCH letter_partners (EXISTS )?USING PRIMARY KEY \(letter_id=\? AND partner_id=\?\)/,
    );
    expect(walked).not.toContain('TEMP B-TREE');
    const rows = (plan: 'seek' | 'walk') =>
      letterPageQuery(t.desk.internals.db, { partnerId }, byDate, 50, 0, plan).execute();
    const seek = await rows('seek');
    expect(seek.length).toBeGreaterThan(0);
    expect(await rows('walk')).toEqual(seek);
    // Counted from the partner's kept count alone.
    expect(await count({ partnerId })).toBe('SEARCH letter_partner_counts USING PRIMARY KEY (partner_id=?)');
  });

  it('a common classification sorted by number walks the number index instead of sorting', async () => {
    const filter = { classification: 'عادی' };
    const sort: LetterSort = { by: 'number', direction: 'desc' };
    const walked = await plan(letterPageQuery(t.desk.internals.db, filter, sort, 50, 0, 'walk'));
    expect(walked).toBe('SCAN letters USING INDEX letters_number');
    const rows = (plan: 'seek' | 'walk') =>
      letterPageQuery(t.desk.internals.db, filter, sort, 50, 0, plan).execute();
    expect(await rows('walk')).toEqual(await rows('seek'));
  });

  it('direction and state seek their index, in date order, and are totalled from the kept counts', async () => {
    const filter = { direction: 'incoming', state: 'awaiting_reply' };
    const detail = await page(filter);
    expect(detail).toContain('SEARCH letters USING INDEX letters_direction_state (direction=? AND state=?)');
    expect(detail).not.toContain('TEMP B-TREE');
    expect(await count(filter)).toBe('SEARCH letter_counts USING PRIMARY KEY (direction=? AND state=?)');
  });

  it('direction, state, classification and urgency are totalled from the kept counts, the rest from index entries', async () => {
    const kept: LetterFilter[] = [
      { direction: 'outgoing' },
      { state: 'replied' },
      { classification: 'سری' },
      { urgency: 'آنی' },
      { classification: 'سری', direction: 'outgoing' },
      { urgency: 'فوری', state: 'awaiting_reply' },
    ];
    for (const filter of kept) {
      const detail = await count(filter);
      expect(detail, JSON.stringify(filter)).toMatch(/^(SEARCH|SCAN) letter_counts\b/);
      expect(detail, JSON.stringify(filter)).not.toMatch(/\bletters\b/);
      expect(await page(filter), JSON.stringify(filter)).not.toContain('TEMP B-TREE');
    }
    const dated: LetterFilter = { direction: 'incoming', dateFrom: '2025-01-01' };
    expect(await count(dated)).toMatch(/SEARCH letters USING COVERING INDEX/);
    expect(await page(dated)).not.toContain('TEMP B-TREE');
  });

  it('case, relationship and referral filters seek their own indexes', async () => {
    const id = '01900000-0000-7000-8000-000000000002';
    expect(await page({ caseId: id })).toContain('SEARCH letters USING INDEX letters_case (case_id=?)');
    expect(await page({ relationshipId: id })).toContain(
      'SEARCH letters USING INDEX letters_relationship (relationship_id=?)',
    );
    expect(await page({ referredTo: USER })).toContain(
      'SEARCH letters USING INDEX letters_referred_to (referred_to_user_id=?)',
    );
  });

  it('the other sort orders walk their indexes', async () => {
    expect(await page({}, { by: 'number', direction: 'asc' })).toBe(
      'SCAN letters USING INDEX letters_number',
    );
    expect(await page({}, { by: 'subject', direction: 'asc' })).toBe(
      'SCAN letters USING INDEX letters_subject',
    );
    expect(await page({}, { by: 'registeredAt', direction: 'desc' })).toBe(
      'SCAN letters USING INDEX letters_registered_at',
    );
  });

  it('the text filter reads the trigram index of the search keys, not every letter', async () => {
    const seek = await plan(
      letterPageQuery(t.desk.internals.db, { textKey: 'کازان' }, byDate, 50, 0, 'seek'),
    );
    expect(seek).toContain('SEARCH letters USING INTEGER PRIMARY KEY (rowid=?)');
    expect(seek).toContain('SCAN letter_key_grams VIRTUAL TABLE');
    const walk = await plan(
      letterPageQuery(t.desk.internals.db, { textKey: 'کازان' }, byDate, 50, 0, 'walk'),
    );
    expect(walk).toContain('SCAN letters USING INDEX letters_letter_date');
    expect(walk).toContain('SCAN letter_key_grams VIRTUAL TABLE');
    expect(walk).not.toContain('TEMP B-TREE');
    // A text alone is counted in the index alone; with another filter, through the letters.
    const alone = await count({ textKey: 'کازان' });
    expect(alone).toContain('SCAN letter_key_grams VIRTUAL TABLE');
    expect(alone).not.toMatch(/\bletters\b/);
    const withDirection = await count({ textKey: 'کازان', direction: 'incoming' });
    expect(withDirection).toContain('SCAN letter_key_grams VIRTUAL TABLE');
    // A text outside the characters the index answers exactly is checked again on the key.
    const checked = await count({ textKey: 'σοφία' });
    expect(checked).toContain('SCAN g VIRTUAL TABLE');
    expect(checked).toContain('SEARCH k USING INTEGER PRIMARY KEY (rowid=?)');
    for (const detail of [seek, walk, withDirection, checked]) noTableScan(detail);
  });

  it('a text shorter than a trigram scans the search-key index, or walks the sort order', async () => {
    const seek = await page({ textKey: 'کا' });
    expect(seek).toContain('SCAN k USING COVERING INDEX letters_search_key');
    const alone = await count({ textKey: 'کا' });
    expect(alone).toBe('SCAN letters USING COVERING INDEX letters_search_key');
    const withDirection = await count({ textKey: 'کا', direction: 'incoming' });
    expect(withDirection).toContain('SCAN k USING COVERING INDEX letters_search_key');
    for (const detail of [seek, alone, withDirection]) noTableScan(detail);
    // A character in thousands of letters: each letter read in date order is tested, no set.
    const walk = await plan(letterPageQuery(t.desk.internals.db, { textKey: 'کا' }, byDate, 50, 0, 'walk'));
    expect(walk).toBe('SCAN letters USING INDEX letters_letter_date');
  });

  it('the Desk lists and the thread walk use indexes', async () => {
    const db = t.desk.internals.db;
    expect(await plan(overdueAwaitingReplyQuery(db, '2025-05-05', 10))).toBe(
      'SEARCH letters USING INDEX letters_state_follow_up (state=? AND follow_up_date<?)',
    );
    expect(await plan(referredToQuery(db, USER, 10))).toContain(
      'SEARCH letters USING INDEX letters_referred_to (referred_to_user_id=?)',
    );
    const thread = await plan({ compile: () => threadQuery(USER, 500).compile(db) });
    expect(thread).toContain('USING PRIMARY KEY (letter_id=?)');
    expect(thread).toContain('USING COVERING INDEX letter_references_target (target_id=?)');
    expect(thread).not.toMatch(/SCAN r\b/);
  });
});
