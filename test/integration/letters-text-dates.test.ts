/**
 * A text's page in date order is fetched from the rowids where its dates lie
 * (letter_date_blocks, migration 2026-11-28-25-letter-date-blocks). The page is what testing
 * every key with `instr` answers: for texts in the middle, the oldest, the newest and all
 * through the register, and one the trigram index answers with candidates; in both
 * directions and at any offset; after older letters were registered late (an import of a
 * past year), dates were moved and letters removed; when the range holds more letters than a
 * seek fetches (the walk answers); and on a desk made before the blocks. The blocks always
 * hold every letter's date, and the reindex makes them exact again.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LETTER_DATE_BLOCK,
  textDateRange,
  textMayReach,
} from '../../electron/main/core/letters/letter-date-blocks';
import {
  keyTestedBoundQuery,
  listLetterRows,
  textRangePageQuery,
} from '../../electron/main/core/letters/letters.repository';
import { keyGramsPlan, type KeyGramsPlan } from '../../electron/main/core/search/letter-key-grams';
import { searchKey } from '../../shared/text/persian';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { queryPlan } from '../helpers/query-plan';
import { letterInput, lettersContaining } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

/** Over three blocks of rowids, registered in date order, four letters to a date. */
const LETTERS = 700;
/** In letters 300–399 only: a year's number, in none of the newest letters. */
const MIDDLE = 'سال ۱۴۰۲';
/** In every third letter. */
const SPREAD = 'گزارش پیشرفت';
/** In the 40 oldest letters. */
const OLDEST = 'قرارداد کهنه';
/** In the 40 newest letters. */
const NEWEST = 'برنامه تازه';
/** In every fifth letter from 200 on: a text the trigram index answers with candidates. */
const CANDIDATES = 'Казань Кремль';
const TEXTS = [MIDDLE, SPREAD, OLDEST, NEWEST, CANDIDATES];

/** The trigram index's plan for a text's key; every text here has one. */
function trigramPlan(textKey: string): Exclude<KeyGramsPlan, { kind: 'scan' }> {
  const grams = keyGramsPlan(textKey);
  if (grams.kind === 'scan') throw new Error('a trigram plan was expected');
  return grams;
}

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

function dateOf(n: number): string {
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(n / 4) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** Registers letters `from`–`to` (exclusive) with their texts; answers their ids. */
async function register(desk: TestDesk, from: number, to: number, date = dateOf): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < to; n++) {
    const words = [`نامه ${n}`];
    if (n >= 300 && n < 400) words.push(MIDDLE);
    if (n % 3 === 0) words.push(SPREAD);
    if (n < 40) words.push(OLDEST);
    if (n >= LETTERS - 40) words.push(NEWEST);
    if (n >= 200 && n % 5 === 0) words.push(CANDIDATES);
    const letter = await desk.ok(
      'letters.create',
      letterInput({ subject: words.join(' و '), letterDate: date(n) }),
    );
    ids.push(letter.id);
  }
  return ids;
}

/** Every page of every text, both directions, against testing every key. */
async function expectSamePages(desk: TestDesk, options: { dateRangeMost?: number } = {}): Promise<void> {
  const db = desk.desk.internals.db;
  for (const text of TEXTS) {
    const textKey = searchKey(text);
    for (const direction of ['desc', 'asc'] as const) {
      const expected = await lettersContaining(desk, textKey, { order: direction });
      for (const [limit, offset] of [
        [10, 0],
        [50, 0],
        [10, 7],
        [10, 45],
        [10, Math.max(0, expected.length - 3)],
        [10, expected.length + 4],
      ] as const) {
        const at = `${text}, ${direction}, ${limit} from ${offset}`;
        // walkAbove 0 and no key testing: the date range, else the walk among the matches.
        const listed = await listLetterRows(db, { textKey }, { by: 'letterDate', direction }, limit, offset, {
          walkAbove: 0,
          keysTestedShare: 0,
          ...options,
        });
        expect(
          listed.rows.map((r) => r.id),
          at,
        ).toEqual(expected.slice(offset, offset + limit));
        expect(listed.total, at).toBe(expected.length);
      }
    }
  }
}

/** Every letter's date lies within its block's bounds. */
async function expectBlocksHoldDates(desk: TestDesk): Promise<void> {
  const outside = await sql<{ id: string }>`SELECT l.id FROM letters AS l
    LEFT JOIN letter_date_blocks AS b ON b.block = l.rowid / ${LETTER_DATE_BLOCK}
    WHERE b.block IS NULL OR l.letter_date < b.min_date OR l.letter_date > b.max_date`.execute(
    desk.desk.internals.db,
  );
  expect(outside.rows).toEqual([]);
}

