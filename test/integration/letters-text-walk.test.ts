/**
 * A text found in many letters is paged in date order by walking the dates: either looking
 * each letter up among the text's matches, or testing each letter's key up to where the page
 * should end and looking further only when the page is not complete there. Both answer what
 * testing every key with `instr` answers, for a text spread through the register and for one
 * whose letters are all at one end of it, in both directions, at any offset, with many
 * letters sharing each date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLetterRows, type LetterSort } from '../../electron/main/core/letters/letters.repository';
import { searchKey } from '../../shared/text/persian';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { letterInput, lettersContaining } from './letters.fixtures';

/** Letters in the register, over DAYS dates (so many share a date). */
const LETTERS = 240;
const DAYS = 24;
/** In every other letter, through the whole register. */
const SPREAD = 'گزارش پیشرفت';
/** Only in the 30 oldest letters. */
const OLDEST = 'قرارداد کهنه';
/** Only in the 30 newest letters. */
const NEWEST = 'برنامه تازه';

let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk();
  for (let n = 0; n < LETTERS; n++) {
    const day = Math.floor((n * DAYS) / LETTERS);
    const words = [`نامه ${n}`];
    if (n % 2 === 0) words.push(SPREAD);
    if (n < 30) words.push(OLDEST);
    if (n >= LETTERS - 30) words.push(NEWEST);
    await t.ok(
      'letters.create',
      letterInput({
        subject: words.join(' و '),
        letterDate: `2025-03-${String(1 + day).padStart(2, '0')}`,
        direction: n % 3 === 0 ? 'outgoing' : 'incoming',
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  await t.cleanup();
});

const reference = (textKey: string, order: 'asc' | 'desc') => lettersContaining(t, textKey, { order });

describe('paging a common text in date order', () => {
  it('answers what testing every key answers, whether the page is found by testing keys or not', async () => {
    const db = t.desk.internals.db;
    for (const text of [SPREAD, OLDEST, NEWEST]) {
      const textKey = searchKey(text);
      for (const direction of ['desc', 'asc'] as const) {
        const sort: LetterSort = { by: 'letterDate', direction };
        const expected = await reference(textKey, direction);
        expect(expected.length, text).toBeGreaterThanOrEqual(30);
        for (const keysTestedShare of [0, Infinity]) {
          for (const offset of [0, 7, 29, expected.length - 3, expected.length + 4]) {
            const at = `${text}, ${direction}, share ${keysTestedShare}, offset ${offset}`;
            const listed = await listLetterRows(db, { textKey }, sort, 10, offset, {
              walkAbove: 0,
              keysTestedShare,
            });
            expect(
              listed.rows.map((r) => r.id),
              at,
            ).toEqual(expected.slice(offset, offset + 10));
            expect(listed.total, at).toBe(expected.length);
          }
        }
      }
    }
  });

  it('a text in the oldest letters is still paged newest first, through the API too', async () => {
    const listed = await t.ok('letters.list', {
      text: OLDEST,
      sort: { by: 'letterDate', direction: 'desc' },
      limit: 5,
    });
    expect(listed.total).toBe(30);
    expect(listed.items.map((l) => l.id)).toEqual((await reference(searchKey(OLDEST), 'desc')).slice(0, 5));
  });
});
