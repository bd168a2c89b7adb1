import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { agreementTables, kazanDraft, seedWorld, tri, type World } from './agreements.fixtures';

let t: TestDesk;
let w: World;
let agreementId: string;
let clauseKey: string;
let libraryId: string;
let valid: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  t = await openTestDesk();
  w = await seedWorld(t);
  agreementId = (await t.ok('agreements.create', kazanDraft(w))).id;
  clauseKey = (await t.ok('agreements.clauses.add', { agreementId, texts: tri('', 'ماده', 'Article') }))
    .clauseKey;
  await t.ok('agreements.saveVersion', { id: agreementId });
  libraryId = (await t.ok('clauseLibrary.create', { title: 'حل اختلاف', texts: { fa: 'متن' }, tags: [] })).id;
  // One valid input per method; each hostile case below spoils one field of it.
  valid = {
    'agreements.create': { ...kazanDraft(w) },
    'agreements.update': { id: agreementId, title: 'عنوان' },
    'agreements.get': { id: agreementId },
    'agreements.list': { text: 'کازان' },
    'agreements.clauses.add': { agreementId, texts: tri('', '', '') },
    'agreements.clauses.update': { agreementId, clauseKey, texts: tri('', '', '') },
    'agreements.clauses.move': { agreementId, clauseKey, toPosition: 1 },
    'agreements.clauses.remove': { agreementId, clauseKey },
    'agreements.clauses.insertFromLibrary': { agreementId, libraryClauseId: libraryId },
    'agreements.saveVersion': { id: agreementId, note: 'یادداشت' },
    'agreements.versions': { id: agreementId },
    'agreements.version': { id: agreementId, number: 1 },
    'agreements.compare': { id: agreementId, from: 1 },
    'agreements.transition': { id: agreementId, to: 'internal_review' },
    'agreements.expireDue': {},
    'clauseLibrary.list': { tag: 'x' },
    'clauseLibrary.create': { title: 'عنوان', texts: { fa: 'متن' }, tags: [] },
    'clauseLibrary.update': { id: libraryId, title: 'عنوان' },
    'clauseLibrary.remove': { id: libraryId },
  };
});
afterAll(async () => {
  await t.cleanup();
});

const huge = 'ا'.repeat(300_000);
const sqlText = "'); DROP TABLE agreements; --";
const protoKey = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;

/** Inputs no method accepts, whatever its fields. */
const wholeInputs: unknown[] = [null, undefined, 42, 'agreements', [], { ...protoKey }, { extra: 1 }];

/** Values no field accepts. */
const badValues: unknown[] = [
  huge,
  'a\u0000b',
  12,
  { $gt: '' },
  ['x'],
  protoKey,
  '../../etc/passwd',
  Number.NaN,
  -1,
  1e12,
];

describe('hostile input to every agreement method', () => {
  it('answers VALIDATION for inputs of the wrong shape and leaves the database unchanged', async () => {
    const before = await agreementTables(t);
    for (const method of Object.keys(valid)) {
      for (const input of wholeInputs) {
        const error = await t.fail(method as 'agreements.get', input);
        expect(error.code, `${method} ${JSON.stringify(input)}`).toBe('VALIDATION');
      }
    }
    expect(await agreementTables(t)).toEqual(before);
  });

  it('answers VALIDATION for a spoiled field of every method and leaves the database unchanged', async () => {
    const before = await agreementTables(t);
    let checked = 0;
    for (const [method, input] of Object.entries(valid)) {
      for (const field of Object.keys(input)) {
        for (const bad of badValues) {
          // A number is a fine value for a number field, a string for a string field.
          const original = input[field];
          if (
            typeof original === typeof bad &&
            typeof bad === 'string' &&
            bad !== huge &&
            !bad.includes('\u0000')
          ) {
            continue;
          }
          if (Array.isArray(original) && Array.isArray(bad)) continue;
          if (
            typeof original === 'number' &&
            typeof bad === 'number' &&
            Number.isFinite(bad) &&
            bad > 0 &&
            bad < 1e6
          ) {
            continue;
          }
          const error = await t.fail(method as 'agreements.get', { ...input, [field]: bad });
          expect(error.code, `${method}.${field} = ${String(bad).slice(0, 40)}`).toBe('VALIDATION');
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(await agreementTables(t)).toEqual(before);
  });

  it('refuses a __proto__ key inside texts, and unknown language codes', async () => {
    const before = await agreementTables(t);
    const protoTexts = JSON.parse('{"ru": "", "fa": "", "en": "", "__proto__": "x"}') as unknown;
    for (const texts of [protoTexts, { ...tri('', '', ''), xx: 'unknown' }, { ...tri('', '', ''), fa: 7 }]) {
      expect((await t.fail('agreements.clauses.add', { agreementId, texts })).code).toBe('VALIDATION');
    }
    for (const languages of [[], ['fa', 'fa'], ['fa', 'en', 'ru', 'de'], ['farsi'], ['FA']]) {
      expect((await t.fail('agreements.create', { ...kazanDraft(w), languages })).code).toBe('VALIDATION');
    }
    for (const extra of [
      { termYears: 0 },
      { termYears: 51 },
      { termYears: 2.5 },
      { renewalNoticeMonths: 37 },
    ]) {
      expect((await t.fail('agreements.create', { ...kazanDraft(w), ...extra })).code).toBe('VALIDATION');
    }
    for (const signedDate of ['2025-02-29', '1404/01/01', '2025-13-01', '2025-01-01T00:00:00Z']) {
      expect((await t.fail('agreements.create', { ...kazanDraft(w), signedDate })).code).toBe('VALIDATION');
    }
    expect((await t.fail('agreements.transition', { id: agreementId, to: 'approved; DROP' })).code).toBe(
      'VALIDATION',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await agreementTables(t)).toEqual(before);
  });

  it('keeps SQL text as plain text', async () => {
    const a = await t.ok(
      'agreements.create',
      kazanDraft(w, { title: sqlText, relationshipId: null, caseId: null }),
    );
    expect(a.title).toBe(sqlText);
    expect((await t.ok('agreements.list', { text: sqlText })).items.map((i) => i.id)).toEqual([a.id]);
  });
});