/** The blocks exactly as the letters say (after the migration or the reindex). */
async function expectBlocksExact(desk: TestDesk): Promise<void> {
  const db = desk.desk.internals.db;
  const kept = await sql`SELECT block, min_date, max_date FROM letter_date_blocks ORDER BY block`.execute(db);
  const summary = await sql`SELECT rowid / ${LETTER_DATE_BLOCK} AS block, min(letter_date) AS min_date,
    max(letter_date) AS max_date FROM letters GROUP BY 1 ORDER BY 1`.execute(db);
  expect(kept.rows).toEqual(summary.rows);
}

describe("a text's page from the rowids of its dates", () => {
  it('is what testing every key answers, also after late registrations, moved dates and removals', async () => {
    t = await openTestDesk();
    const desk = t;
    const ids = await register(desk, 0, LETTERS);
    await expectBlocksExact(desk);
    await expectSamePages(desk);

    // Letters of 2022 registered now (an import of a past year), with each text but the newest.
    const past = (n: number) => `2022-06-${String(1 + (n % 28)).padStart(2, '0')}`;
    await register(desk, 0, 20, past);
    await register(desk, 300, 330, past);
    // A middle letter moved to the newest date, an old one to the oldest, through the API
    // and by any code; two letters removed.
    await desk.ok('letters.update', { id: ids[350]!, letterDate: '2026-06-01' });
    await desk.ok('letters.update', { id: ids[690]!, letterDate: '2021-01-01' });
    const db = desk.desk.internals.db;
    await sql`UPDATE letters SET letter_date = '2026-07-01' WHERE id = ${ids[301]!}`.execute(db);
    await sql`DELETE FROM letters WHERE id IN (${ids[399]!}, ${ids[699]!})`.execute(db);
    await expectBlocksHoldDates(desk);
    await expectSamePages(desk);
    // Ranges holding more letters than a seek may fetch: the walk answers the same.
    await expectSamePages(desk, { dateRangeMost: 12 });

    await desk.ok('search.reindex', {});
    await expectBlocksExact(desk);
    await expectSamePages(desk);
  }, 120_000);

  it('has texts of both kinds the trigram index answers', () => {
    expect(keyGramsPlan(searchKey(MIDDLE)).kind).toBe('exact');
    expect(keyGramsPlan(searchKey(CANDIDATES)).kind).toBe('candidates');
  });

  it('reaches only the blocks of the page’s dates, also after older letters registered late', async () => {
    t = await openTestDesk();
    const desk = t;
    await register(desk, 0, LETTERS);
    const db = desk.desk.internals.db;
    const rowidOf = async (n: number) =>
      (
        await sql<{ rowid: number }>`SELECT rowid FROM letters WHERE subject LIKE ${`نامه ${n} %`}
          ORDER BY rowid LIMIT 1`.execute(db)
      ).rows[0]!.rowid;
    // The block of letter n as first registered (the late letters repeat some numbers).
    const blockOf = async (n: number) => Math.floor((await rowidOf(n)) / LETTER_DATE_BLOCK);
    const range = async (text: string, direction: 'asc' | 'desc') => {
      const textKey = searchKey(text);
      const grams = trigramPlan(textKey);
      const total = (await lettersContaining(desk, textKey)).length;
      return textDateRange(db, grams, textKey, direction, 10, total);
    };
    const blocks = async (first: number, last: number) => ({
      from: first * LETTER_DATE_BLOCK,
      to: last * LETTER_DATE_BLOCK + LETTER_DATE_BLOCK - 1,
    });
    const lastBlock = await blockOf(LETTERS - 1);
    // Newest first, the page's 10 letters are 390–399: from their block to the newest.
    expect(await range(MIDDLE, 'desc')).toEqual(await blocks(await blockOf(390), lastBlock));
    // Oldest first, letters 300–309: from the oldest block to theirs.
    expect(await range(MIDDLE, 'asc')).toEqual(await blocks(0, await blockOf(309)));
    // The newest 40 letters: the last block alone.
    expect(await range(NEWEST, 'desc')).toEqual(await blocks(lastBlock, lastBlock));
    // A text the index answers with candidates (each checked on the key) is ranged the same.
    expect(await range(CANDIDATES, 'desc')).toEqual(await blocks(await blockOf(650), lastBlock));

    const textKey = searchKey(MIDDLE);
    const grams = trigramPlan(textKey);
    const plan = await queryPlan(
      db,
      textRangePageQuery(
        db,
        grams,
        textKey,
        (await range(MIDDLE, 'desc'))!,
        { by: 'letterDate', direction: 'desc' },
        50,
        0,
      ),
    );
    expect(plan).toContain('SEARCH letters USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan).toMatch(/SCAN letter_key_grams VIRTUAL TABLE INDEX \d+:M1/);
    expect(plan).not.toMatch(/SCAN letters\b/);
    expect(plan).not.toContain('letters_letter_date');

    // 406 letters of 2022 registered now (an import of a past year): the first six, beside
    // the newest letters in their block, with the newest letters' text, then 100 with the
    // middle text. The newest-first ranges still end with the newest letters' block: the
    // six are passed over among the twenty read, and the middle text's range leaves out the
    // late letters that hold it.
    const past = (n: number) => `2022-06-${String(1 + (n % 28)).padStart(2, '0')}`;
    await register(desk, LETTERS - 6, LETTERS, past);
    await register(desk, 0, 400, past);
    expect(await range(MIDDLE, 'desc')).toEqual(await blocks(await blockOf(390), lastBlock));
    expect(await range(NEWEST, 'desc')).toEqual(await blocks(lastBlock, lastBlock));
  }, 60_000);

  it('tell when none of a text’s letters can be of a date or beyond, and never say so wrongly', async () => {
    t = await openTestDesk();
    const desk = t;
    await register(desk, 0, LETTERS);
    const db = desk.desk.internals.db;
    // The dates of these letters, oldest to newest.
    const dates = [0, 100, 299, 350, 399, 400, 500, 660, LETTERS - 1].map((n) => dateOf(n));
    /** For each text and direction, textMayReach at each date; checked against every key. */
    const verdicts = async () => {
      const found: Record<string, boolean[]> = {};
      for (const text of TEXTS) {
        const textKey = searchKey(text);
        const grams = trigramPlan(textKey);
        for (const direction of ['desc', 'asc'] as const) {
          for (const date of dates) {
            const may = await sql<{ may: number }>`SELECT ${textMayReach(
              grams,
              textKey,
              direction,
              sql<string>`${date}`,
            )} AS may`.execute(db);
            const beyond = direction === 'desc' ? sql`letter_date >= ${date}` : sql`letter_date <= ${date}`;
            const truth = await sql<{ n: number }>`SELECT count(*) AS n FROM letters
              WHERE instr(search_key, ${textKey}) > 0 AND ${beyond}`.execute(db);
            const answer = may.rows[0]!.may === 1;
            // Never "none" when there is one.
            if (truth.rows[0]!.n > 0) expect(answer, `${text}, ${direction}, ${date}`).toBe(true);
            (found[`${text} ${direction}`] ??= []).push(answer);
          }
        }
      }
      return found;
    };
    const before = await verdicts();
    // None of the middle or oldest letters is among the newest blocks' dates; none of the
    // newest among the oldest blocks'. The spread text is everywhere.
    expect(before[`${MIDDLE} desc`]!.slice(-2)).toEqual([false, false]);
    expect(before[`${OLDEST} desc`]!.slice(-2)).toEqual([false, false]);
    expect(before[`${NEWEST} asc`]!.slice(0, 7)).toEqual(Array(7).fill(false));
    expect(before[`${SPREAD} desc`]).toEqual(Array(dates.length).fill(true));
    expect(before[`${SPREAD} asc`]).toEqual(Array(dates.length).fill(true));

    // Letters of 2022 with the middle text registered now, and a middle letter moved to the
    // newest date: the blocks widen, and the answers stay true to every key.
    const past = (n: number) => `2022-06-${String(1 + (n % 28)).padStart(2, '0')}`;
    const late = await register(desk, 300, 330, past);
    await desk.ok('letters.update', { id: late[0]!, letterDate: dateOf(LETTERS - 1) });
    const after = await verdicts();
    expect(after[`${MIDDLE} desc`]!.at(-1)).toBe(true);

    // The key-tested walk's first statement reads the bound once and the trigram index only
    // between the blocks' rowids.
    const plan = await queryPlan(db, keyTestedBoundQuery(searchKey(MIDDLE), 'desc', 40));
    expect(plan).toContain('MATERIALIZE bound');
    expect(plan).toMatch(/SCAN letter_key_grams VIRTUAL TABLE INDEX \d+:M1></);
    expect(plan).not.toMatch(/SCAN letters\b(?! USING COVERING INDEX letters_letter_date)/);
  }, 60_000);

  it('are kept for a desk made before them', async () => {
    t = await openTestDesk();
    await register(t, 0, 300);
    await undoMigrationsAfter(t.desk.internals.db, '2026-11-28-24-letter-partner-dates');
    await t.reopen();
    await expectBlocksExact(t);
    await register(t, 300, 420);
    await expectBlocksExact(t);
  }, 60_000);

  it('fail the check above when a trigger misses a change of date', async () => {
    t = await openTestDesk();
    const ids = await register(t, 0, 5);
    await sql`DROP TRIGGER letter_date_blocks_update`.execute(t.desk.internals.db);
    await t.ok('letters.update', { id: ids[2]!, letterDate: '2027-01-01' });
    await expect(expectBlocksHoldDates(t)).rejects.toThrow();
  });
});
