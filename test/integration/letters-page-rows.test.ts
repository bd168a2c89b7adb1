/**
 * The register's pages read each letter row as one JSON array of its columns (pageRows in
 * letters.repository.ts). Every plan's page gives exactly the rows the table holds: every
 * column, with texts (quotes, backslashes, line breaks, tabs, ZWNJ, emoji, U+2028),
 * integers (beyond 32 bits) and nulls as they are stored.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findLetterRows,
  listLetterRows,
  type LetterFilter,
  type LetterSort,
} from '../../electron/main/core/letters/letters.repository';
import { searchKey } from '../../shared/text/persian';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addCase, addContact, addPartner, addUser, letterInput } from './letters.fixtures';

let t: TestDesk;
let florence: string;
const ODD_TEXT = 'نقل "قول" و \\ مسیر\nسطر دوم\tستون‌بندی 🌹\u2028پایان';

beforeAll(async () => {
  t = await openTestDesk();
  florence = await addPartner(t, 'فلورانس', 'Florence');
  const envoy = await addContact(t, florence, 'داریو ناردلا');
  const caseId = await addCase(t, 'هفته فرهنگی فلورانس');
  const clerk = await addUser(t, 'clerk', 'کارشناس');
  const ids: string[] = [];
  for (let n = 0; n < 30; n++) {
    const letter = await t.ok(
      'letters.create',
      letterInput({
        letterDate: `2025-05-${String(1 + (n % 28)).padStart(2, '0')}`,
        subject: n % 2 === 0 ? `هفته فرهنگی، نامه ${n}` : `Sister cities, letter ${n}`,
        ...(n % 3 === 0 && { from: { partnerId: florence, contactId: envoy }, senderNumber: `۱۲۳/${n}` }),
        ...(n % 4 === 0 && { caseId, attachmentsCount: n, needsReply: true, followUpDate: '2025-06-01' }),
        ...(n % 5 === 0 && { to: { text: ODD_TEXT } }),
      }),
    );
    ids.push(letter.id);
  }
  await t.ok('letters.refer', { id: ids[3]!, toUserId: clerk, instruction: ODD_TEXT });
  await t.ok('letters.close', { id: ids[6]!, note: ODD_TEXT });
  // Values no form gives: an integer beyond 32 bits and texts stored by any code.
  await sql`UPDATE letters SET attachments_count = 9007199254740991, from_text = ${ODD_TEXT}
    WHERE id = ${ids[9]!}`.execute(t.desk.internals.db);
});

afterAll(async () => {
  await t.cleanup();
});

const byDate: LetterSort = { by: 'letterDate', direction: 'desc' };

describe('a page of the register', () => {
  it.each<[string, LetterFilter, LetterSort]>([
    ['the whole register by date', {}, byDate],
    ['by subject', {}, { by: 'subject', direction: 'asc' }],
    ['by number', {}, { by: 'number', direction: 'desc' }],
    ['a partner by date', { partnerId: 'florence' }, byDate],
    ['a text', { textKey: searchKey('هفته فرهنگی') }, byDate],
    ['a text and a state', { textKey: searchKey('letter'), state: 'awaiting_reply' }, byDate],
  ])('%s gives every column of every row as stored', async (_name, given, sort) => {
    const db = t.desk.internals.db;
    const filter = given.partnerId ? { ...given, partnerId: florence } : given;
    const { rows, total } = await listLetterRows(db, filter, sort, 25, 0);
    expect(rows.length).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(rows.length);
    const stored = new Map(
      (
        await findLetterRows(
          db,
          rows.map((r) => r.id),
        )
      ).map((r) => [r.id, r]),
    );
    expect(rows).toStrictEqual(rows.map((r) => stored.get(r.id)));
  });

  it('keeps the texts and numbers no form gives', async () => {
    const db = t.desk.internals.db;
    const { rows } = await listLetterRows(db, {}, byDate, 50, 0);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.to_text === ODD_TEXT)).toHaveLength(6);
    expect(rows.some((r) => r.from_text === ODD_TEXT && r.attachments_count === 9007199254740991)).toBe(true);
    expect(rows.some((r) => r.close_note === ODD_TEXT)).toBe(true);
    expect(rows.filter((r) => r.current_referral_id !== null)).toHaveLength(1);
  });
});
